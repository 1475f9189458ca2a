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

  it('never publishes a version older than one it published: a version that goes back (or repeats) is applied and published without a version', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = 'file:///work/versions-postmortem.md';
    const edit = (version: number, text: string) =>
      void client!.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    const headingOf = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.code === 'heading-space').map((d) => d.range.start.line);
    client.open(uri, POSTMORTEM);
    edit(5, `# Postmortem: odd\n\n## Summary\n\n##Impact\n`);
    assert.deepEqual(headingOf(await client.diagnosticsFor(uri, 5)), [4]);
    // Back to 3: the text is what the client now has, so its problems are shown, but not as version 3.
    edit(3, `# Postmortem: odd\n\n## Summary\n\n## Impact\n\n##Timeline\n`);
    const back = await client.diagnostics((p) => p.uri === uri && headingOf(p).includes(6), 'the text of the version that went back');
    assert.equal(back.version, undefined);
    // The same version again with another text: that text's problems, not the cached ones of the first.
    edit(6, `# Postmortem: odd\n\n##Summary\n`);
    edit(6, `# Postmortem: odd\n\n## Summary\n\n## Impact\n\n## Timeline\n\n##Action items\n`);
    const repeated = await client.diagnostics((p) => p.uri === uri && headingOf(p).includes(8), 'the text of the repeated version');
    assert.equal(repeated.version, undefined);
    const versions = client.published.filter((p) => p.uri === uri && p.version !== undefined).map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published versions never go back: ${versions.join(', ')}`,
    );
    assert.ok(!versions.includes(3), versions.join(', '));
    assert.equal(client.stderr.join('').match(/versions must increase/g)?.length, 1, client.stderr.join(''));
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
    const server = rawServer();
    try {
      server.write(frame('{"jsonrpc": "2.0", "id": 7, "method": '));
      server.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
      const parseError = await server.reply((r) => r.id === null);
      assert.deepEqual(parseError.error?.code, -32700);
      const answer = await server.reply((r) => r.id === 1);
      assert.ok(!answer.error, 'the next message is answered');
    } finally {
      server.kill();
    }
  });

  it('skips a message past the size limit as it arrives (never buffered): its request gets -32600 before the body ends, and the next one is answered', async () => {
    client = undefined;
    const server = rawServer({ POSTMORTEM_MAX_MESSAGE_BYTES: '100000' });
    try {
      const declared = 5_000_000;
      const start = `{"jsonrpc":"2.0","id":5,"method":"postmortem/model","params":{"uri":"file:///work/big-postmortem.md","pad":"`;
      server.write(`Content-Length: ${declared}\r\n\r\n${start}${'x'.repeat(4096 - start.length)}`);
      // Answered while most of the body has not been sent: the server cannot be holding it.
      const refused = await server.reply((r) => r.id === 5);
      assert.equal(refused.error?.code, -32600);
      assert.match(String(refused.error?.message), /too large.*5000000 bytes.*100000/);
      let sent = 4096;
      const piece = 'x'.repeat(64 * 1024);
      while (sent < declared - 2) {
        const size = Math.min(piece.length, declared - 2 - sent);
        server.write(piece.slice(0, size));
        sent += size;
      }
      server.write('"}');
      // A message that happens to hold a header's text in its body is read as it is.
      const initialize = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: 'file:///Content-Length:%2010', capabilities: {} },
      });
      server.write(frame(initialize));
      const answer = await server.reply((r) => r.id === 1);
      assert.ok(!answer.error, JSON.stringify(answer));
      assert.equal(server.replies.filter((r) => r.id === 5).length, 1, 'answered once');
      assert.equal(server.stderr().match(/skipped unread/g)?.length, 1, server.stderr());
    } finally {
      server.kill();
    }
  });
});

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

interface Reply {
  id: number | string | null;
  error?: { code: number; message: string };
}

/** The server with raw frames on its stdin, and its replies parsed as they come. */
function rawServer(env?: Record<string, string>) {
  const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
  const replies: Reply[] = [];
  const waiters: { test: (r: Reply) => boolean; done: (r: Reply) => void }[] = [];
  const errors: string[] = [];
  server.stderr.on('data', (chunk) => errors.push(String(chunk)));
  let buffer = Buffer.alloc(0);
  server.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let match; (match = /^Content-Length: (\d+)\r\n\r\n/.exec(buffer.toString('latin1'))) && buffer.length >= match[0].length + Number(match[1]);) {
      const reply = JSON.parse(buffer.subarray(match[0].length, match[0].length + Number(match[1])).toString()) as Reply;
      buffer = buffer.subarray(match[0].length + Number(match[1]));
      replies.push(reply);
      for (const waiter of waiters.splice(0))
        if (waiter.test(reply)) waiter.done(reply);
        else waiters.push(waiter);
    }
  });
  return {
    replies,
    stderr: () => errors.join(''),
    write: (text: string) => server.stdin.write(text),
    kill: () => server.kill(),
    reply(test: (r: Reply) => boolean): Promise<Reply> {
      const seen = replies.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such reply; got ${JSON.stringify(replies)}; stderr: ${errors.join('')}`)), 15_000);
        waiters.push({ test, done: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
  };
}
