// Helpers for the extension-host tests: open fixtures, wait on diagnostics events (never sleep).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-lint';
/** How long a single wait for the server may take before the test fails with a clear message. */
export const WAIT_MS = Number(process.env.POSTMORTEM_TEST_WAIT_MS || 20_000);

import type { PostmortemApi } from '../../client/src/activate';

export type { PostmortemApi };

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open (test/fixtures/workspace)');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture in an editor (which activates the extension: onLanguage:markdown). */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  assert.equal(doc.languageId, 'markdown', `${relativePath} should open as markdown`);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function activateExtension(): Promise<PostmortemApi> {
  const ext = vscode.extensions.getExtension<PostmortemApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
  return ext.activate();
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  return ds.map((d) => `  line ${d.range.start.line + 1}: [${codeOf(d)}] ${d.message}`).join('\n');
}

/**
 * Resolves with the postmortem diagnostics of `uri` as soon as `predicate` holds for them (checked
 * now and on every onDidChangeDiagnostics for that uri); rejects after `timeout` ms with `what`
 * and the diagnostics last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeout = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let sub: vscode.Disposable | undefined;
    const finish = (ds: vscode.Diagnostic[]) => {
      clearTimeout(timer);
      sub?.dispose();
      resolve(ds);
    };
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`Timed out after ${timeout} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}.\nLast diagnostics:\n${describeDiagnostics(postmortemDiagnostics(uri))}`));
    }, timeout);
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      const ds = postmortemDiagnostics(uri);
      if (predicate(ds)) finish(ds);
    });
    const now = postmortemDiagnostics(uri);
    if (predicate(now)) finish(now);
  });
}

export const hasCodes =
  (...codes: string[]) =>
  (ds: vscode.Diagnostic[]): boolean =>
    codes.every((c) => ds.some((d) => codeOf(d) === c));

/** The 0-based line of the first line of `doc` that contains `text`. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line containing ${JSON.stringify(text)} in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

export function diagnosticAt(ds: readonly vscode.Diagnostic[], code: string, line: number): vscode.Diagnostic | undefined {
  return ds.find((d) => codeOf(d) === code && d.range.start.line <= line && d.range.end.line >= line);
}

/** Replaces the whole text of a document (to restore a fixture between tests). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'could not restore the document text');
}

/** Updates a `postmortem.*` setting in the workspace and waits until VS Code reports it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('postmortem').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Reverts every unsaved document (so no "save?" dialog can block) and closes all editors. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isUntitled) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.isUntitled) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
