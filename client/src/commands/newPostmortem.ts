// "Postmortem: New Postmortem...": asks for a profile, a title and the incident date, asks the
// server for the profile's template with those written in, and creates
// <folder>/YYYY-MM-DD-<slug>.md (an untitled document when no folder is open). Never overwrites:
// when the file exists, it is opened as it is.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type NewPostmortemParams, type NewPostmortemResult } from '../../../common/protocol';
import { profilesIn } from '../profileList';
import { settingsFor } from '../settings';

/** Arguments that answer the prompts in advance (for keybindings, other extensions and tests). */
export interface NewPostmortemArgs {
  profile?: string;
  title?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The server's message for the user, without vscode-jsonrpc's `Request <method> failed with message: ` wrapper. */
function serverMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Request \S+ failed with message: /, '');
}

function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickProfile(client: LanguageClient, folder: vscode.Uri | undefined): Promise<string | undefined> {
  const profiles = await profilesIn(client, folder);
  const current = settingsFor(folder).profile;
  const items = profiles.map((p) => ({ label: p.name, description: p.id === current ? `${p.id} (current)` : p.id, detail: p.description, id: p.id }));
  items.sort((a, b) => Number(b.id === current) - Number(a.id === current));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'New Postmortem (1/3): profile',
    placeHolder: 'Which template to start from',
    matchOnDetail: true,
  });
  return picked?.id;
}

/** Runs the command; resolves with the document's URI, or undefined when cancelled or refused. */
export async function newPostmortem(client: LanguageClient, args: NewPostmortemArgs = {}): Promise<vscode.Uri | undefined> {
  const workspaceFolder = targetFolder();
  const folderSetting = settingsFor(workspaceFolder?.uri).newPostmortemFolder;
  const folder = workspaceFolder && vscode.Uri.joinPath(workspaceFolder.uri, ...folderSetting.split(/[\\/]+/).filter((part) => part && part !== '.'));

  const profile = args.profile ?? (await pickProfile(client, folder));
  if (!profile) return undefined;
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: 'New Postmortem (2/3): title',
      prompt: 'What broke, in a few words (it also names the file)',
      placeHolder: 'Checkout errors after a config push',
      validateInput: (value) => (value.trim() ? undefined : 'The postmortem needs a title.'),
    }));
  if (title === undefined || !title.trim()) return undefined;
  // The server checks the date (core/templates.ts) while it writes the template: its refusal is the message shown.
  const write = (date: string) =>
    client.sendRequest(Requests.newPostmortem, { uri: folder?.toString(), profile, title: title.trim(), date: date.trim() } satisfies NewPostmortemParams);
  const date =
    args.date ??
    (await vscode.window.showInputBox({
      title: 'New Postmortem (3/3): incident date',
      prompt: 'The day the incident started, YYYY-MM-DD',
      value: today(),
      validateInput: (value) => write(value).then(() => undefined, serverMessage),
    }));
  if (date === undefined) return undefined;
  let result: NewPostmortemResult;
  try {
    result = await write(date);
  } catch (error) {
    void vscode.window.showErrorMessage(`New Postmortem: ${serverMessage(error)}`);
    return undefined;
  }

  let document: vscode.TextDocument;
  if (folder) {
    const uri = vscode.Uri.joinPath(folder, `${result.fileStem}.md`);
    if (await exists(uri)) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} already exists: it is opened as it is, not overwritten.`);
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const { start, end } = result.selection;
  editor.selection = new vscode.Selection(start.line, start.character, end.line, end.character);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return document.uri;
}
