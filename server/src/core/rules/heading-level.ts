import type { Rule, RuleReport } from './rule';
import { fieldIdOf } from '../profiles/fields';
import { cleanHeadingText } from '../parse/sections';
import { renderedText } from '../parse/html';
import { nodesOf, spanOf } from './tree';

/**
 * A heading level that misstates the outline: a summary field (Impact, Duration) given a heading
 * as high as its summary's, so it reads as a section of its own. Once per document. (A skipped
 * level alone, `## Timeline` then `####`, is left alone: it is common and renders well.)
 */
export const headingLevel: Rule = {
  id: 'heading-level',
  description: "A summary field's heading as high as the summary's own, so it reads as a section of its own.",
  defaultSeverity: 'info',
  tags: ['markdown', 'sections'],
  check({ text, model, profile, root }) {
    const reports: RuleReport[] = [];
    const headings = nodesOf(root, 'heading');
    const sectionIds = new Set(profile.sections.map((section) => section.id));
    const summaryStarts = new Set(
      model.sections.filter((section) => section.form === 'heading' && section.canonical === profile.fieldsSection).map((section) => section.headingSpan.start),
    );
    let summaryDepth: number | undefined;
    let reportedField = false;
    for (const heading of headings) {
      const span = spanOf(heading);
      if (!span) continue;
      if (summaryStarts.has(span.start)) {
        summaryDepth = heading.depth;
        continue;
      }
      const title = cleanHeadingText(renderedText(heading)).replace(/^[^\p{L}]+/u, '');
      // Root Cause is as often a section of its own as a summary line; a heading inside a list item is no outline.
      const inItem = text.slice(text.lastIndexOf('\n', span.start - 1) + 1, span.start).trim() !== '';
      const field = inItem ? undefined : fieldIdOf(title);
      if (summaryDepth !== undefined && heading.depth <= summaryDepth) {
        if (field && field !== 'rootCause' && !sectionIds.has(field) && !reportedField) {
          reportedField = true;
          reports.push({
            message: `"${title}" belongs to the summary, but its heading is as high as the summary's (${'#'.repeat(summaryDepth)}), so it reads as a section of its own: make it a line "${title}: ..." or a heading one level lower.`,
            span,
          });
          continue;
        }
        // Another section starts: its fields are no longer the summary's.
        if (!field) summaryDepth = undefined;
      }
    }
    return reports;
  },
};
