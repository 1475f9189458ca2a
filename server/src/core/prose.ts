// Prose of a parsed document, block by block: paragraphs (in lists or not), headings and table
// cells, each as the text a reader sees (code, HTML and link targets left out) with a way back to
// offsets in the source. The wording rules read these instead of matching over the raw text.
import type { Nodes, Root } from 'mdast';
import type { Section, Span } from './model';
import { firstAfter } from './parse/lines';

export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'cell';
  /** The block in the source. */
  span: Span;
  /** The visible text: text nodes joined, inline code shown as a blank of its length. */
  text: string;
  /** Source offset of each character of `text`. */
  offsets: number[];
  /** Inside a list item. */
  inList: boolean;
}

/** The visible text of a node's inline content: text nodes joined, inline code as blanks, breaks as spaces. */
export function visibleText(node: Nodes): string {
  return readVisibleText(node, undefined).text;
}

/**
 * The visible text with the source offset of every character. A text node's value is not its
 * source: continuation lines lose their indentation and quote markers, and escapes and character
 * references are decoded, so the value is aligned against `source` character by character.
 */
export function visibleTextWithOffsets(node: Nodes, source: string): { text: string; offsets: number[] } {
  return readVisibleText(node, source) as { text: string; offsets: number[] };
}

function readVisibleText(node: Nodes, source: string | undefined): { text: string; offsets?: number[] } {
  let text = '';
  const offsets: number[] | undefined = source === undefined ? undefined : [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'text' || current.type === 'inlineCode') {
      // Inline code is not prose: kept as blanks so words on either side stay apart.
      const value = current.type === 'text' ? current.value : ' '.repeat(Math.max(1, current.value.length));
      text += value;
      if (offsets) {
        const start = current.position?.start.offset ?? 0;
        const end = current.position?.end.offset ?? start;
        if (current.type === 'text') alignValue(value, source!, start, end, offsets);
        else for (let i = 0; i < value.length; i++) offsets.push(Math.min(start + i, Math.max(start, end - 1)));
      }
      continue;
    }
    if (current.type === 'break') {
      text += ' ';
      offsets?.push(current.position?.start.offset ?? 0);
      continue;
    }
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
  return { text, offsets };
}

/** `&amp;`, `&#39;`, `&#x27;`: a character reference, decoded to one character (or a surrogate pair) in the value. */
const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const isAsciiPunctuation = (code: number) =>
  (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
const isContainerPrefix = (code: number) => code === 32 || code === 9 || code === 13 || code === 62; // space, tab, CR, >

/** Pushes the source offset of each character of a text node's `value`, found in `source[start, end)`. */
function alignValue(value: string, source: string, start: number, end: number, offsets: number[]): void {
  const last = Math.max(start, end - 1);
  let at = start;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // `\*` read as `*`, `\\` as `\`: a backslash before ASCII punctuation is always an escape in text.
    if (source.charCodeAt(at) === 92 && source.charCodeAt(at + 1) === code && isAsciiPunctuation(code)) at++;
    else if (source.charCodeAt(at) !== code) {
      if (code >= 0xdc00 && code <= 0xdfff && offsets.length) {
        // The second half of a pair decoded from one reference (`&#128512;`): same place as the first.
        offsets.push(offsets[offsets.length - 1]);
        continue;
      }
      // Not in the value: a continuation line's indentation and quote markers, or a line's trailing blanks.
      while (at < end && isContainerPrefix(source.charCodeAt(at)) && source.charCodeAt(at) !== code) at++;
      if (source.charCodeAt(at) === 92 && source.charCodeAt(at + 1) === code && isAsciiPunctuation(code)) at++;
    }
    // `&amp;` read as `&` (and not a literal `&` followed by the rest of it).
    if (source.charCodeAt(at) === 38 && (code !== 38 || value.charCodeAt(i + 1) !== source.charCodeAt(at + 1))) {
      CHARACTER_REFERENCE.lastIndex = at;
      if (CHARACTER_REFERENCE.test(source) && CHARACTER_REFERENCE.lastIndex <= end) {
        offsets.push(Math.min(at, last));
        at = CHARACTER_REFERENCE.lastIndex;
        continue;
      }
    }
    // Matched, or a substitution the value makes (U+0000 read as U+FFFD): one source character for one.
    offsets.push(Math.min(at, last));
    if (at < end) at++;
  }
}

