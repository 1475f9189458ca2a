import type { Rule, RuleReport } from './rule';
import { blockLines } from './block-lines';

/**
 * Lines written as list items that Markdown runs into the paragraph above: indented four spaces
 * or more under a line of text, or numbered from 2 with no blank line before; or lines whose
 * marker Markdown does not know (`-Item` with no space, `1, Item` with a comma). They render as one
 * paragraph with the markers shown as dashes and numbers in the text. Once per paragraph.
 */
const ITEM = /^(\s*)(?:[-*+]|(\d{1,3})[.)])\s+\S/;
/** `-Item` (no space after the dash) or `1, Item` (a comma for the full stop). */
const BAD_MARKER = /^(\s{0,3})(?:-(?=\p{L})|\d{1,2}(,)(?=\s+\S))/u;

export const listNotRendered: Rule = {
  id: 'list-not-rendered',
  description:
    'Lines written as list items that render as one paragraph: indented under text, numbered from 2 under text, or with a marker Markdown does not know (-Item, 1,).',
  defaultSeverity: 'warning',
  fix: 'safe',
  tags: ['markdown', 'lists'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    const reported = new Set<unknown>();
    const lines = blockLines(text, root);
    // Lines with a marker Markdown does not know: two or more in one paragraph are a list attempt.
    const badMarkers = new Map<unknown, typeof lines>();
    for (const line of lines) {
      if (line.block.type !== 'paragraph' || !BAD_MARKER.test(line.text)) continue;
      badMarkers.set(line.block, [...(badMarkers.get(line.block) ?? []), line]);
    }
    for (const [block, marked] of badMarkers) {
      if (marked.length < 2) continue;
      reported.add(block);
      const comma = BAD_MARKER.exec(marked[0].text)![2] !== undefined;
      const edits = marked.map((line) => {
        const match = BAD_MARKER.exec(line.text)!;
        const at = line.start + match[1].length;
        return match[2] !== undefined
          ? { span: { start: at + match[0].length - match[1].length - 1, end: at + match[0].length - match[1].length }, newText: '.' }
          : { span: { start: at + 1, end: at + 1 }, newText: ' ' };
      });
      reports.push({
        message: comma
          ? 'These lines are numbered with a comma ("1,"), which Markdown does not read as a list: they run together as one paragraph. Write "1." instead.'
          : 'These lines have no space after the dash ("-Item"), so Markdown does not read them as a list: they run together as one paragraph. Add a space after each dash.',
        span: { start: marked[0].start, end: marked[0].end },
        fixes: [{ title: comma ? 'Number the lines with "1." instead of "1,"' : 'Add a space after each dash', edits, safe: true }],
      });
    }
    for (const line of lines) {
      if (line.block.type !== 'paragraph' || line.lineInBlock === 0 || reported.has(line.block)) continue;
      const match = ITEM.exec(line.text);
      if (!match) continue;
      const indented = match[1].replace(/\t/g, '    ').length >= 4 && !line.inList;
      const numberedOn = match[2] !== undefined && match[2] !== '1';
      if (!indented && !numberedOn) continue;
      reported.add(line.block);
      const first = line.block.position?.start.offset ?? line.start;
      const firstEnd = text.indexOf('\n', first);
      reports.push({
        message: indented
          ? 'These list lines are indented four spaces under a line of text, so Markdown runs them into it as one paragraph: remove the indentation and leave a blank line before the list.'
          : 'This list starts at a number other than 1 right under a line of text, so Markdown runs it into that paragraph: leave a blank line before the list.',
        span: { start: first, end: firstEnd < 0 ? line.end : firstEnd },
      });
    }
    return reports.sort((a, b) => a.span.start - b.span.start);
  },
};
