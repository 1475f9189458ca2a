// "Postmortem: New Postmortem...": the file is created from the template and opened with the first
// thing to write selected; a second run with the same name does not overwrite it. The prompts are
// answered through the command's arguments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, setSetting, workspaceRoot } from './helpers';

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function remove(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

describe('New Postmortem', () => {
  const created: vscode.Uri[] = [];
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await closeAllEditors();
    for (const uri of created) await remove(uri);
    await setSetting('newPostmortemFolder', undefined);
  });

  it('creates postmortems/YYYY-MM-DD-<slug>.md from the profile template and opens it at the first thing to write', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', {
      profile: 'alx',
      title: 'Queue backlog: orders stuck!',
      date: '2024-04-10',
    });
    assert.ok(uri, 'the command returns the new file');
    created.push(vscode.Uri.joinPath(workspaceRoot(), 'postmortems'));
    assert.equal(vscode.workspace.asRelativePath(uri), 'postmortems/2024-04-10-queue-backlog-orders-stuck.md');

    const onDisk = await read(uri);
    assert.match(onDisk, /^# Postmortem: Queue backlog: orders stuck!\n\n## Issue Summary\n\nDuration: April 10, 2024, 09:00 - 10:30 UTC/);
    for (const heading of ['## Timeline', '## Root Cause and Resolution', '## Corrective and Preventative Measures'])
      assert.ok(onDisk.includes(heading), heading);

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.toString(), uri.toString(), 'the new file is the active editor');
    assert.equal(editor.document.isDirty, false, 'what is on disk is what is shown');
    assert.equal(editor.document.getText(editor.selection), '09:00', 'the start time is selected: the first thing left to write');
    assert.equal(editor.selection.start.line, 4);
  });

  it('a second run with the same title and date does not overwrite the file', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'postmortems', '2024-04-10-queue-backlog-orders-stuck.md');
    const edited = '# Postmortem: Queue backlog\n\nWritten by hand since.\n';
    // Edit and save through the editor, as a user would: the document VS Code keeps open and the
    // file on disk then agree (a write behind its back is picked up only later, by a watcher).
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), edited);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    assert.equal(await read(uri), edited);
    await closeAllEditors();

    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', {
      profile: 'google-sre',
      title: 'Queue backlog: orders stuck!',
      date: '2024-04-10',
    });
    assert.equal(again?.toString(), uri.toString(), 'the existing file is the answer');
    assert.equal(await read(uri), edited, 'the file is untouched');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'and it is opened');
    assert.equal(vscode.window.activeTextEditor?.document.getText(), edited);
  });

  it('follows postmortem.newPostmortemFolder, and each profile has its own template', async () => {
    await setSetting('newPostmortemFolder', 'docs/incidents');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', {
      profile: 'pagerduty',
      title: 'DNS',
      date: '2023-12-31',
    });
    assert.ok(uri);
    created.push(uri);
    assert.equal(vscode.workspace.asRelativePath(uri), 'docs/incidents/2023-12-31-dns.md');
    const text = await read(uri);
    assert.match(text, /^# Postmortem: DNS\n\nDate: 2023-12-31\nSeverity: SEV2\n/);
    assert.ok(text.includes('## Action Items'));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'SEV2', 'the severity is the first thing left to choose');
  });

  it('refuses a date that is not a calendar day, creating nothing', async () => {
    await setSetting('newPostmortemFolder', undefined);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', {
      profile: 'alx',
      title: 'Leap',
      date: '2023-02-29',
    });
    assert.equal(uri, undefined);
    const listing = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceRoot(), 'postmortems'));
    assert.ok(!listing.some(([name]) => name.includes('leap')), JSON.stringify(listing));
  });
});
