// The source lines of the document's prose blocks (paragraphs, headings, table rows), as written,
// each with the block it belongs to and its place in it: for the rules about Markdown slips and
// template leftovers that read lines rather than the rendered text. Code, HTML and front matter
// hold none. Pure; no rule logic here.
import type { Heading, Paragraph, Root, TableRow } from 'mdast';
import type { Span } from '../model';
import { eachNode, spanOf } from './tree';

export interface BlockLine extends Span {
  /** The line as written, without its line break. */
  text: string;
  block: Paragraph | Heading | TableRow;
  /** 0 for the block's first line, 1 for the next ... */
  lineInBlock: number;
  /** Inside a list item. */
  inList: boolean;
}

const cache = new WeakMap<Root, BlockLine[]>();

/** Every source line of every paragraph, heading and table row, in document order. */
export function blockLines(text: string, root: Root): BlockLine[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const lines: BlockLine[] = [];
  const listItems: Span[] = [];
  eachNode(root, (node) => {
    if (node.type === 'listItem') {
      const span = spanOf(node);
      if (span) listItems.push(span);
      return;
    }
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableRow') return;
    const span = spanOf(node);
    if (!span) return;
    // The nearest list item still open at this block: items come before their content in the walk.
    while (listItems.length && listItems[listItems.length - 1].end < span.start) listItems.pop();
    const inList = listItems.length > 0;
    let lineStart = span.start;
    for (let index = 0; lineStart <= span.end; index++) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > span.end) lineEnd = span.end;
      const end = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      lines.push({ start: lineStart, end, text: text.slice(lineStart, end), block: node, lineInBlock: index, inList });
      lineStart = lineEnd + 1;
    }
  });
  lines.sort((a, b) => a.start - b.start);
  cache.set(root, lines);
  return lines;
}

/** A line's text without its indentation, list marker, quote marker and emphasis wrappers. */
export function bareLine(line: string): string {
  return line
    .replace(/^[\s>]*(?:[-*+•]\s+|\d+[.)]\s+)?/, '')
    .replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2')
    .trim();
}
