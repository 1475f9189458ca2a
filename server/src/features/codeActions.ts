// Quick fixes for the diagnostics asked about, and one fix-all of every safe fix (on save, the
// command, `source.fixAll.postmortem`). The edits are the core's; this file only shapes them.
import { CodeActionKind, type CodeAction, type CodeActionParams, type SnippetTextEdit, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../core/model';
import { chooseSafeFixes } from '../core/fixes';
import { FIX_ALL_KIND } from '../../../common/protocol';
import { SOURCE, sameRange, toDiagnostic, toRange, type RuleDocs } from './convert';

export { FIX_ALL_KIND };

/** An edit with a snippet twin goes as a snippet (LSP 3.18 SnippetTextEdit) to a client that takes them. */
function toLspEdits(document: TextDocument, edits: TextEdit[], snippets = false): (LspTextEdit | SnippetTextEdit)[] {
  return edits.map((edit) =>
    snippets && edit.snippet !== undefined
      ? { range: toRange(document, edit.span), snippet: { kind: 'snippet', value: edit.snippet } }
      : { range: toRange(document, edit.span), newText: edit.newText },
  );
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], snippets = false) {
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: toLspEdits(document, edits, snippets) }] };
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(document: TextDocument, findings: Finding[], params: CodeActionParams, docs: RuleDocs, snippetEdits = false): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findings.find((f) => f.ruleId === diagnostic.code && sameRange(toRange(document, f.span), diagnostic.range));
      for (const fix of finding?.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.safe,
          edit: workspaceEdit(document, fix.edits, snippetEdits),
        });
      }
    }
  }
  // Fix-all is offered when asked for by kind (on save, the command) and as a source action.
  if (only && wants(only, FIX_ALL_KIND) && only.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.SourceFixAll))) {
    const fixAll = fixAllAction(document, findings, docs);
    if (fixAll) actions.push(fixAll);
  } else if (!only) {
    const fixAll = fixAllAction(document, findings, docs);
    if (fixAll) actions.push({ ...fixAll, kind: CodeActionKind.Source });
  }
  return actions;
}

/** One pass of every safe fix that does not overlap another; what remains is fixed by hand. */
function fixAllAction(document: TextDocument, findings: Finding[], docs: RuleDocs): CodeAction | undefined {
  const chosen = chooseSafeFixes(findings);
  if (!chosen.length) return undefined;
  return {
    title: `Fix all auto-fixable postmortem problems (${chosen.length})`,
    kind: FIX_ALL_KIND,
    diagnostics: findings.filter((f) => f.fixes.some((fix) => fix.safe)).map((f) => toDiagnostic(document, f, docs)),
    edit: workspaceEdit(document, chosen.flat()),
  };
}
