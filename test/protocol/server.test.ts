// The bundled language server over the real protocol (stdio), as any editor would drive it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lspClient';
import { SLOPPY } from '../fixtures/sloppy-postmortem';

describe('language server over stdio', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient();
    await client.initialize();
  });
  afterEach(async () => client.stop());

  it('publishes diagnostics with rule ids, source, documentation links and the document version', async () => {
    const uri = 'file:///work/postmortems/login-postmortem.md';
    const version = client.open(uri, SLOPPY);
    const published = await client.diagnosticsFor(uri, version);
    const codes = published.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);
    assert.ok(codes.includes('3:heading-space'), codes.join(' '));
    assert.ok(codes.includes('13:timestamp-order'), codes.join(' '));
    assert.ok(codes.includes('14:timestamp-invalid'), codes.join(' '));
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'postmortem');
      assert.match(diagnostic.codeDescription!.href, new RegExp(`docs/rules/${diagnostic.code}\\.md$`));
    }
    const invalid = published.diagnostics.find((d) => d.code === 'timestamp-invalid')!;
    assert.match(String(invalid.message), /hour/);
    assert.equal(invalid.severity, 1);
  });

  it('publishes nothing for Markdown that is not a postmortem', async () => {
    const uri = 'file:///work/docs/notes.md';
    const version = client.open(uri, '# Shopping list\n\n##eggs\n\n- 25:10 milk\n');
    const published = await client.diagnosticsFor(uri, version);
    assert.deepEqual(published.diagnostics, []);
  });

  it('recognises a postmortem by its first heading when the file name says nothing', async () => {
    const uri = 'file:///work/docs/2024-05-02.md';
    const version = client.open(uri, '# Incident report: checkout errors\n\n##Summary\n');
    const published = await client.diagnosticsFor(uri, version);
    assert.ok(published.diagnostics.some((d) => d.code === 'heading-space'));
  });

  it('follows incremental edits', async () => {
    const uri = 'file:///work/postmortem.md';
    client.open(uri, SLOPPY);
    await client.diagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'heading-space'), 'heading-space');
    const version = client.change(uri, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, text: ' ' }]);
    const published = await client.diagnosticsFor(uri, version);
    assert.ok(!published.diagnostics.some((d) => d.code === 'heading-space'));
    assert.ok(published.diagnostics.some((d) => d.code === 'timestamp-invalid'));
  });

  it('never publishes a version older than one already published, under a burst of edits', async () => {
    const uri = 'file:///work/incident.md';
    client.open(uri, SLOPPY);
    let last = 1;
    for (let i = 0; i < 40; i++) last = client.change(uri, [{ range: { start: { line: 17, character: 0 }, end: { line: 17, character: 0 } }, text: 'x' }]);
    await client.diagnosticsFor(uri, last);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published in order: ${versions.join(',')}`,
    );
    assert.ok(versions.length < 10, `debounced: ${versions.length} publications for 41 versions`);
  });

  it('offers a quick fix that inserts the missing space, and a fix-all', async () => {
    const uri = 'file:///work/postmortem.md';
    const version = client.open(uri, SLOPPY);
    const published = await client.diagnosticsFor(uri, version);
    const diagnostic = published.diagnostics.find((d) => d.code === 'heading-space')!;
    const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    assert.equal(actions.length, 1);
    const edit = actions[0].edit.documentChanges[0];
    assert.equal(edit.textDocument.version, version);
    assert.deepEqual(edit.edits, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: ' ' }]);

    const fixAll: any[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.postmortem'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.postmortem');
    // heading-space is the only safe fix in SLOPPY.
    assert.deepEqual(fixAll[0].edit.documentChanges[0].edits, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: ' ' }]);
  });

  it('lists sections and timeline entries as document symbols', async () => {
    const uri = 'file:///work/postmortem.md';
    const version = client.open(uri, SLOPPY);
    await client.diagnosticsFor(uri, version);
    const symbols: any[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (list: any[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const all = names(symbols);
    assert.ok(all.includes('Timeline'), all.join(' | '));
    assert.ok(
      all.some((name) => name.startsWith('10:40 UTC')),
      all.join(' | '),
    );
  });

  it('answers postmortem/model with the window and entries as ISO instants', async () => {
    const uri = 'file:///work/postmortem.md';
    client.open(uri, SLOPPY);
    const model: any = await client.connection.sendRequest('postmortem/model', { uri });
    assert.equal(model.isPostmortem, true);
    assert.equal(model.profile, 'alx');
    assert.equal(model.window.start, '2024-05-02T10:00:00.000Z');
    assert.equal(model.entries.length, 4);
    assert.equal(model.entries[1].instant, '2024-05-02T10:40:00.000Z');
    assert.equal(model.entries[1].phase, 'mitigated');
    assert.match(model.entries[3].error, /25:10/);
  });

  it('treats a document as a postmortem on request (postmortem/setOverride)', async () => {
    const uri = 'file:///work/docs/notes.md';
    client.open(uri, '# Notes\n\n##Timeline\n');
    await client.diagnostics((p) => p.uri === uri, 'first publication');
    void client.connection.sendNotification('postmortem/setOverride', { uri, treatAsPostmortem: true });
    const published = await client.diagnostics((p) => p.uri === uri && p.diagnostics.length > 0, 'diagnostics after override');
    assert.ok(published.diagnostics.some((d) => d.code === 'heading-space'));
  });

  it('answers bad input with a result, not a crash', async function () {
    // The server answers every document within its lint deadline (10 s; past it, one
    // document-too-complex notice), so waiting longer than that cannot fail on a slow machine.
    this.timeout(180_000);
    const inputs = [
      'postmortem\u0000\u0001\uFFFD' + '\u0007'.repeat(1000),
      '# Postmortem\n' + '9'.repeat(1_000_000),
      '# Postmortem\n' + '## Timeline\n'.repeat(50_000),
      '# Postmortem\n```\nunclosed fence\n## Timeline\n- 25:99 x\n',
      '# Postmortem\n' + '1:2:3:#:'.repeat(100_000),
    ];
    for (const [index, text] of inputs.entries()) {
      const uri = `file:///work/postmortem-${index}.md`;
      const version = client.open(uri, text);
      await client.diagnosticsFor(uri, version, 30_000);
    }
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  it('publishes one information diagnostic for a document over the size limit', async () => {
    const uri = 'file:///work/postmortem-huge.md';
    const version = client.open(uri, '# Postmortem\n' + 'word '.repeat(500_000));
    const published = await client.diagnosticsFor(uri, version);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].code, 'document-too-large');
    assert.equal(published.diagnostics[0].severity, 3);
  });
});

