import type { Rule } from './rule';
import { nodesOf, spanOf } from './tree';
import { renderedText } from '../parse/html';
import { scanLeadingTimestamp } from '../time';

/**
 * A heading with no text (`## ` alone), or a heading that names no known section with nothing
 * under it before the next heading of its level or above (known sections: `section-empty`).
 */
export const emptyHeading: Rule = {
  id: 'empty-heading',
  description: 'A heading with no text, or with nothing written under it.',
  defaultSeverity: 'warning',
  tags: ['markdown', 'sections'],
  check({ model, root }) {
    const reports = [];
    const blocks = root.children;
    const headings = nodesOf(root, 'heading');
    const firstHeading = headings[0];
    // Maps, not searches: a document of 50,000 headings must stay linear.
    const indexOf = new Map(blocks.map((block, index) => [block, index]));
    const sectionAtStart = new Map(model.sections.map((section) => [section.headingSpan.start, section]));
    for (const heading of headings) {
      const span = spanOf(heading);
      if (!span) continue;
      if (!renderedText(heading).replace(/[#*_\s]/g, '')) {
        reports.push({ message: 'This heading has no text: write its title after the hashes, or delete the line.', span });
        continue;
      }
      // The document's title, a date or time heading (entries follow as sub-headings) and a
      // heading that is only a link are not sections that wait for content.
      if (heading.depth < 2 || heading === firstHeading || heading.children.every((child) => child.type === 'link')) continue;
      const title = renderedText(heading).trim();
      if (scanLeadingTimestamp(title) || /^[\d\s./:-]+$/.test(title)) continue;
      const section = sectionAtStart.get(span.start);
      if (!section || section.canonical) continue;
      const index = indexOf.get(heading);
      if (index === undefined) continue;
      const next = blocks[index + 1];
      if (next && !(next.type === 'heading' && next.depth <= heading.depth)) continue;
      reports.push({
        message: `Nothing is written under "${section.title}": ${next ? 'the next heading follows it directly' : 'the document ends after it'}. Write its content, or delete the heading.`,
        span: { start: span.start, end: span.end },
      });
    }
    return reports;
  },
};