/** The blocks of each tree, read once: the wording rules and the timeline's story share them. */
const blocksOfTree = new WeakMap<Root, readonly ProseBlock[]>();

/** Every prose block in document order (`source`: the text `root` was parsed from). Code, HTML and front matter hold none. */
export function proseBlocks(root: Root, source: string): readonly ProseBlock[] {
  let blocks = blocksOfTree.get(root);
  if (!blocks) blocksOfTree.set(root, (blocks = readProseBlocks(root, source)));
  return blocks;
}

function readProseBlocks(root: Root, source: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  // An explicit stack: deeply nested quotes and lists must not overflow the call stack.
  const stack: { node: Nodes; inList: boolean }[] = [{ node: root, inList: false }];
  while (stack.length) {
    const { node, inList } = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && start !== undefined && end !== undefined) {
      const { text, offsets } = visibleTextWithOffsets(node, source);
      blocks.push({ kind: node.type === 'tableCell' ? 'cell' : node.type, span: { start, end }, text, offsets, inList });
      continue;
    }
    if ('children' in node) {
      const childInList = inList || node.type === 'listItem';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, inList: childInList });
    }
  }
  return blocks.sort((a, b) => a.span.start - b.span.start);
}

/** The source span of `length` characters of a block's text from `index`. */
export function sourceSpan(block: ProseBlock, index: number, length: number): Span {
  const start = block.offsets[index] ?? block.span.start;
  const last = block.offsets[Math.min(index + length, block.offsets.length) - 1] ?? start;
  return { start, end: Math.max(start, last + 1) };
}

/** Sentences of a text: [start, end) index pairs, split after `.`, `!` or `?` followed by a blank or a line end. */
export function sentencesOf(text: string): [number, number][] {
  const sentences: [number, number][] = [];
  let start = 0;
  const boundary = /[.!?]+(?=\s|$)/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    if (text.slice(start, end).trim()) sentences.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) sentences.push([start, text.length]);
  return sentences;
}

/**
 * A lookup of the known section an offset lies in (the innermost, as `sectionAt` answers), in
 * logarithmic time: documents with tens of thousands of headings must not make it quadratic.
 */
export function sectionFinder(sections: Section[]): (offset: number) => Section | undefined {
  const known = sections.filter((section) => section.canonical).sort((a, b) => a.headingSpan.start - b.headingSpan.start);
  const starts = known.map((section) => section.headingSpan.start);
  return (offset) => {
    const low = firstAfter(starts, offset);
    // The latest section started at or before the offset that still contains it; a few steps back at most.
    for (let i = low - 1, steps = 0; i >= 0 && steps < 64; i--, steps++) if (offset < known[i].bodySpan.end) return known[i];
    return undefined;
  };
}

/**
 * The known section an offset lies in, for the wording rules, which judge this incident's own
 * story: undefined under a heading that names no section and stands at the known section's level
 * or above ("# Google" after "# Incident Details": an essay or another company's outage), and in
 * sections whose heading is repeated word for word ("What happened?" once per retold incident).
 */
export function incidentSectionFinder(sections: Section[]): (offset: number) => Section | undefined {
  const known = sectionFinder(sections);
  const headings = sections.filter((section) => section.form !== 'label-line').sort((a, b) => a.headingSpan.start - b.headingSpan.start);
  const starts = headings.map((section) => section.headingSpan.start);
  const titles = new Map<string, number>();
  for (const section of sections) if (section.canonical) titles.set(titleKey(section), (titles.get(titleKey(section)) ?? 0) + 1);
  return (offset) => {
    const section = known(offset);
    if (!section || (titles.get(titleKey(section)) ?? 0) > 1) return undefined;
    const low = firstAfter(starts, offset);
    const nearest = headings[low - 1];
    if (nearest && nearest !== section && !nearest.canonical && nearest.headingSpan.start > section.headingSpan.start && nearest.level <= section.level)
      return undefined;
    return section;
  };
}

function titleKey(section: Section): string {
  return section.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
