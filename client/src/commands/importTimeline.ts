// "Postmortem: Import Timeline…": pick a file (Slack, PagerDuty, alerts, logs), the format detected
// or chosen, a preview of the entries, then one edit that inserts them into the timeline section
// (created if missing); one undo takes it all back, and a failed import changes nothing. Converting
// and merging are the server's (postmortem/importTimeline); this file asks, shows and applies, and
// shares the asking and applying with the paste provider (../paste.ts).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type ImportFormat, type ImportTimelineParams, type ImportTimelineResult } from '../../../common/protocol';

export type ImportSuccess = Extract<ImportTimelineResult, { ok: true }>;

/** Arguments for tests, keybindings and other extensions; without them the command asks. */
export interface ImportTimelineArgs {
  /** The postmortem to import into (default: the active editor's). */
  uri?: string;
  /** The file to import. */
  file?: string;
  format?: ImportFormat;
  date?: string;
  zone?: string;
  /** Skip the preview and insert. */
  confirm?: boolean;
}

export function toWorkspaceEdit(uri: vscode.Uri, result: ImportSuccess): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) {
    const { start, end } = change.range;
    edit.replace(uri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
  }
  return edit;
}

const ASK = {
  zone: { prompt: 'The time zone of the times being imported (they carry none, and the postmortem names none)', placeHolder: 'UTC, EAT, Europe/Paris, +03:00' },
  date: { prompt: 'The date of the times being imported (they carry none, and the postmortem gives none)', placeHolder: 'YYYY-MM-DD' },
} as const;

/**
 * Asks the server; when the text needs a date or zone the document does not give, asks the user
 * once for each and asks the server again. Undefined when the user cancelled.
 */
export async function requestImport(client: LanguageClient, params: ImportTimelineParams, ask: boolean): Promise<ImportTimelineResult | undefined> {
  const asked = new Set<string>();
  let current = { ...params };
  for (;;) {
    const result = await client.sendRequest(Requests.importTimeline, current);
    if (result.ok || !result.missing || !ask || asked.has(result.missing)) return result;
    const what = result.missing;
    asked.add(what);
    const value = await vscode.window.showInputBox({ title: 'Postmortem: Import Timeline', ...ASK[what], ignoreFocusOut: true });
    if (value === undefined) return undefined;
    current = { ...current, [what]: value };
  }
}

function describe(result: ImportSuccess): string {
  const already = result.duplicates ? ` (${result.duplicates} already in the timeline left out)` : '';
  return `${result.added.length} timeline ${result.added.length === 1 ? 'entry' : 'entries'}${already}`;
}

/** The preview: the lines as they will be written. Resolves with what the user chose. */
async function preview(result: ImportSuccess, source: string, format: string): Promise<'insert' | 'format' | undefined> {
  const lines = result.preview.split('\n');
  const shown = lines.slice(0, 20).join('\n') + (lines.length > 20 ? `\n… and ${lines.length - 20} more lines` : '');
  const where = result.createdSection ? 'a new Timeline section' : 'the timeline';
  const choice = await vscode.window.showInformationMessage(
    `Import ${describe(result)} from ${source} (${format}) into ${where}?`,
    { modal: true, detail: shown },
    'Insert',
    'Choose Another Format…',
  );
  return choice === 'Insert' ? 'insert' : choice ? 'format' : undefined;
}

async function pickFormat(result: ImportTimelineResult): Promise<ImportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    result.formats.map((f) => ({ label: f.label, description: f.id, id: f.id })),
    { title: 'Postmortem: Import Timeline', placeHolder: 'The format of the file' },
  );
  return picked?.id;
}

/** Applies the edits if the document is still the version they were made for. */
export async function applyImport(document: vscode.TextDocument, result: ImportSuccess): Promise<boolean> {
  if (document.version !== result.version) {
    void vscode.window.showErrorMessage('Postmortem: the document changed while importing; nothing was inserted. Run the import again.');
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, result));
}

export async function importTimeline(client: LanguageClient, args: ImportTimelineArgs = {}): Promise<{ added: number; duplicates: number } | undefined> {
  const target = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
  const document = target && (await vscode.workspace.openTextDocument(target));
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open the postmortem to import into first.');
    return undefined;
  }
  let file = args.file ? vscode.Uri.parse(args.file) : undefined;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      title: 'Import timeline entries from (Slack copy or export, PagerDuty, Alertmanager, syslog, journalctl, kubectl events)',
      canSelectMany: false,
      openLabel: 'Import',
      filters: { 'Text and JSON': ['txt', 'json', 'log'], 'All files': ['*'] },
    });
    file = picked?.[0];
    if (!file) return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file)).replace(/^\uFEFF/, '');
  } catch (error) {
    void vscode.window.showErrorMessage(`Postmortem: cannot read ${file.fsPath || file.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const name = file.path.split('/').pop() ?? file.toString();
  let format = args.format;
  for (;;) {
    const result = await requestImport(client, { uri: document.uri.toString(), text, format, date: args.date, zone: args.zone }, !args.confirm);
    if (!result) return undefined;
    if (!result.ok) {
      if (!format && /could not tell what format/.test(result.error) && !args.confirm) {
        format = await pickFormat(result);
        if (format) continue;
        return undefined;
      }
      void vscode.window.showErrorMessage(`Postmortem: cannot import ${name}: ${result.error}`);
      return undefined;
    }
    if (!result.added.length) {
      void vscode.window.showInformationMessage(`Postmortem: every entry in ${name} is already in the timeline (${result.duplicates}).`);
      return { added: 0, duplicates: result.duplicates };
    }
    const label = result.formats.find((f) => f.id === result.format)?.label ?? result.format;
    const choice = args.confirm ? 'insert' : await preview(result, name, label);
    if (choice === 'format') {
      format = await pickFormat(result);
      if (format) continue;
      return undefined;
    }
    if (choice !== 'insert') return undefined;
    if (!(await applyImport(document, result))) return undefined;
    const first = result.edits[0]?.range.start;
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    if (first) editor.revealRange(new vscode.Range(first.line, 0, first.line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    void vscode.window.setStatusBarMessage(`Postmortem: imported ${describe(result)}`, 5000);
    return { added: result.added.length, duplicates: result.duplicates };
  }
}
