// "Postmortem: Select Profile": the choice is among the profiles the server offers for the file's
// folder, so a custom profile from .postmortemrc.json can be chosen and an unknown id cannot. The
// quick pick is answered through the command's second argument (a profile id).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, setSetting, workspaceRoot } from './helpers';

describe('Select Profile', () => {
  const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'select-profile-test');
  const file = () => vscode.Uri.joinPath(folder(), 'outage-postmortem.md');
  const profileSetting = () => vscode.workspace.getConfiguration('postmortem', file()).inspect<string>('profile')?.workspaceValue;

  before(async () => {
    await activateExtension();
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await write(
      vscode.Uri.joinPath(folder(), '.postmortemrc.json'),
      JSON.stringify({ profiles: { 'team-review': { name: 'Team review', extends: 'pagerduty', description: 'Our weekly review format.' } } }),
    );
    await write(file(), '# Postmortem: Outage\n');
  });
  after(async () => {
    await setSetting('profile', undefined);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  it("sets a custom profile from the .postmortemrc.json of the file's folder", async () => {
    const chosen = await vscode.commands.executeCommand<string | undefined>('postmortem.selectProfile', file(), 'team-review');
    assert.equal(chosen, 'team-review');
    assert.equal(profileSetting(), 'team-review');
  });

  it('sets a built-in profile', async () => {
    const chosen = await vscode.commands.executeCommand<string | undefined>('postmortem.selectProfile', file(), 'atlassian');
    assert.equal(chosen, 'atlassian');
    assert.equal(profileSetting(), 'atlassian');
  });

  it('refuses an id the server does not offer there, leaving the setting as it was', async () => {
    const chosen = await vscode.commands.executeCommand<string | undefined>('postmortem.selectProfile', file(), 'no-such-profile');
    assert.equal(chosen, undefined);
    assert.equal(profileSetting(), 'atlassian');
  });

  it("does not offer a folder's custom profile for a file outside that folder", async () => {
    const elsewhere = vscode.Uri.joinPath(workspaceRoot(), 'incidents', 'checkout-db-postmortem.md');
    const chosen = await vscode.commands.executeCommand<string | undefined>('postmortem.selectProfile', elsewhere, 'team-review');
    assert.equal(chosen, undefined);
  });
});
