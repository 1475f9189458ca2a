// Suggestions from the core -> LSP completion items (text edits over the typed range; snippets
// only for clients that take them).
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Suggestion, SuggestionKind } from '../core/completions';
import { toRange } from './convert';

const KIND: Record<SuggestionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  field: CompletionItemKind.Field,
  time: CompletionItemKind.Value,
};

export function completionItems(document: TextDocument, suggestions: Suggestion[], snippetSupport: boolean): CompletionItem[] {
  return suggestions.map((suggestion) => {
    const useSnippet = snippetSupport && suggestion.snippet !== undefined;
    return {
      label: suggestion.label,
      kind: KIND[suggestion.kind],
      detail: suggestion.detail,
      documentation: suggestion.documentation && { kind: 'markdown', value: '```markdown\n' + suggestion.documentation.replace(/```/g, '`\u200b``') + '```' },
      sortText: suggestion.sortText,
      filterText: suggestion.filterText,
      insertTextFormat: useSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: toRange(document, suggestion.replace), newText: useSnippet ? suggestion.snippet! : suggestion.insertText },
    };
  });
}
