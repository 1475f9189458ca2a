// A quick fix removes its diagnostic and loses no other text; fix-all leaves only unfixable problems.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  diagnosticAt,
  hasCodes,
  lineOf,
  openFixture,
  quickFixesFor,
  setText,
  waitForDiagnostics,
} from './helpers';

const FILE = 'incidents/quickfix-postmortem.md';

describe('quick fixes', () => {
  let original = '';
  let doc: vscode.TextDocument;

  before(async () => {
    doc = (await openFixture(FILE)).document;
    original = doc.getText();
  });
  afterEach(async () => {
    if (doc.getText() !== original) await setText(doc, original);
  });
  after(closeAllEditors);

  it('a quick fix removes its diagnostic and changes nothing else', async () => {
    const ds = await waitForDiagnostics(doc.uri, hasCodes('heading-space'), 'a heading-space diagnostic');
    const line = lineOf(doc, '##Timeline');
    const target = diagnosticAt(ds, 'heading-space', line);
    assert.ok(target, `heading-space on line ${line + 1}; got:\n${describeDiagnostics(ds)}`);
    const { fixes, offered } = await quickFixesFor(doc, target);
    assert.equal(fixes.length, 1, `the server offers one quick fix for heading-space; code actions offered:\n${offered}`);
    const fix = fixes[0];
    assert.ok(fix.edit, `quick fix "${fix.title}" carries an edit`);
    const before = doc.getText().split(/\r?\n/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}"`);

    const afterLines = doc.getText().split(/\r?\n/);
    assert.equal(afterLines.length, before.length, 'the fix neither adds nor removes lines');
    for (let i = 0; i < before.length; i++) {
      if (i === line) continue;
      assert.equal(afterLines[i], before[i], `line ${i + 1} is unchanged by the fix`);
    }
    assert.equal(afterLines[line], '## Timeline', 'the heading gets its space');
    await waitForDiagnostics(doc.uri, (now) => !diagnosticAt(now, 'heading-space', line), 'the heading-space diagnostic to go away');
    const now = await waitForDiagnostics(doc.uri, hasCodes('timestamp-invalid'), 'other diagnostics to stay');
    assert.ok(diagnosticAt(now, 'timestamp-invalid', lineOf(doc, '13:75 UTC')), 'timestamp-invalid is still reported');
  });

  it('fix-all applies every safe fix and leaves only problems without one', async () => {
    const beforeDs = await waitForDiagnostics(doc.uri, hasCodes('heading-space', 'timestamp-invalid'), 'the fixture diagnostics');
    const beforeText = doc.getText();
    const applied = await vscode.commands.executeCommand<number>('postmortem.fixAll', doc.uri);
    assert.equal(applied, 1, 'postmortem.fixAll applies the one source.fixAll.postmortem action');
    assert.notEqual(doc.getText(), beforeText, 'fix-all changed the document');
    // Every original line that held no fixable problem keeps its text.
    for (const text of ['13:75 UTC: replica lag on db-2', '09:35 UTC: the failover is rolled back', 'A health check marked the primary']) {
      assert.ok(doc.getText().includes(text), `fix-all kept "${text}"`);
    }
    const remaining = await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'heading-space') && ds.length < beforeDs.length,
      'fix-all to remove the fixable diagnostics',
    );
    assert.ok(
      remaining.some((d) => codeOf(d) === 'timestamp-invalid'),
      '13:75 has no automatic fix and stays reported',
    );
    // Nothing fixable is left: a second fix-all changes nothing.
    const textAfterFirst = doc.getText();
    await vscode.commands.executeCommand<number>('postmortem.fixAll', doc.uri);
    assert.equal(doc.getText(), textAfterFirst, 'fix-all is idempotent: only unfixable problems remain');
  });
});
