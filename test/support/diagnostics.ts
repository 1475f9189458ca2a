// Reading and waiting for the extension's diagnostics, and asking for quick fixes, through the
// vscode API only: shared by the extension-host suite (test/extension/) and the browser one
// (test/web/), which runs in a web worker, so no Node imports here. Each suite keeps its own
// assertions and timeout messages.
import * as vscode from 'vscode';

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

export const hasCodes =
  (...codes: string[]) =>
  (ds: vscode.Diagnostic[]): boolean =>
    codes.every((c) => ds.some((d) => codeOf(d) === c));

export function diagnosticAt(ds: readonly vscode.Diagnostic[], code: string, line: number): vscode.Diagnostic | undefined {
  return ds.find((d) => codeOf(d) === code && d.range.start.line <= line && d.range.end.line >= line);
}

/** The 0-based line of the first line of `doc` that contains `text`. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line containing ${JSON.stringify(text)} in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

export type WaitForDiagnostics = (
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeout?: number,
) => Promise<vscode.Diagnostic[]>;

/**
 * A suite's waitForDiagnostics(uri, predicate, what, timeout = defaultTimeout): resolves with the
 * postmortem diagnostics of `uri` as soon as `predicate` holds for them (checked now and on every
 * onDidChangeDiagnostics for that uri); after `timeout` ms rejects with the suite's
 * `timeoutError`, made then so that it can show the diagnostics last seen.
 */
export function diagnosticsWaiter(defaultTimeout: number, timeoutError: (uri: vscode.Uri, what: string, timeout: number) => Error): WaitForDiagnostics {
  return (uri, predicate, what, timeout = defaultTimeout) =>
    new Promise((resolve, reject) => {
      const key = uri.toString();
      let sub: vscode.Disposable | undefined;
      const finish = (ds: vscode.Diagnostic[]) => {
        clearTimeout(timer);
        sub?.dispose();
        resolve(ds);
      };
      const timer = setTimeout(() => {
        sub?.dispose();
        reject(timeoutError(uri, what, timeout));
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

/**
 * The quick fixes VS Code's code action providers offer for `diagnostic`, and every action offered
 * there described on a line each (for failure messages).
 */
export async function quickFixesFor(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<{ fixes: vscode.CodeAction[]; offered: string }> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  // vscode.executeCodeActionProvider does not carry CodeAction.diagnostics back to the caller, so
  // the quick fixes are those offered for exactly this diagnostic's range (filtered by their
  // diagnostics only when a VS Code version does pass them through).
  const fixes = actions.filter(
    (a): a is vscode.CodeAction =>
      'kind' in a &&
      !!a.kind &&
      vscode.CodeActionKind.QuickFix.contains(a.kind) &&
      (!a.diagnostics?.length || a.diagnostics.some((d) => codeOf(d) === codeOf(diagnostic))),
  );
  const offered = actions
    .map((a) => ('kind' in a ? `${a.kind?.value ?? '?'} "${a.title}" for [${(a.diagnostics ?? []).map(codeOf).join(', ')}]` : `command "${a.title}"`))
    .join('\n');
  return { fixes, offered: offered || '(none)' };
}
