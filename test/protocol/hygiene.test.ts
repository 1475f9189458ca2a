// What only the wire shows about bad input to the server itself: URIs Node cannot map to a path,
// edits that point past the end of the document, a document whose parse is pathological, and
// requests after shutdown. The server answers each and stays up.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { spawn } from 'node:child_process';
import { SERVER, TestClient } from './lspClient';

const POSTMORTEM = '# Postmortem: odd\n\n##Summary\n';

/** Every range lies inside the text: whole-number positions on existing lines, within their length. */
function assertInside(diagnostics: Diagnostic[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const { range } of diagnostics) {
    for (const position of [range.start, range.end]) {
      assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), JSON.stringify(range));
      assert.ok(position.line < lines.length, `line ${position.line} of ${lines.length}: ${JSON.stringify(range)}`);
      assert.ok(position.character <= lines[position.line].length, `character ${position.character} on "${lines[position.line]}"`);
    }
  }
}

describe('server hygiene over stdio', function () {
  let client: TestClient | undefined;
  afterEach(async () => client?.stop());

  it('answers documents whose file: URI has a host, an encoded slash or a bad escape, and stays up', async () => {
    client = new TestClient();
    await client.initialize();
    const uris = ['file://fileserver/share/postmortem.md', 'file://[::1]/postmortem.md', 'file:///work/a%2Fb-postmortem.md', 'file:///work/%ZZ-postmortem.md'];
    for (const uri of uris) {
      const published = await client.diagnosticsFor(uri, client.open(uri, POSTMORTEM));
      assert.ok(
        published.diagnostics.some((d) => d.code === 'heading-space'),
        uri,
      );
    }
    const after = 'file:///work/after-postmortem.md';
    await client.diagnosticsFor(after, client.open(after, POSTMORTEM));
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  it('clamps an edit whose range starts past the last line: it lands at the end, and every range lies inside the document', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = 'file:///work/clamp-postmortem.md';
    client.open(uri, POSTMORTEM);
    client.change(uri, [{ range: { start: { line: 9, character: 4 }, end: { line: 12, character: 0 } }, text: '\n## Timeline\n\n- 25:10 UTC: x' }]);
    const text = `${POSTMORTEM}\n## Timeline\n\n- 25:10 UTC: x`;
    // A later edit lands where the client means it: the space that makes line 3 a heading.
    const version = client.change(uri, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, text: ' ' }]);
    const published = await client.diagnosticsFor(uri, version);
    const fixed = text.replace('##Summary', '## Summary');
    assertInside(published.diagnostics, fixed);
    const codes = published.diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
    assert.ok(!codes.includes('2:heading-space'), codes.join(' '));
    assert.ok(codes.includes('6:timestamp-invalid'), codes.join(' '));
  });

  it('gives a pathological document one "too complex" notice at the deadline, and answers another document meanwhile', async function () {
    this.timeout(60_000);
    client = new TestClient(undefined, undefined, { POSTMORTEM_LINT_DEADLINE_MS: '3000' });
    await client.initialize();
    const slow = 'file:///work/slow-postmortem.md';
    const slowVersion = client.open(slow, `# Postmortem\n\n${'[a]('.repeat(250_000)}`);
    const other = 'file:///work/other-postmortem.md';
    const otherPublished = await client.diagnosticsFor(other, client.open(other, POSTMORTEM));
    assert.ok(otherPublished.diagnostics.some((d) => d.code === 'heading-space'));
    assert.ok(!client.published.some((p) => p.uri === slow), 'the other document was answered before the slow one');
    const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: other } });
    assert.deepEqual(lenses, [], 'requests about other documents are answered too');
    const published = await client.diagnostics((p) => p.uri === slow && p.version === slowVersion, 'the notice', 30_000);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['document-too-complex', 3, 0]],
    );
    assert.match(String(published.diagnostics[0].message), /^Too complex to check: .* 3 s/);
    assert.equal(client.process.exitCode, null);
  });

  it('refuses requests after shutdown with InvalidRequest (-32600), as the specification says', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = 'file:///work/late-postmortem.md';
    await client.diagnosticsFor(uri, client.open(uri, POSTMORTEM));
    await client.connection.sendRequest('shutdown');
    await assert.rejects(
      client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }),
      (error: { code?: number }) => error.code === -32600,
    );
    await assert.rejects(client.connection.sendRequest('postmortem/model', { uri }), (error: { code?: number }) => error.code === -32600);
  });

  it('answers a frame that is not JSON with a parse error (-32700, no id), and reads on', async () => {
    client = undefined; // raw frames: no JSON-RPC client
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const replies: { id: number | null; error?: { code: number } }[] = [];
    let buffer = '';
    const gotReplies = new Promise<void>((resolve) =>
      server.stdout.on('data', (chunk) => {
        buffer += String(chunk);
        for (let match; (match = /^Content-Length: (\d+)\r\n\r\n/.exec(buffer)) && Buffer.byteLength(buffer) >= match[0].length + Number(match[1]);) {
          const body = Buffer.from(buffer)
            .subarray(match[0].length, match[0].length + Number(match[1]))
            .toString();
          buffer = Buffer.from(buffer)
            .subarray(match[0].length + Number(match[1]))
            .toString();
          replies.push(JSON.parse(body));
        }
        if (replies.some((r) => r.id === 1) && replies.some((r) => r.id === null)) resolve();
      }),
    );
    server.stdin.write(frame('{"jsonrpc": "2.0", "id": 7, "method": '));
    server.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
    await gotReplies;
    server.kill();
    assert.deepEqual(replies.find((r) => r.id === null)?.error?.code, -32700);
    assert.ok(
      replies.find((r) => r.id === 1 && !r.error),
      'the next message is answered',
    );
  });
});
