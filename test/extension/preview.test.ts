// The timeline preview inside a real VS Code: the command opens the panel, the webview draws the
// server's entries, typing a new entry adds it, a click in the panel selects the entry's lines, the
// cursor highlights an entry, and the exports produce the timeline in other forms.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedMessage, UpdateMessage } from '../../client/src/preview/messages';
import type { PostmortemApi } from '../../client/src/extension';
import { activateExtension, closeAllEditors, lineOf, openFixture, waitFor } from './helpers';

const FIXTURE = 'incidents/timeline-preview-postmortem.md';

describe('timeline preview', function () {
  let api: PostmortemApi;
  let editor: vscode.TextEditor;

  const rendered = (test: (r: RenderedMessage) => boolean, what: string) => waitFor(api.preview.onDidRender, api.preview.lastRendered, test, what);
  const updated = (test: (u: UpdateMessage) => boolean, what: string) => waitFor(api.preview.onDidPostUpdate, api.preview.lastUpdate, test, what);

  before(async () => {
    api = await activateExtension();
    editor = await openFixture(FIXTURE);
    await vscode.commands.executeCommand('postmortem.preview.openToSide');
  });
  after(async () => {
    await closeAllEditors();
  });

  it('opens beside the editor and draws the entries of the document', async () => {
    const doc = editor.document;
    const update = await updated((u) => u.model.uri === doc.uri.toString() && u.model.version === doc.version, 'the model of the fixture');
    const raws = update.model.entries.map((e) => e.raw);
    // Every line of the Timeline section that starts with a time is an entry, in order.
    const expected = doc
      .getText()
      .split('\n')
      .filter((l) => /^- \d\d:\d\d UTC:/.test(l))
      .map((l) => l.slice(2, 11));
    assert.deepEqual(raws, expected);
    const drawn = await rendered((r) => r.uri === doc.uri.toString() && r.version === doc.version, 'the webview to draw it');
    assert.equal(drawn.entries, expected.length, 'the webview drew one element per entry');
    assert.equal(drawn.placed, expected.length - 2, 'the invalid and the out-of-order entry are not placed');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tab, 'a webview tab is open');
    assert.equal(tab.label, 'Timeline: timeline-preview-postmortem.md');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the editor');
  });

  it('adds an entry the user types', async () => {
    const doc = editor.document;
    const line = lineOf(doc, '- 03:30 UTC');
    await editor.edit((b) => b.insert(new vscode.Position(line + 1, 0), '- 03:45 UTC: the all-clear was posted to the status page.\n'));
    const version = doc.version;
    const update = await updated((u) => u.model.uri === doc.uri.toString() && u.model.version === version, 'the edited model');
    assert.equal(update.model.entries.at(-1)?.raw, '03:45 UTC');
    assert.equal(update.model.entries.at(-1)?.sincePrevious?.text, '15 min');
    const drawn = await rendered((r) => r.uri === doc.uri.toString() && r.version === version, 'the webview to draw the edit');
    assert.equal(drawn.entries, update.model.entries.length);
  });

  it('selects the entry in the editor when it is clicked in the panel', async () => {
    const update = api.preview.lastUpdate()!;
    const index = update.model.entries.findIndex((e) => e.raw === '00:40 UTC');
    const selected = new Promise<vscode.TextEditorSelectionChangeEvent>((resolve) => {
      const sub = vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === update.model.uri && e.selections[0].start.line === update.model.entries[index].range.start.line) {
          sub.dispose();
          resolve(e);
        }
      });
    });
    // Exactly what the webview posts on a click.
    await api.preview.receive({ type: 'reveal', version: update.model.version, entry: index });
    const event = await selected;
    const line = lineOf(event.textEditor.document, '00:40 UTC');
    assert.equal(event.selections[0].start.line, line);
    assert.equal(event.textEditor.document.getText(event.selections[0]), event.textEditor.document.lineAt(line).text, 'the whole entry line is selected');
  });

  it('ignores malformed and stale messages from the panel', async () => {
    const update = api.preview.lastUpdate()!;
    const before = vscode.window.activeTextEditor?.selection;
    for (const message of [
      { type: 'reveal', version: update.model.version, entry: 10_000 },
      { type: 'reveal', version: update.model.version - 1, entry: 0 },
      { type: 'reveal', version: update.model.version, entry: -1 },
      { type: 'reveal', version: update.model.version, entry: '0' },
      { type: 'run', command: 'workbench.action.closeAllEditors' },
      null,
      'reveal',
    ]) {
      await api.preview.receive(message);
    }
    assert.deepEqual(vscode.window.activeTextEditor?.selection, before, 'the selection did not move');
  });

  it('copies the timeline as Mermaid and as a Markdown table, and exports an SVG', async () => {
    const mermaid = (await vscode.commands.executeCommand<string>('postmortem.preview.copyMermaid'))!;
    assert.equal(await vscode.env.clipboard.readText(), mermaid);
    assert.match(
      mermaid,
      /^```mermaid\ntimeline\n {4}title Postmortem#58; Search index rebuild stalled overnight\n {4}section 2024-06-03\n {8}22#58;00 UTC : the nightly index rebuild started/,
    );
    assert.match(mermaid, /%% not placed: 24#58;10 UTC, Invalid time/);
    const table = (await vscode.commands.executeCommand<string>('postmortem.preview.copyMarkdownTable'))!;
    assert.equal(await vscode.env.clipboard.readText(), table);
    const rows = table.trim().split('\n');
    assert.equal(rows[0], '| Time | Phase | Since previous | Event | Note |');
    assert.equal(rows.length, 2 + api.preview.lastUpdate()!.model.entries.length);
    assert.equal(rows[4], '| 22:20 UTC | Detected | 15 min | the freshness alert fired and was detected by the on-call engineer. | |');
    const destination = vscode.Uri.joinPath(editor.document.uri, '..', 'timeline-preview-export.svg');
    await vscode.commands.executeCommand('postmortem.preview.exportSvg', undefined, { destination });
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(destination));
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes('Incident window 2024-06-03 22:00 UTC → 2024-06-04 03:30 UTC · 5 h 30 min'));
    assert.ok(svg.includes('2 h 10 min later'));
    await vscode.workspace.fs.delete(destination);
  });
});
