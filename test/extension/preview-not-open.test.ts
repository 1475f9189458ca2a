// The timeline preview of a file that is not open (as after a reload that restores the panel but
// not the editor): the server has no model of it, so the panel says the file is not open instead of
// waiting forever, and draws the timeline once the file is opened (its button, or any other way).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../client/src/extension';
import { activateExtension, closeAllEditors, waitFor, workspaceRoot } from './helpers';

const TEXT = '# Postmortem: Cache stampede\n\n## Timeline\n\n- 09:00 UTC: the cache was flushed.\n- 09:12 UTC: the database alarm fired.\n';

describe('timeline preview of a file that is not open', function () {
  let api: PostmortemApi;
  const uri = () => vscode.Uri.joinPath(workspaceRoot(), 'incidents', 'not-open-preview-postmortem.md');

  before(async () => {
    api = await activateExtension();
    await closeAllEditors();
    // Written to disk only: no editor and no document for it, so the server has never seen it.
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(TEXT));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri().toString()), 'the file is not open');
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri(), { useTrash: false });
  });

  it("says the file is not open, and draws its timeline once the panel's button opens it", async () => {
    await vscode.commands.executeCommand('postmortem.preview.openToSide', uri());
    const notOpen = await waitFor(api.preview.onDidPostNotOpen, api.preview.lastNotOpen, (m) => m.uri === uri().toString(), 'the not-open state');
    assert.deepEqual(notOpen, { type: 'notOpen', uri: uri().toString(), fileName: 'not-open-preview-postmortem.md', locked: false });
    assert.equal(api.preview.lastUpdate()?.model.uri === uri().toString(), false, 'no model was posted for it');

    // Exactly what the webview posts when its "Open" button is clicked.
    await api.preview.receive({ type: 'openDocument' });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri().toString(), 'the file is open in an editor');
    const update = await waitFor(
      api.preview.onDidPostUpdate,
      api.preview.lastUpdate,
      (u) => u.model.uri === uri().toString(),
      'the model once the file is open',
    );
    assert.deepEqual(
      update.model.entries.map((e) => e.raw),
      ['09:00 UTC', '09:12 UTC'],
    );
    assert.equal(api.preview.uri()?.toString(), uri().toString(), 'the panel still shows that file');
  });
});
