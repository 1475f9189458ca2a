import type { Rule } from './rule';

export const headingSpace: Rule = {
  id: 'heading-space',
  description: 'A heading needs a space after its hashes, or Markdown shows it as plain text.',
  defaultSeverity: 'error',
  fix: 'safe',
  tags: ['sections', 'markdown'],
  check({ text, model }) {
    return model.sections
      .filter((section) => section.form === 'heading-no-space')
      .map((section) => {
        const line = text.slice(section.headingSpan.start, section.headingSpan.end);
        const hashes = /^\s*#+/.exec(line)?.[0].length ?? section.level;
        const at = section.headingSpan.start + hashes;
        return {
          message: `"${line.trim()}" is not a heading: Markdown needs a space after "${'#'.repeat(section.level)}".`,
          span: section.headingSpan,
          fixes: [{ title: 'Insert a space after the hashes', edits: [{ span: { start: at, end: at }, newText: ' ' }], safe: true }],
        };
      });
  },
};
