// "Postmortem: Check All Postmortems in the Workspace": the client lists the workspace's Markdown
// files (vscode.workspace.findFiles, which honours files.exclude) and sends them to the server in
// batches; the server reads them from disk, decides which are postmortems (postmortem.files,
// .postmortemrc.json) and publishes their problems. Batches give progress and a place to cancel.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
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
