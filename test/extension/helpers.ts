// Helpers for the extension-host tests: open fixtures, wait on diagnostics events (never sleep).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWaiter, postmortemDiagnostics } from '../support/diagnostics';

export { codeOf, diagnosticAt, hasCodes, lineOf, postmortemDiagnostics, quickFixesFor } from '../support/diagnostics';

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

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  return ds.map((d) => `  line ${d.range.start.line + 1}: [${codeOf(d)}] ${d.message}`).join('\n');
}

/** Waits for the postmortem diagnostics of a uri to satisfy a predicate; times out naming `what` and the diagnostics last seen. */
export const waitForDiagnostics = diagnosticsWaiter(
  WAIT_MS,
  (uri, what, timeout) =>
    new Error(
      `Timed out after ${timeout} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}.\nLast diagnostics:\n${describeDiagnostics(postmortemDiagnostics(uri))}`,
    ),
);

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

/** Resolves with the first value (current or future) of `read` that passes `test`, on each `event`. */
export function waitFor<T>(event: vscode.Event<unknown>, read: () => T | undefined, test: (value: T) => boolean, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = read();
      if (value !== undefined && test(value)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
        return true;
      }
      return false;
    };
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}; last: ${JSON.stringify(read())?.slice(0, 400)}`));
    }, WAIT_MS);
    const sub = event(() => void check());
    check();
  });
}
