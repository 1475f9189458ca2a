// The duration calculator inside the real VS Code: the command with a selection of two timestamps,
// the CodeLens and hover through VS Code's own providers, and adding the length to the Duration line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DurationResult } from '../../common/protocol';
import { closeAllEditors, lineOf, openFixture, setText, waitForDiagnostics } from './helpers';

const FILE = 'incidents/duration-postmortem.md';

describe('duration calculator', () => {
  let editor: vscode.TextEditor;
  let doc: vscode.TextDocument;
  let original = '';

  before(async () => {
    editor = await openFixture(FILE);
    doc = editor.document;
    original = doc.getText();
    // The server has read the document once it publishes for it.
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the first diagnostics');
  });
  afterEach(async () => {
    if (doc.getText() !== original) await setText(doc, original);
  });
  after(closeAllEditors);

  it('with a selection holding two timestamps, returns and shows their difference (across midnight)', async () => {
    const from = lineOf(doc, '23:52');
    const to = lineOf(doc, '01:20');
    editor.selection = new vscode.Selection(from, 0, to, doc.lineAt(to).text.length);
    const result = await vscode.commands.executeCommand<DurationResult>('postmortem.calculateDuration');
    assert.ok(result, 'the command returns its result');
    assert.ok(result.ok, `a length, got: ${JSON.stringify(result)}`);
    // 23:52 to 01:20 the next day, both EAT as the timeline says.
    assert.equal(result.text, '1 h 28 min');
    assert.equal(result.start.raw, '23:52');
    assert.equal(result.end.raw, '01:20');
    assert.equal(result.start.utc, '2024-11-02T20:52:00.000Z');
    assert.equal(result.end.utc, '2024-11-02T22:20:00.000Z');
  });

  it('with a selection holding a bad time, returns the reason', async () => {
    await setText(doc, original.replace('- 00:05:', '- 00:65:'));
    const line = lineOf(doc, '00:65');
    editor.selection = new vscode.Selection(lineOf(doc, '23:52'), 0, line, doc.lineAt(line).text.length);
    const result = await vscode.commands.executeCommand<DurationResult>('postmortem.calculateDuration');
    assert.ok(result && !result.ok, JSON.stringify(result));
    assert.match(result.error, /00:65: the minutes must be 0 to 59/);
  });

  it('shows the CodeLens above the Duration line, and a hover on a timeline timestamp', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    const lens = lenses.find((l) => l.command?.command === 'postmortem.calculateDuration');
    assert.ok(lens, `a calculator lens; got: ${titles.join(' | ')}`);
    assert.equal(lens.range.start.line, lineOf(doc, 'Duration:'));
    assert.equal(lens.command!.title, '3 h 30 min · detected after 12 min · escalated after 25 min · mitigated after 1 h 40 min · resolved after 3 h 30 min');

    const line = lineOf(doc, '- 00:05');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 3));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /\*\*00:05\*\* · timeline entry/);
    assert.match(text, /UTC: 2024-11-02 21:05 UTC/);
    assert.match(text, /25 min since the incident start/);
    assert.match(text, /13 min since the previous entry \(23:52\)/);
  });

  it('adds the computed length to the Duration line, once', async () => {
    const added = await vscode.commands.executeCommand<string | undefined>('postmortem.addStatedLength', doc.uri.toString());
    assert.equal(added, '3 h 30 min');
    assert.equal(doc.lineAt(lineOf(doc, 'Duration:')).text, 'Duration: 2024-11-02 23:40 - 03:10 EAT (3 h 30 min)');
    assert.equal(doc.getText().replace(' (3 h 30 min)', ''), original, 'nothing else changed');
    // Now stated: nothing more to add.
    const again = await vscode.commands.executeCommand<string | undefined>('postmortem.addStatedLength', doc.uri.toString());
    assert.equal(again, undefined);
  });
});
