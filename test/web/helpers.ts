// Helpers for the browser extension-host tests. node:assert does not exist in a web worker, so the
// few assertions needed are here; waits are on VS Code events, never on timers alone.
import * as vscode from 'vscode';
import { codeOf, diagnosticsWaiter } from '../support/diagnostics';

export { codeOf, diagnosticAt, hasCodes, lineOf, postmortemDiagnostics, quickFixesFor } from '../support/diagnostics';

export const EXTENSION_ID = 'postmortem-tools.postmortem-lint';
/** How long a single wait for the language server may take before the test fails with a clear message. */
export const WAIT_MS = 30_000;

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new AssertionError(`${message}\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`);
}

export function match(actual: string, pattern: RegExp, message: string): void {
  if (!pattern.test(actual)) throw new AssertionError(`${message}\n  expected to match: ${pattern}\n  actual: ${JSON.stringify(actual)}`);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the tests need the fixture folder open (scripts/run-web-tests.mjs mounts test/fixtures/web)');
  return folder.uri;
}

/** Opens a fixture in an editor (which activates the extension: onLanguage:markdown). */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/')));
  equal(doc.languageId, 'markdown', `${relativePath} opens as markdown`);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Every diagnostic VS Code holds for `uri`, from any source: what a timeout message should show. */
export function describeAllDiagnostics(uri: vscode.Uri): string {
  const ds = vscode.languages.getDiagnostics(uri);
  if (!ds.length) return '(none)';
  return ds.map((d) => `  line ${d.range.start.line + 1}: ${d.source ?? '?'} [${codeOf(d)}] ${d.message}`).join('\n');
}

/** Every URI that has diagnostics at all: tells whether the server published for another URI form. */
function describeDiagnosedUris(): string {
  const uris = vscode.languages
    .getDiagnostics()
    .filter(([, ds]) => ds.length > 0)
    .map(([u, ds]) => `  ${u.toString()} (${ds.length})`);
  return uris.length ? uris.join('\n') : '  (none)';
}

/**
 * Waits for the postmortem diagnostics of a uri to satisfy a predicate; times out naming `what`, the
 * document's URI and scheme, its diagnostics and every URI that has any.
 */
export const waitForDiagnostics = diagnosticsWaiter(
  WAIT_MS,
  (uri, what, timeout) =>
    new AssertionError(
      `Timed out after ${timeout} ms waiting for ${what}.\n` +
        `Document: ${uri.toString()} (scheme "${uri.scheme}", path "${uri.path}")\n` +
        `Its diagnostics:\n${describeAllDiagnostics(uri)}\n` +
        `URIs with diagnostics:\n${describeDiagnosedUris()}`,
    ),
);

/** Replaces the whole text of a document (to restore a fixture between tests). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  ok(await vscode.workspace.applyEdit(edit), 'could not restore the document text');
}
