import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemModel, Section } from '../core/model';
import { toRange } from './convert';

/** Sections nested by level, with the timeline's entries under the timeline section. */
export function documentSymbols(document: TextDocument, model: PostmortemModel): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const section of model.sections) {
    const symbol = sectionSymbol(document, section, model);
    const level = section.level || 7;
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children! : roots).push(symbol);
    stack.push({ level, symbol });
  }
  return roots;
}

function sectionSymbol(document: TextDocument, section: Section, model: PostmortemModel): DocumentSymbol {
  const range = toRange(document, { start: section.headingSpan.start, end: section.bodySpan.end });
  const children: DocumentSymbol[] =
    section.canonical === 'timeline'
      ? model.entries
          .filter((entry) => entry.span.start >= section.bodySpan.start && entry.span.end <= section.bodySpan.end)
          .map((entry) => ({
            name: `${entry.timestamp.raw}${entry.text ? ` ${entry.text.slice(0, 60)}` : ''}`,
            detail: entry.phase,
            kind: SymbolKind.Event,
            range: toRange(document, entry.span),
            selectionRange: toRange(document, entry.timestamp.span),
          }))
      : [];
  return {
    name: section.title || '(untitled)',
    detail: section.canonical,
    kind: SymbolKind.String,
    range,
    selectionRange: toRange(document, section.headingSpan),
    children,
  };
}
