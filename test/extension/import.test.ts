// "Postmortem: Import Timeline…" inside a real VS Code: a Slack copy from a file is merged into the
// timeline in the document's style, one undo restores the original, a broken file changes nothing,
// and the paste provider is registered where VS Code has the paste API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, openFixture } from './helpers';

const FILE = 'incidents/import-postmortem.md';

describe('Import Timeline', function () {
  afterEach(() => closeAllEditors());

  it('inserts the entries of a Slack copy in time order, and one undo restores the document', async () => {
    const api = await activateExtension();
    const editor = await openFixture(FILE);
    const original = editor.document.getText();
    const result = await vscode.commands.executeCommand<{ added: number; duplicates: number }>('postmortem.importTimeline', {
      file: fixtureUri('imports/slack-copy.txt').toString(),
      confirm: true,
    });
    assert.deepEqual(result, { added: 2, duplicates: 0 });
    assert.equal(
      editor.document.getText(),
      original.replace(
        '- 2:00 PM UTC: cache deploy started\n',
        '- 2:00 PM UTC: cache deploy started\n- 2:04 PM UTC: Alice Smith: checkout is returning 500s right after the cache deploy\n- 2:30 PM UTC: Bob Jones: rolled back the cache deploy\n',
      ),
    );
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo restores the original');
    // VS Code 1.97 and later have the document paste API: the provider is there.
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.equal(api.pasteAsTimeline, major > 1 || minor >= 97);
  });

  it('a second import of the same file adds nothing', async () => {
    const editor = await openFixture(FILE);
    const args = { file: fixtureUri('imports/slack-copy.txt').toString(), confirm: true };
    await vscode.commands.executeCommand('postmortem.importTimeline', args);
    const once = editor.document.getText();
    const again = await vscode.commands.executeCommand<{ added: number; duplicates: number }>('postmortem.importTimeline', args);
    assert.deepEqual(again, { added: 0, duplicates: 2 });
    assert.equal(editor.document.getText(), once);
  });

  it('a file it cannot read changes nothing', async () => {
    const editor = await openFixture(FILE);
    const original = editor.document.getText();
    const version = editor.document.version;
    const result = await vscode.commands.executeCommand('postmortem.importTimeline', {
      file: fixtureUri('imports/broken-pagerduty.json').toString(),
      confirm: true,
    });
    assert.equal(result, undefined);
    assert.equal(editor.document.getText(), original);
    assert.equal(editor.document.version, version);
  });
});
