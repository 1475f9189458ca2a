// Markdown text -> mdast part by part, reusing the trees of parts seen before: a keystroke re-parses
// only the part of the document it touched, where the remark parse is most of a lint's time.
// A document is cut before a line that starts a top-level block nothing above can run on into:
// an ATX heading at the left margin (it ends lists, quotes, tables and paragraphs), or a
// list item at the left margin that follows a blank line or an item of the same list (the two
// lists are joined again, as one parse would read them). A fenced code block or an HTML block
// left open could swallow that line, so a part whose tree ends in one is joined to the next, as is
// an item that follows anything but a list of its own kind. Link reference definitions reach
// across the whole document, so a text that may hold one is parsed whole. The tree equals
// parseMarkdown's, node for node and position for position (test/unit/parse/blocks.test.ts checks
// it on the corpus and on random documents).
import type { List, Root } from 'mdast';
import type { Node, Point, Position } from 'unist';
import { frontMatterLength, parseMarkdownPart, type MarkdownParser } from './markdown';

/** A part shorter than this is joined to the next: fewer, larger parses. */
const MIN_PART_CHARS = 1_000;
/** The parts' trees kept, counted by their text's length; the least recently used go first. */
const DEFAULT_CACHE_CHARS = 2_000_000;
const ATX_HEADING_START = /^#{1,6}(?:[ \t\r\n]|$)/;
/** A list item with text at the left margin: its marker (`-`, `*`, `+`, or a number's `.` or `)`). */
const LIST_ITEM_START = /^(?:([-*+])|\d{1,9}([.)]))[ \t]+\S/;

interface Cut {
  at: number;
  /** The marker of the list item that starts here; undefined for a heading. */
  marker?: string;
  /** The line above is blank. */
  afterBlank: boolean;
}

interface PartTree {
  root: Root;
  /** The part ends inside a fenced code block or an HTML block that the next line could continue. */
  openAtEnd: boolean;
}

export interface BlockParserOptions {
  maxCachedChars?: number;
  /** Told of each part actually parsed (for tests: what a keystroke costs). */
  onParse?: (part: string) => void;
}

/** A parser with its own cache of parts' trees; give each long-lived host one. */
export function createBlockParser(options: BlockParserOptions = {}): MarkdownParser {
  const maxChars = options.maxCachedChars ?? DEFAULT_CACHE_CHARS;
  const cache = new Map<string, PartTree>();
  let cachedChars = 0;

  const treeOf = (part: string, frontMatter: boolean): PartTree => {
    const key = (frontMatter ? '\u0001' : '\u0000') + part;
    let tree = cache.get(key);
    if (tree) {
      cache.delete(key);
      cache.set(key, tree);
      return tree;
    }
    options.onParse?.(part);
    const root = parseMarkdownPart(part, frontMatter);
    tree = { root, openAtEnd: endsOpen(root, part) };
    cache.set(key, tree);
    cachedChars += key.length;
    for (const oldKey of cache.keys()) {
      if (cachedChars <= maxChars) break;
      cache.delete(oldKey);
      cachedChars -= oldKey.length;
    }
    return tree;
  };

  return (text) => {
    const frontMatter = frontMatterLength(text);
    if (text.includes(']:')) {
      options.onParse?.(text);
      return parseMarkdownPart(text, frontMatter > 0);
    }
    const cuts = [...cutPoints(text, frontMatter), { at: text.length, afterBlank: false }];
    const children: Root['children'] = [];
    let start = 0;
    let line = 0;
    let last = { root: undefined as Root | undefined, start: 0, line: 0 };
    let startedBy: Cut | undefined;
    for (const cut of cuts) {
      const part = text.slice(start, cut.at);
      const tree = treeOf(part, start === 0 && frontMatter > 0);
      if (cut.at < text.length && !canCut(tree, part, cut)) continue;
      const first = children.length;
      for (const child of tree.root.children) children.push(shifted(child, line, start));
      // A list cut in two: the items above and below are one list.
      const above = children[first - 1];
      const below = children[first];
      if (startedBy?.marker && above?.type === 'list' && below?.type === 'list' && listMarker(text, above) === startedBy.marker) {
        joinLists(above, below, startedBy.afterBlank);
        children.splice(first, 1);
      }
      last = { root: tree.root, start, line };
      line += newlines(part);
      start = cut.at;
      startedBy = cut;
    }
    const end = last.root!.position!.end;
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: movedPoint(end, last.line, last.start) } };
  };
}

