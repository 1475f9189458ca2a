// mdast -> source lines: the walk that flattens the tree into paragraph lines, list items, table
// rows and headings (code, HTML and front matter are never read), with list starts and word counts
// so that sections can ask how many words and whether a list lie in a span.
import type { Nodes, Root } from 'mdast';
import type { Span } from '../model';
import { countWords } from '../words';
import { readFrontMatter } from './markdown';

export type LineKind = 'para' | 'item' | 'heading' | 'row';

/** One line of prose as written, with where it sits. */
export interface SourceLine {
  kind: LineKind;
  start: number;
  end: number;
  text: string;
  /** Inside a list item (continuation line or nested paragraph). */
  inList: boolean;
  /** Heading depth for `heading`. */
  depth?: number;
  /** Table cells for `row`: offsets of each cell's content. */
  cells?: Span[];
  /** Header row of a table. */
  headerRow?: boolean;
}

export interface Structure {
  lines: SourceLine[];
  /** Start offsets of lists and tables, sorted. */
  listStarts: number[];
  wordCount: number;
  /** Start offset of every prose text node, in order, and the words before and in it (prefix sums). */
  textStarts: number[];
  wordsThrough: number[];
  frontMatter?: Record<string, string>;
}

function pushLinesOf(text: string, start: number, end: number, kind: LineKind, inList: boolean, out: SourceLine[]): void {
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 10) {
      let lineEnd = i;
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      out.push({ kind, start: lineStart, end: lineEnd, text: text.slice(lineStart, lineEnd), inList });
      kind = 'para';
      lineStart = i + 1;
    }
  }
}

export function readStructure(text: string, root: Root): Structure {
  const lines: SourceLine[] = [];
  const listStarts: number[] = [];
  const textStarts: number[] = [];
  const wordsThrough: number[] = [];
  let wordCount = 0;
  let frontMatter: Record<string, string> | undefined;

  // An explicit stack, not recursion: 5,000 nested quotes or list items must not overflow it.
  const stack: { node: Nodes; inList: boolean; firstOfItem: boolean }[] = [{ node: root, inList: false, firstOfItem: false }];
  const pushChildren = (children: Nodes[], inList: boolean, firstOfItem: (index: number) => boolean) => {
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], inList, firstOfItem: firstOfItem(index) });
  };
  while (stack.length) {
    const { node, inList, firstOfItem } = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'yaml':
        frontMatter = readFrontMatter(node.value);
        continue;
      case 'code':
      case 'html':
      case 'inlineCode':
        continue;
      case 'text':
        wordCount += countWords(node.value);
        if (start !== undefined) {
          textStarts.push(start);
          wordsThrough.push(wordCount);
        }
        continue;
      case 'heading':
        if (start !== undefined && end !== undefined) {
          lines.push({ kind: 'heading', start, end, text: text.slice(start, end), inList, depth: node.depth });
        }
        break;
      case 'paragraph':
        if (start !== undefined && end !== undefined) {
          pushLinesOf(text, start, end, firstOfItem ? 'item' : 'para', inList, lines);
        }
        break;
      case 'list':
        if (start !== undefined) listStarts.push(start);
        for (let i = node.children.length - 1; i >= 0; i--) pushChildren(node.children[i].children, true, (index) => index === 0);
        continue;
      case 'table':
        if (start !== undefined) listStarts.push(start);
        node.children.forEach((row, index) => {
          const rowStart = row.position?.start.offset;
          const rowEnd = row.position?.end.offset;
          if (rowStart === undefined || rowEnd === undefined) return;
          const cells: Span[] = [];
          for (const cell of row.children) {
            const cellStart = cell.position?.start.offset;
            const cellEnd = cell.position?.end.offset;
            if (cellStart !== undefined && cellEnd !== undefined) cells.push({ start: cellStart, end: cellEnd });
          }
          lines.push({ kind: 'row', start: rowStart, end: rowEnd, text: text.slice(rowStart, rowEnd), inList, cells, headerRow: index === 0 });
        });
        break;
    }
    if ('children' in node) pushChildren(node.children as Nodes[], inList, () => false);
  }
  lines.sort((a, b) => a.start - b.start);
  listStarts.sort((a, b) => a - b);
  return { lines, listStarts, wordCount, textStarts, wordsThrough, frontMatter };
}

/** Words of the prose text nodes that start inside a span (code, HTML and URLs are not prose). */
export function wordsIn(structure: Structure, span: Span): number {
  const before = firstAtOrAfter(structure.textStarts, span.start);
  const through = firstAtOrAfter(structure.textStarts, span.end);
  const wordsBefore = before > 0 ? structure.wordsThrough[before - 1] : 0;
  const wordsThrough = through > 0 ? structure.wordsThrough[through - 1] : 0;
  return wordsThrough - wordsBefore;
}

/** Index of the first value >= `target` in a sorted array (its length when none is). */
function firstAtOrAfter(sorted: number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function hasStartIn(sorted: number[], span: Span): boolean {
  const index = firstAtOrAfter(sorted, span.start);
  return index < sorted.length && sorted[index] < span.end;
}
