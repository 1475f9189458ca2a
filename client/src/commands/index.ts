// The commands of the "Postmortem" category, and the status bar's quick pick.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { sendOverride, type Overrides } from '../overrides';
import { profilesFor } from '../profileList';
import type { PostmortemStatusBar } from '../statusBar';
import { fixAll } from './fixAll';
import { settingsFor } from '../settings';
import { CONFIG_SECTION } from '../../../common/protocol';

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  return vscode.window.activeTextEditor?.document.uri;
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  overrides: Overrides,
  output: vscode.LogOutputChannel,
  statusBar: PostmortemStatusBar,
): void {
  const setOverride = async (arg: unknown, value: boolean | null): Promise<void> => {
    const uri = targetUri(arg);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a Markdown file first.');
      return;
    }
    await overrides.set(uri, value);
    await sendOverride(client, uri.toString(), value);
    output.info(
      `${uri.toString()}: ${value === null ? 'postmortem detection reset to automatic' : value ? 'treated as a postmortem' : 'not treated as a postmortem'}`,
    );
  };

  /**
   * Sets `postmortem.profile` for the file's folder to one of the profiles the server offers there
   * (built-in and from .postmortemrc.json). `choice` (a profile id, for keybindings, other
   * extensions and tests) answers the quick pick in advance. Resolves with the id set, if any.
   */
  const selectProfile = async (arg?: unknown, choice?: unknown): Promise<string | undefined> => {
    const uri = targetUri(arg);
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION, uri);
    const current = settingsFor(uri).profile;
    const profiles = await profilesFor(client, uri);
    let picked: { id: string } | undefined;
    if (typeof choice === 'string') {
      picked = profiles.find((p) => p.id === choice);
      if (!picked) {
        void vscode.window.showErrorMessage(`Postmortem: there is no profile "${choice}" here (available: ${profiles.map((p) => p.id).join(', ')}).`);
        return undefined;
      }
    } else {
      picked = await vscode.window.showQuickPick(
        profiles.map((p) => ({ label: p.name, description: p.id === current ? `${p.id} (current)` : p.id, detail: p.description, id: p.id })),
        { title: 'Postmortem profile', placeHolder: 'Which sections and fields the postmortem must have', matchOnDetail: true },
      );
    }
    if (!picked) return undefined;
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const target = folder
      ? (vscode.workspace.workspaceFolders?.length ?? 0) > 1
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await config.update('profile', picked.id, target);
    return picked.id;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.restartServer', async () => {
      output.info('Restarting the Postmortem language server (requested).');
      // stop + start works for both clients (the Node one's restart() does the same).
      await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand('postmortem.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('postmortem.fixAll', async (arg?: unknown) => {
      const uri = targetUri(arg);
      const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!document) {
        void vscode.window.showInformationMessage('Open a postmortem first.');
        return 0;
      }
      const applied = await fixAll(document);
      if (applied === 0) void vscode.window.setStatusBarMessage('Postmortem: nothing to fix automatically', 3000);
      return applied;
    }),
    vscode.commands.registerCommand('postmortem.treatAsPostmortem', (arg?: unknown) => setOverride(arg, true)),
    vscode.commands.registerCommand('postmortem.stopTreatingAsPostmortem', (arg?: unknown) => setOverride(arg, false)),
    vscode.commands.registerCommand('postmortem.resetPostmortemDetection', (arg?: unknown) => setOverride(arg, null)),
    vscode.commands.registerCommand('postmortem.selectProfile', selectProfile),
    vscode.commands.registerCommand('postmortem.statusBarMenu', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      const treated = statusBar.activeIsPostmortem;
      type Item = vscode.QuickPickItem & { run: () => unknown };
      const items: Item[] = [
        { label: '$(list-selection) Switch profile…', run: () => selectProfile(uri) },
        treated
          ? { label: '$(circle-slash) Stop treating this file as a postmortem', run: () => setOverride(uri, false) }
          : { label: '$(check) Treat this file as a postmortem', run: () => setOverride(uri, true) },
        { label: '$(wand) Fix all problems', run: () => vscode.commands.executeCommand('postmortem.fixAll', uri) },
        { label: '$(settings-gear) Open settings', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'postmortem') },
        { label: '$(output) Show output', run: () => output.show(true) },
      ];
      if (uri && overrides.get(uri) !== undefined) {
        items.splice(2, 0, { label: '$(discard) Detect automatically again', run: () => setOverride(uri, null) });
      }
      const picked = await vscode.window.showQuickPick(items, { title: 'Postmortem' });
      await picked?.run();
    }),
  );
}