describe('language server settings and config files', function () {
  it('applies settings pulled from the client, and again after didChangeConfiguration', async () => {
    const client = new TestClient();
    try {
      client.configuration = { rules: {} };
      await client.initialize(true);
      const uri = 'file:///work/postmortem.md';
      const version = client.open(uri, SLOPPY);
      const first = await client.diagnosticsFor(uri, version);
      assert.ok(first.diagnostics.some((d) => d.code === 'timestamp-invalid'));
      client.configuration = { rules: { 'timestamp-invalid': 'off', 'heading-space': 'info' } };
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const second = await client.diagnostics(
        (p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'timestamp-invalid'),
        'diagnostics without timestamp-invalid',
      );
      assert.equal(second.diagnostics.find((d) => d.code === 'heading-space')?.severity, 3);
    } finally {
      await client.stop();
    }
  });

  it('marks timeline phases with the words of the postmortem.phaseWords setting', async () => {
    const client = new TestClient();
    try {
      client.configuration = { phaseWords: { mitigated: ['certificate renewed'] } };
      await client.initialize(true);
      const uri = 'file:///work/postmortem.md';
      const text = SLOPPY.replace('Certificate renewed, mitigated.', 'Certificate renewed.');
      const version = client.open(uri, text);
      await client.diagnosticsFor(uri, version);
      const model: any = await client.connection.sendRequest('postmortem/model', { uri });
      assert.equal(model.entries[1].phase, 'mitigated');
    } finally {
      await client.stop();
    }
  });

  it('ignores a rule level in the postmortem.rules setting that is not one (the rule keeps its default)', async () => {
    const client = new TestClient();
    try {
      client.configuration = { rules: { 'timestamp-order': 'loud', 'heading-space': 'info' } };
      await client.initialize(true);
      const uri = 'file:///work/postmortem.md';
      const published = await client.diagnosticsFor(uri, client.open(uri, SLOPPY));
      assert.deepEqual(
        published.diagnostics.filter((d) => d.code === 'timestamp-order').map((d) => d.severity),
        [2],
      );
      assert.equal(published.diagnostics.find((d) => d.code === 'heading-space')?.severity, 3);
    } finally {
      await client.stop();
    }
  });

  /** A temporary folder holding `.postmortemrc.json` with `rcText`, a server rooted there, and clean-up. */
  async function withConfigFolder(
    rcText: string,
    test: (folder: { client: TestClient; dir: string; rc: string; doc: string }) => Promise<void>,
  ): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'postmortem-rc-'));
    writeFileSync(join(dir, '.postmortemrc.json'), rcText);
    const client = new TestClient(dir);
    try {
      await client.initialize();
      const rc = pathToFileURL(join(dir, '.postmortemrc.json')).toString();
      await test({ client, dir, rc, doc: pathToFileURL(join(dir, 'postmortem.md')).toString() });
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('reports a custom profile with "synonyms": 5 on the config file, and lints the document with the default profile', () =>
    withConfigFolder(JSON.stringify({ profile: 'acme', profiles: { acme: { sections: [{ title: 'Comms', synonyms: 5 }] } } }), async ({ client, rc, doc }) => {
      const published = await client.diagnosticsFor(doc, client.open(doc, SLOPPY));
      assert.ok(published.diagnostics.some((d) => d.code === 'heading-space'));
      assert.ok(!published.diagnostics.some((d) => d.code === 'internal-error'));
      const rcDiagnostics = await client.diagnostics((p) => p.uri === rc, 'diagnostics on the config file');
      assert.deepEqual(
        rcDiagnostics.diagnostics.map((d) => [d.code, d.message]),
        [
          ['config-invalid', 'Profile "acme": sections[0].synonyms must be an array of strings.'],
          ['config-invalid', 'Profile "acme" is not used until its definition is fixed (see its other problems); the default profile applies.'],
        ],
      );
    }));

  it('reads a .postmortemrc.json saved with a byte order mark', () =>
    withConfigFolder('\uFEFF{ "rules": { "timestamp-order": "off" } }', async ({ client, rc, doc }) => {
      const published = await client.diagnosticsFor(doc, client.open(doc, SLOPPY));
      assert.ok(!published.diagnostics.some((d) => d.code === 'timestamp-order'));
      assert.ok(published.diagnostics.some((d) => d.code === 'timestamp-invalid'));
      assert.deepEqual((await client.diagnostics((p) => p.uri === rc, 'diagnostics on the config file')).diagnostics, []);
    }));

  it("clears a config file's problems once the file is deleted", () =>
    withConfigFolder('{ "rules": { "no-such-rule": "off" } }', async ({ client, dir, rc, doc }) => {
      client.open(doc, SLOPPY);
      await client.diagnostics((p) => p.uri === rc && p.diagnostics.length === 1, 'the unknown rule reported on the config file');
      rmSync(join(dir, '.postmortemrc.json'));
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rc, type: 3 }] });
      await client.diagnostics((p) => p.uri === rc && p.diagnostics.length === 0, "the config file's problems cleared");
    }));

  it('reads .postmortemrc.json above the document, and reports a broken one on that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postmortem-rc-'));
    writeFileSync(join(dir, '.postmortemrc.json'), '{ "rules": { "timestamp-order": "off" } }');
    const broken = mkdtempSync(join(tmpdir(), 'postmortem-rc-'));
    writeFileSync(join(broken, '.postmortemrc.json'), '{ "rules": { "no-such-rule": "off" }, }');
    const client = new TestClient(dir);
    try {
      await client.initialize();
      const good = pathToFileURL(join(dir, 'postmortem.md')).toString();
      const version = client.open(good, SLOPPY);
      const published = await client.diagnosticsFor(good, version);
      assert.ok(!published.diagnostics.some((d) => d.code === 'timestamp-order'));
      assert.ok(published.diagnostics.some((d) => d.code === 'timestamp-invalid'));

      const bad = pathToFileURL(join(broken, 'postmortem.md')).toString();
      client.open(bad, SLOPPY);
      const rc = pathToFileURL(join(broken, '.postmortemrc.json')).toString();
      const rcDiagnostics = await client.diagnostics((p) => p.uri === rc, 'diagnostics on the broken config file');
      assert.equal(rcDiagnostics.diagnostics[0].code, 'config-invalid');
      assert.match(String(rcDiagnostics.diagnostics[0].message), /not valid JSON/);
      await client.diagnostics((p) => p.uri === bad && p.diagnostics.length > 0, 'the document still linted');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
