import type { Rule } from './rule';

export const sectionEmpty: Rule = {
  id: 'section-empty',
  description: 'A known section with nothing written under it.',
  defaultSeverity: 'warning',
  tags: ['sections'],
  check({ text, model }) {
    return model.sections
      .filter((section, index) => {
        if (!section.canonical || section.bodyWords > 0) return false;
        // A plain-line label right above another section (`Root Cause and Resolution` then `Root Cause`)
        // reads as its parent, not as an empty section.
        const next = model.sections[index + 1];
        const parentLike = section.form === 'label-line' && next && !text.slice(section.headingSpan.end, next.headingSpan.start).trim();
        return !parentLike;
      })
      .map((section) => ({ message: `The "${section.title}" section is empty.`, span: section.headingSpan }));
  },
};
