// "Postmortem: Fix All Problems": asks VS Code for the server's `source.fixAll.postmortem` action
// and applies it (the same action `editor.codeActionsOnSave` would run).
import * as vscode from 'vscode';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postmortem');

/** Applies the fix-all action(s) to `document`; resolves to the number of actions applied. */
export async function fixAll(document: vscode.TextDocument): Promise<number> {
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      whole,
      FIX_ALL_KIND.value,
    )) ?? [];
  let applied = 0;
  for (const action of actions) {
    if (!('kind' in action) || !action.kind || !FIX_ALL_KIND.contains(action.kind)) continue;
    if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
      throw new Error(`Could not apply "${action.title}"`);
    }
    if (action.command) {
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    }
    applied++;
  }
  return applied;
}
