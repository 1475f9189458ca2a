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

/** The visible text of a node's inline content, with the source offset of every character. */
export function visibleText(node: Nodes): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'text' || current.type === 'inlineCode') {
      const start = current.position?.start.offset ?? 0;
      const end = current.position?.end.offset ?? start;
      // Inline code is not prose: kept as blanks so words on either side stay apart.
      const value = current.type === 'text' ? current.value : ' '.repeat(Math.max(1, current.value.length));
      text += value;
      const last = Math.max(start, end - 1);
      for (let i = 0; i < value.length; i++) offsets.push(Math.min(start + i, last));
      continue;
    }
    if (current.type === 'break') {
      text += ' ';
      offsets.push(current.position?.start.offset ?? 0);
      continue;
    }
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
  return { text, offsets };
}

/** The blocks of each tree, read once: the wording rules and the timeline's story share them. */
const blocksOfTree = new WeakMap<Root, readonly ProseBlock[]>();

/** Every prose block in document order. Code, HTML and front matter hold none. */
export function proseBlocks(root: Root): readonly ProseBlock[] {
  let blocks = blocksOfTree.get(root);
  if (!blocks) blocksOfTree.set(root, (blocks = readProseBlocks(root)));
  return blocks;
}

function readProseBlocks(root: Root): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  // An explicit stack: deeply nested quotes and lists must not overflow the call stack.
  const stack: { node: Nodes; inList: boolean }[] = [{ node: root, inList: false }];
  while (stack.length) {
    const { node, inList } = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && start !== undefined && end !== undefined) {
      const { text, offsets } = visibleText(node);
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