/** Whether the line at `cut` starts a block of its own after `part`, read alone as `tree`. */
function canCut(tree: PartTree, part: string, cut: Cut): boolean {
  if (tree.openAtEnd) return false;
  if (!cut.marker || cut.afterBlank) return true;
  // An item straight below other text may be that text's lazy continuation: cut only below a list
  // whose items it continues.
  const lastNode = tree.root.children[tree.root.children.length - 1];
  return lastNode?.type === 'list' && listMarker(part, lastNode) === cut.marker;
}

function listMarker(text: string, list: List): string | undefined {
  const from = list.position?.start.offset ?? 0;
  const match = LIST_ITEM_START.exec(text.slice(from, from + 16).trimStart());
  return match ? (match[1] ?? `1${match[2]}`) : undefined;
}

/** `below`'s items appended to `above` (both copies of the parts' trees, so this may change them). */
function joinLists(above: List, below: List, blankBetween: boolean): void {
  above.spread = above.spread || below.spread || blankBetween;
  for (const item of below.children) above.children.push(item);
  above.position = { start: above.position!.start, end: below.position!.end };
}

/** Where a new part may start, past the front matter (whether it does depends on the part above). */
function cutPoints(text: string, from: number): Cut[] {
  const cuts: Cut[] = [];
  let lastCut = 0;
  let afterBlank = false;
  for (let start = from; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (start - lastCut >= MIN_PART_CHARS) {
      const cut = cutAt(text, start, end, afterBlank);
      if (cut) {
        cuts.push(cut);
        lastCut = start;
      }
    }
    afterBlank = isBlank(text, start, end);
    start = end + 1;
  }
  return cuts;
}

function cutAt(text: string, start: number, end: number, afterBlank: boolean): Cut | undefined {
  const code = text.charCodeAt(start);
  if (code === 35 /* # */) return ATX_HEADING_START.test(text.slice(start, start + 8)) ? { at: start, afterBlank } : undefined;
  if (!(code === 45 || code === 42 || code === 43 || (code >= 48 && code <= 57))) return undefined;
  // `- - -` matches too: a thematic break, which starts a block of its own just the same.
  const item = LIST_ITEM_START.exec(text.slice(start, end));
  if (!item) return undefined;
  return { at: start, marker: item[1] ?? `1${item[2]}`, afterBlank };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
}

function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Whether the node that ends the part (or one of its ancestors) is code or HTML reaching its last text. */
function endsOpen(root: Root, part: string): boolean {
  let lastText = part.length;
  while (lastText > 0 && /\s/.test(part[lastText - 1])) lastText--;
  let node: Node | undefined = root.children[root.children.length - 1];
  while (node) {
    if ((node.type === 'code' || node.type === 'html') && (node.position?.end.offset ?? part.length) >= lastText) return true;
    const children: Node[] | undefined = (node as { children?: Node[] }).children;
    node = children?.[children.length - 1];
  }
  return false;
}

/** A copy of `node` and its descendants, every position moved down `lines` lines and on `offset` characters. */
function shifted<T extends Node>(node: T, lines: number, offset: number): T {
  // By hand, not by recursion: a list nested thousands deep must not overflow the stack.
  const copy = (original: Node): Node => {
    const moved = { ...original };
    if (original.position) moved.position = movedPosition(original.position, lines, offset);
    return moved;
  };
  const top = copy(node);
  const pending: Node[] = [top];
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    const children = (parent as { children?: Node[] }).children;
    if (!children) continue;
    const copies = children.map(copy);
    (parent as { children?: Node[] }).children = copies;
    for (const child of copies) pending.push(child);
  }
  return top as T;
}

function movedPosition(position: Position, lines: number, offset: number): Position {
  return { start: movedPoint(position.start, lines, offset), end: movedPoint(position.end, lines, offset) };
}

function movedPoint(point: Point, lines: number, offset: number): Point {
  const moved: Point = { line: point.line + lines, column: point.column };
  if (point.offset !== undefined) moved.offset = point.offset + offset;
  return moved;
}
