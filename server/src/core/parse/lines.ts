// mdast -> source lines: the walk that flattens the tree into paragraph lines, list items, table
// rows and headings (fenced code and front matter are never read; indented code is kept, marked;
// an HTML block's headings, paragraphs and items are read with a real HTML parser), with list
// starts and word counts so that sections can ask how many words and whether a list lie in a span.
import type { Nodes as HastNodes } from 'hast';
import type { Nodes, Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Span } from '../model';
import { countWords } from '../words';
import { readFrontMatter } from './markdown';
import { holdsHtml, renderedText } from './html';

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
  /** A heading's text as rendered, when it holds inline HTML (`## <span style>Summary</span>`). */
  rendered?: string;
  /** Table cells for `row`: offsets of each cell's content. */
  cells?: Span[];
  /** Header row of a table. */
  headerRow?: boolean;
  /** A line of an indented code block: prose that an indent turned into code, read only for timeline entries. */
  indentedCode?: boolean;
}

export interface Structure {
  lines: SourceLine[];
  /** Start offsets of lists and tables, sorted. */
  listStarts: number[];
  wordCount: number;
  /** Start and end offset of every prose text node, in order, and the words before and in it (prefix sums). */
  textStarts: number[];
  textEnds: number[];
  wordsThrough: number[];
  /** The document text, to count the part of a text node that a span cuts. */
  source: string;
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

const HTML_BLOCK = /<(?:h[1-6]|p|li)\b/i;
const HTML_LINE_KINDS: Record<string, LineKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  p: 'para',
  li: 'item',
};

/**
 * The headings, paragraphs and list items of an HTML block, as source lines over their content
 * (between the tags), with their words counted. Returns the word count so far.
 */
function pushHtmlLines(
  text: string,
  offset: number,
  html: string,
  lines: SourceLine[],
  listStarts: number[],
  words: { textStarts: number[]; textEnds: number[]; wordsThrough: number[] },
  wordCount: number,
): number {
  if (!HTML_BLOCK.test(html)) return wordCount;
  const stack: HastNodes[] = [fromHtml(html, { fragment: true })];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const [from, to] = [node.position?.start.offset, node.position?.end.offset];
      if (from === undefined || to === undefined) continue;
      wordCount += countWords(node.value);
      words.textStarts.push(offset + from);
      words.textEnds.push(offset + to);
      words.wordsThrough.push(wordCount);
      continue;
    }
    if (node.type !== 'element' && node.type !== 'root') continue;
    if (node.type === 'element') {
      const kind = HTML_LINE_KINDS[node.tagName];
      if (node.tagName === 'ul' || node.tagName === 'ol') {
        if (node.position?.start.offset !== undefined) listStarts.push(offset + node.position.start.offset);
      }
      const first = node.children[0]?.position?.start.offset;
      const last = node.children[node.children.length - 1]?.position?.end.offset;
      const rendered = kind ? toText(node).trim() : '';
      if (kind && rendered && first !== undefined && last !== undefined) {
        const start = offset + first;
        const end = offset + last;
        lines.push({
          kind,
          start,
          end,
          text: text.slice(start, end),
          inList: kind === 'item',
          depth: kind === 'heading' ? Number(node.tagName[1]) : undefined,
          rendered: kind === 'heading' ? rendered : undefined,
        });
      }
    }
    const children = node.children as HastNodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return wordCount;
}

export function readStructure(text: string, root: Root): Structure {
  const lines: SourceLine[] = [];
  const listStarts: number[] = [];
  const textStarts: number[] = [];
  const textEnds: number[] = [];
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
        // Four blanks before prose make it a code block; in a timeline that is an accident, not code.
        if (start !== undefined && end !== undefined && !/^[ \t]{0,3}(?:```|~~~)/.test(text.slice(start, start + 8))) {
          const from = lines.length;
          pushLinesOf(text, start, end, 'para', inList, lines);
          for (let i = from; i < lines.length; i++) lines[i].indentedCode = true;
        }
        continue;
      case 'html':
        // A postmortem written in HTML (`<h2>`, `<p>`, `<li>`): its headings, paragraphs and items
        // are read like Markdown's, so sections, fields, entries and words are found in it.
        if (start !== undefined) wordCount = pushHtmlLines(text, start, node.value, lines, listStarts, { textStarts, textEnds, wordsThrough }, wordCount);
        continue;
      case 'inlineCode':
        continue;
      case 'text':
        wordCount += countWords(node.value);
        if (start !== undefined && end !== undefined) {
          textStarts.push(start);
          textEnds.push(end);
          wordsThrough.push(wordCount);
        }
        continue;
      case 'heading':
        if (start !== undefined && end !== undefined) {
          const rendered = holdsHtml(node) ? renderedText(node) : undefined;
          lines.push({ kind: 'heading', start, end, text: text.slice(start, end), inList, depth: node.depth, rendered });
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
  // Text nodes come off the stack in document order, so the offsets are already sorted.
  return { lines, listStarts, wordCount, textStarts, textEnds, wordsThrough, source: text, frontMatter };
}

/**
 * Words of prose inside a span (code, HTML and URLs are not prose). A text node the span cuts
 * counts for its part inside: a label line followed by its content in the same paragraph
 * (`Timeline` then `10:05 deploy` on the next line) has that content as its body.
 */
export function wordsIn(structure: Structure, span: Span): number {
  const { textStarts, textEnds, source } = structure;
  const before = firstAtOrAfter(textStarts, span.start);
  const through = firstAtOrAfter(textStarts, span.end);
  // A node that starts before the span and runs into it.
  const cut = before > 0 && textEnds[before - 1] > span.start ? before - 1 : -1;
  if (cut >= 0 && textEnds[cut] >= span.end) return countWords(source.slice(span.start, span.end));
  const wordsBefore = before > 0 ? structure.wordsThrough[before - 1] : 0;
  const wordsThrough = through > 0 ? structure.wordsThrough[through - 1] : 0;
  let words = wordsThrough - wordsBefore;
  if (cut >= 0) words += countWords(source.slice(span.start, textEnds[cut]));
  // The last node counted may run past the span's end.
  if (through > before && textEnds[through - 1] > span.end) words -= countWords(source.slice(span.end, textEnds[through - 1]));
  return Math.max(0, words);
}

/** Index of the first value >= `target` in a sorted array (its length when none is). */
export function firstAtOrAfter(sorted: number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first value > `target` in a sorted array: how many values are at or before it. */
export function firstAfter(sorted: number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function hasStartIn(sorted: number[], span: Span): boolean {
  const index = firstAtOrAfter(sorted, span.start);
  return index < sorted.length && sorted[index] < span.end;
}
