// "Postmortem: Check All Postmortems in the Workspace": the client lists the workspace's Markdown
// files (vscode.workspace.findFiles, which honours files.exclude) and sends them to the server in
// batches; the server reads them from disk, decides which are postmortems (postmortem.files,
// .postmortemrc.json) and publishes their problems. Batches give progress and a place to cancel.
// Watched Markdown files that appear or change later pass the same files.exclude test before the
// server hears of them (watchedFileFilter); a file that files.exclude comes to cover leaves the
// check, its problems with it (forgetExcludedFiles).
import * as vscode from 'vscode';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type BaseLanguageClient as LanguageClient,
  type FileEvent,
  type Middleware,
} from 'vscode-languageclient';
import { Requests } from '../../common/protocol';

/** Files per request: small enough for smooth progress and a prompt cancel. */
const BATCH = 25;

export interface WorkspaceCheckResult {
  supported: boolean;
  files: number;
  checked: number;
  postmortems: number;
  unreadable: string[];
  cancelled: boolean;
}

export const MARKDOWN_GLOB = '**/*.{md,markdown}';

/** Runs the check with progress at `location`; `quiet` shows no message at the end (the Incidents view's own scan). */
export async function checkWorkspace(
  client: LanguageClient,
  location: vscode.ProgressLocation | { viewId: string },
  quiet = false,
): Promise<WorkspaceCheckResult> {
  return vscode.window.withProgress({ location, title: 'Checking postmortems', cancellable: true }, async (progress, token) => {
    const result: WorkspaceCheckResult = { supported: true, files: 0, checked: 0, postmortems: 0, unreadable: [], cancelled: false };
    // `undefined` as the exclude: files.exclude applies.
    const files = await vscode.workspace.findFiles(MARKDOWN_GLOB, undefined, undefined, token);
    result.files = files.length;
    for (let start = 0; start < files.length; start += BATCH) {
      if (token.isCancellationRequested) break;
      const uris = files.slice(start, start + BATCH).map((uri) => uri.toString());
      let answer;
      try {
        answer = await client.sendRequest(Requests.checkFiles, { uris }, token);
      } catch (error) {
        if (token.isCancellationRequested) break;
        throw error;
      }
      if (!answer.supported) {
        result.supported = false;
        break;
      }
      result.checked += answer.checked;
      result.postmortems += answer.postmortems;
      result.unreadable.push(...answer.unreadable);
      progress.report({ increment: (uris.length / files.length) * 100, message: `${Math.min(start + BATCH, files.length)} of ${files.length} Markdown files` });
    }
    result.cancelled = token.isCancellationRequested;
    if (!quiet) report(result);
    return result;
  });
}

function report(result: WorkspaceCheckResult): void {
  if (!result.supported) {
    void vscode.window.showInformationMessage(
      'Postmortem: here (VS Code for the Web) the language server cannot read files that are not open; open a postmortem to check it.',
    );
    return;
  }
  const unreadable = result.unreadable.length ? `; ${result.unreadable.length} could not be read` : '';
  const done = `${result.postmortems} postmortem${result.postmortems === 1 ? '' : 's'} in ${result.checked} Markdown file${result.checked === 1 ? '' : 's'}${unreadable}`;
  void vscode.window.showInformationMessage(
    result.cancelled
      ? `Postmortem: check cancelled after ${result.checked} of ${result.files} files (${done}).`
      : `Postmortem: checked ${done}; their problems are in the Problems panel.`,
  );
}

/** Glob characters a file name may hold, each matched literally inside a character class. */
const literalGlob = (path: string) => path.replace(/[*?{},]/g, (character) => `[${character}]`);

/**
 * Which of these files the workspace check would list: asked of findFiles with the files' own
 * paths (one search per folder), so files.exclude means exactly what it means for the check. A
 * file outside every folder, or whose name cannot be written as a glob, is let through (the
 * server decides on it as before).
 */
async function listedByCheck(uris: vscode.Uri[]): Promise<Set<string>> {
  const listed = new Set<string>();
  const byFolder = new Map<vscode.WorkspaceFolder, string[]>();
  for (const uri of uris) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relative = folder && vscode.workspace.asRelativePath(uri, false);
    if (!folder || !relative || /[[\]]/.test(relative)) listed.add(uri.toString());
    else byFolder.set(folder, [...(byFolder.get(folder) ?? []), literalGlob(relative)]);
  }
  for (const [folder, paths] of byFolder) {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `{${paths.join(',')}}`), undefined, paths.length);
    for (const uri of found) listed.add(uri.toString());
  }
  return listed;
}

/**
 * The language client's watched-file middleware: a Markdown file created or changed under
 * files.exclude is not sent to the server (which would read and check it), but told as gone, so a
 * file checked before files.exclude covered it loses its problems. Deletions always are sent: they
 * only ever take problems away. Events keep their order; those that come while a search runs are
 * decided together by the next one.
 */
export function watchedFileFilter(): NonNullable<Middleware['workspace']>['didChangeWatchedFile'] {
  let pending: { event: FileEvent; send(): Promise<void>; gone(): Promise<void>; done(): void; failed(error: unknown): void }[] = [];
  let running = false;
  const decide = async () => {
    running = true;
    while (pending.length) {
      const batch = pending;
      pending = [];
      const asked = batch.filter(({ event }) => event.type !== FileChangeType.Deleted && /\.(md|markdown)$/i.test(event.uri));
      const listed = await listedByCheck(asked.map(({ event }) => vscode.Uri.parse(event.uri))).catch(() => undefined);
      for (const item of batch) {
        if (!asked.includes(item) || !listed || listed.has(vscode.Uri.parse(item.event.uri).toString())) item.send().then(item.done, item.failed);
        else item.gone().then(item.done, item.failed);
      }
    }
    running = false;
  };
  return (event, next) =>
    new Promise<void>((done, failed) => {
      pending.push({ event, send: () => next(event), gone: () => next({ uri: event.uri, type: FileChangeType.Deleted }), done, failed });
      if (!running) void decide();
    });
}

/**
 * When files.exclude changes, the files with problems that are not open and that the check would
 * no longer list are told to the server as gone: their problems leave the Problems panel and the
 * Incidents view. (Files it no longer excludes come back with the next check.)
 */
export function forgetExcludedFiles(client: LanguageClient): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (!event.affectsConfiguration('files.exclude') || !client.isRunning()) return;
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    const withProblems: vscode.Uri[] = [];
    client.diagnostics?.forEach((uri) => {
      if (!open.has(uri.toString()) && /\.(md|markdown)$/i.test(uri.path)) withProblems.push(uri);
    });
    if (!withProblems.length) return;
    const listed = await listedByCheck(withProblems);
    const changes = withProblems.filter((uri) => !listed.has(uri.toString())).map((uri): FileEvent => ({ uri: uri.toString(), type: FileChangeType.Deleted }));
    if (changes.length) await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  });
}
