import type { Rule, RuleReport } from './rule';
import { nodesOf, spanOf } from './tree';
import { renderedText } from '../parse/html';
import { countWords } from '../words';

/**
 * A paragraph written as a heading: a whole sentence (a dozen words or more ending in a full
 * stop) or a long run of text after the hashes. It shows in large bold type, lands in the outline
 * as a section, and the section it was meant to sit in looks empty.
 */
export const headingIsSentence: Rule = {
  id: 'heading-is-sentence',
  description: 'A sentence or a paragraph written as a heading: it shows as a title and splits the section.',
  defaultSeverity: 'warning',
  tags: ['markdown', 'sections'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    for (const heading of nodesOf(root, 'heading')) {
      const span = spanOf(heading);
      if (!span) continue;
      const title = renderedText(heading).trim();
      const words = countWords(title);
      const sentence = words >= 12 && /[.!?]["')\]]?$/.test(title) && !/:\s*\S/.test(title.slice(0, 40));
      if (!sentence && words < 25) continue;
      const hashes = /^\s{0,3}(#{1,6})/.exec(text.slice(span.start, span.end))?.[1] ?? '#';
      reports.push({
        message: `This heading is a ${words < 25 ? 'sentence' : 'paragraph'} of ${words} words: write it as text under a heading (remove the "${hashes}"), and keep headings to a short name.`,
        span: { start: span.start, end: Math.min(span.end, span.start + 200) },
      });
    }
    return reports;
  },
};
