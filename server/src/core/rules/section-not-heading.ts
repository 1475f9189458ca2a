import { lineBreakOf, previousLineHasContent } from './edits';
import type { Rule } from './rule';

export const sectionNotHeading: Rule = {
  id: 'section-not-heading',
  description: 'A section name written as a plain or bold line instead of a heading.',
  defaultSeverity: 'warning',
  fix: 'safe',
  tags: ['sections', 'markdown'],
  check({ text, model }) {
    let level = 2;
    const reports = [];
    for (const section of model.sections) {
      if (section.form !== 'label-line') {
        if (section.canonical && section.level > 0) level = section.level;
        continue;
      }
      const line = text.slice(section.headingSpan.start, section.headingSpan.end);
      const indent = /^\s*/.exec(line)?.[0].length ?? 0;
      const heading = `${'#'.repeat(level)} ${section.title}`;
      // A heading may interrupt a paragraph, but a blank line keeps the source readable.
      const before = previousLineHasContent(text, section.headingSpan.start) ? lineBreakOf(text) : '';
      reports.push({
        message: `"${section.title}" is written as a plain line; make it a heading so it shows as a section.`,
        span: section.headingSpan,
        fixes: [
          {
            title: `Make "${section.title}" a level ${level} heading`,
            edits: [{ span: { start: section.headingSpan.start + indent, end: section.headingSpan.end }, newText: before + heading }],
            safe: true,
          },
        ],
      });
    }
    return reports;
  },
};
