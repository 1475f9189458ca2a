// Editing the document updates its diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, diagnosticAt, hasCodes, lineOf, openFixture, setText, waitForDiagnostics } from './helpers';

const FILE = 'incidents/editing-postmortem.md';

describe('editing', () => {
  let doc: vscode.TextDocument;
  let original = '';

  before(async () => {
    doc = (await openFixture(FILE)).document;
    original = doc.getText();
    await waitForDiagnostics(doc.uri, hasCodes('timestamp-invalid'), 'the fixture diagnostics');
  });
  after(async () => {
    if (doc.getText() !== original) await setText(doc, original);
    await closeAllEditors();
  });

  it('a new bad timestamp is reported, and the report goes when it is fixed', async () => {
    const anchor = lineOf(doc, '- 10:25 UTC');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(anchor, 0), '- 25:10 UTC: an entry typed with an impossible hour.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const line = lineOf(doc, '25:10 UTC');
    await waitForDiagnostics(doc.uri, (ds) => !!diagnosticAt(ds, 'timestamp-invalid', line), `timestamp-invalid on the new line ${line + 1}`);

    const fix = new vscode.WorkspaceEdit();
    const start = doc.lineAt(line).range.start.translate(0, doc.lineAt(line).text.indexOf('25:10'));
    fix.replace(doc.uri, new vscode.Range(start, start.translate(0, 5)), '10:20');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForDiagnostics(doc.uri, (ds) => !diagnosticAt(ds, 'timestamp-invalid', line), `timestamp-invalid to leave line ${line + 1}`);
  });

  it('fixing a heading by typing removes its heading-space diagnostic', async () => {
    const line = lineOf(doc, '##Timeline');
    await waitForDiagnostics(doc.uri, (ds) => !!diagnosticAt(ds, 'heading-space', line), 'heading-space on ##Timeline');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(line, 2), ' ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const ds = await waitForDiagnostics(doc.uri, (now) => !now.some((d) => codeOf(d) === 'heading-space'), 'heading-space to go away');
    assert.ok(
      ds.some((d) => codeOf(d) === 'timestamp-invalid'),
      'the other problems are still reported',
    );
  });
});
