// A postmortem fixture gets the expected diagnostics, with rule ids as codes; plain Markdown gets none.
import * as assert from 'node:assert/strict';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  diagnosticAt,
  hasCodes,
  lineOf,
  openFixture,
  postmortemDiagnostics,
  waitForDiagnostics,
} from './helpers';

const MAIN = 'incidents/checkout-db-postmortem.md';

describe('diagnostics', () => {
  after(closeAllEditors);

  it('activates on a Markdown file and starts the language server', async () => {
    await openFixture(MAIN);
    const api = await activateExtension();
    assert.equal(typeof api.serverPid, 'function', 'activate() returns { serverPid() }');
    assert.equal(typeof api.activationMs, 'number', 'activate() returns { activationMs }');
    // A figure for the benchmark notes, not an assertion: activation to the server running.
    console.log(`[figure] activation to language server running: ${api.activationMs} ms`);
  });

  it('reports the fixture problems with rule ids as codes, where they are', async () => {
    const editor = await openFixture(MAIN);
    const doc = editor.document;
    const ds = await waitForDiagnostics(
      doc.uri,
      hasCodes('heading-space', 'timestamp-invalid', 'timestamp-order', 'section-missing'),
      'heading-space, timestamp-invalid, timestamp-order and section-missing diagnostics',
    );
    const expectations: [string, string][] = [
      ['heading-space', '##Timeline'],
      ['timestamp-invalid', '13:75 UTC'],
      ['timestamp-order', '09:35 UTC'],
    ];
    for (const [code, text] of expectations) {
      const line = lineOf(doc, text);
      assert.ok(diagnosticAt(ds, code, line), `expected [${code}] on line ${line + 1} (${text}); got:\n${describeDiagnostics(ds)}`);
    }
    for (const d of ds) {
      assert.equal(d.source, 'postmortem');
      assert.match(codeOf(d) ?? '', /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `a rule id as the code: ${d.message}`);
      assert.ok(d.message.length > 0);
    }
    // The ALX profile's "Corrective and Preventative Measures" is missing from the fixture.
    const missing = ds.filter((d) => codeOf(d) === 'section-missing');
    assert.ok(
      missing.some((d) => /corrective|preventat/i.test(d.message)),
      `a section-missing diagnostic names the corrective measures section; got:\n${describeDiagnostics(missing)}`,
    );
  });

  it('leaves ordinary Markdown alone', async () => {
    const plain = await openFixture('notes/team-meeting.md');
    // Barrier: a postmortem opened after it (for the first time) gets its diagnostics, so the
    // server has seen both documents.
    const other = await openFixture('docs/writeup.md');
    await waitForDiagnostics(other.document.uri, (ds) => ds.length > 0, 'diagnostics on the postmortem opened after the plain file');
    assert.deepEqual(
      postmortemDiagnostics(plain.document.uri).map((d) => `${codeOf(d)}: ${d.message}`),
      [],
      'notes/team-meeting.md is not a postmortem and must get no postmortem diagnostics',
    );
  });

  it('treats a file as a postmortem by its front matter or first heading', async () => {
    const editor = await openFixture('docs/writeup.md');
    await waitForDiagnostics(editor.document.uri, hasCodes('heading-space'), 'heading-space in a file detected by content');
  });
});
