// A quick fix offered through vscode.executeCodeActionProvider, applied, removes its diagnostic and
// changes nothing but its own line.
import * as vscode from 'vscode';
import { diagnosticAt, equal, hasCodes, lineOf, ok, openFixture, quickFixesFor, setText, waitForDiagnostics } from './helpers';

const FILE = 'incidents/web-postmortem.md';

describe('web extension host: quick fixes', () => {
  let doc: vscode.TextDocument;
  let original = '';

  before(async () => {
    doc = await openFixture(FILE);
    original = doc.getText();
  });
  after(async () => {
    if (doc && doc.getText() !== original) await setText(doc, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the heading-space quick fix removes its diagnostic and changes only its line', async () => {
    const line = lineOf(doc, '##Timeline');
    const ds = await waitForDiagnostics(doc.uri, hasCodes('heading-space'), 'a heading-space diagnostic');
    const target = diagnosticAt(ds, 'heading-space', line);
    ok(target, `heading-space on line ${line + 1}`);

    const { fixes: quickFixes, offered } = await quickFixesFor(doc, target);
    const fixes = quickFixes.filter((f) => !!f.edit);
    equal(fixes.length, 1, `one quick fix with an edit is offered for heading-space; offered:\n${offered}`);
    const fix = fixes[0];

    const before = doc.getText().split(/\r?\n/);
    ok(await vscode.workspace.applyEdit(fix.edit!), `applying "${fix.title}"`);
    const after = doc.getText().split(/\r?\n/);
    equal(after.length, before.length, 'the fix neither adds nor removes lines');
    for (let i = 0; i < before.length; i++) if (i !== line) equal(after[i], before[i], `line ${i + 1} is unchanged`);
    equal(after[line], '## Timeline', 'the heading gets its space');

    // Fresh diagnostics for the edited text: heading-space gone, the unfixable 14:91 still reported.
    await waitForDiagnostics(
      doc.uri,
      (now) => !diagnosticAt(now, 'heading-space', line) && !!diagnosticAt(now, 'timestamp-invalid', lineOf(doc, '14:91 UTC')),
      'the heading-space diagnostic to go away while timestamp-invalid stays',
    );
  });
});
