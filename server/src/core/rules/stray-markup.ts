import type { Rule, RuleReport } from './rule';
import type { Span } from '../model';
import { blockLines } from './block-lines';
import { eachNode, spanOf } from './tree';

/**
 * Markup that Markdown did not read and shows as typed: `**` that opens or closes nothing (a
 * blank inside the markers, `** bold **`), or separator lines of backslashes (`\\\\`). Each kind is
 * reported once per document, where it first occurs.
 */
export const strayMarkup: Rule = {
  id: 'stray-markup',
  description: 'Markup shown as typed: ** that makes no bold (a blank inside the markers), or lines of backslashes.',
  defaultSeverity: 'warning',
  tags: ['markdown'],
  check({ text, root }) {
    let emphasis: { span: Span; count: number } | undefined;
    eachNode(root, (node) => {
      // What the search below looks for holds "**" or "__": text without either needs no more.
      if (node.type !== 'text' || (!node.value.includes('**') && !node.value.includes('__'))) return;
      const span = spanOf(node);
      // Only text written as it shows: `\*\*` is an escape the author meant.
      if (!span || text.slice(span.start, span.end) !== node.value) return;
      const at = node.value.search(/\*\*|__(?=\s|$)|(?<=\s|^)__/);
      if (at < 0) return;
      if (emphasis) emphasis.count++;
      else emphasis = { span: { start: span.start + at, end: span.start + at + 2 }, count: 1 };
    });
    let backslashes: { span: Span; count: number } | undefined;
    for (const line of blockLines(text, root)) {
      if (line.block.type !== 'paragraph' || !/^\s*(?:\\\\){1,}\s*$/.test(line.text)) continue;
      if (backslashes) backslashes.count++;
      else backslashes = { span: { start: line.start, end: line.end }, count: 1 };
    }
    const reports: RuleReport[] = [];
    const more = (count: number) => (count > 1 ? ` (and ${count - 1} more below)` : '');
    if (emphasis)
      reports.push({
        message: `These asterisks show as typed${more(emphasis.count)}: bold needs "**" right against its text, with no blank inside ("**like this**"). Remove the blanks, or the asterisks.`,
        span: emphasis.span,
      });
    if (backslashes)
      reports.push({
        message: `This line of backslashes shows as typed${more(backslashes.count)}: to separate parts, leave a blank line or write "---" on a line of its own.`,
        span: backslashes.span,
      });
    return reports.sort((a, b) => a.span.start - b.span.start);
  },
};
