import type { Rule, RuleReport } from './rule';
import { nodesOf, spanOf } from './tree';
import { lineBreakOf } from './edits';

/**
 * A fenced code block whose closing fence is missing: everything after the opening ``` to the end
 * of the document (or of the list item it is in) renders as code.
 */
export const unclosedCodeFence: Rule = {
  id: 'unclosed-code-fence',
  description: 'A code block opened with ``` (or ~~~) and never closed: the rest of the document renders as code.',
  defaultSeverity: 'warning',
  fix: 'quick fix',
  tags: ['markdown', 'code'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    for (const code of nodesOf(root, 'code')) {
      const span = spanOf(code);
      if (!span) continue;
      const source = text.slice(span.start, span.end);
      const opening = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(source);
      if (!opening) continue;
      const lines = source.split('\n');
      // Inside a quote or a list item, each line carries the container's markers first.
      const last = lines[lines.length - 1].replace(/^[\s>]*/, '');
      const fence = opening[1];
      const closing = new RegExp(`^\\${fence[0]}{${fence.length},}\\s*$`);
      if (lines.length > 1 && closing.test(last)) continue;
      const firstLineEnd = source.indexOf('\n');
      const atEnd = !text.slice(span.end).trim();
      const eol = lineBreakOf(text);
      reports.push({
        message: `This code block is never closed: everything after the opening ${fence} renders as code${atEnd ? ' to the end of the document' : ''}. Add a line "${fence}" where the code ends.`,
        span: { start: span.start, end: firstLineEnd < 0 ? span.end : span.start + firstLineEnd },
        ...(atEnd
          ? {
              fixes: [
                {
                  title: `Close the code block at the end of the document`,
                  edits: [{ span: { start: text.length, end: text.length }, newText: `${text.endsWith('\n') ? '' : eol}${fence}${eol}` }],
                  safe: false,
                },
              ],
            }
          : {}),
      });
    }
    return reports;
  },
};
