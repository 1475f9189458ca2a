import type { Rule, RuleReport } from './rule';
import { fieldIdOf } from '../profiles/fields';
import { sectionIdOf } from '../profiles/sections';
import { cleanHeadingText } from '../parse/sections';
import { blockLines } from './block-lines';
import { lineBreakOf } from './edits';

/**
 * A summary label run into other text: a second label on the same line as the first
 * ("Duration: 2 hours (12:00 PM - 2:00 PM EST) Impact: ..."), or a field written inside a section's
 * heading ("## Issue Summary: Duration: 2 hours"). Readers and the linter look for it on a line of
 * its own. (A section label under a paragraph with no blank line is `section-not-heading`'s.)
 */

/** A later label on a line: after a sentence end or a closing bracket, a short name and a colon. */
// Bounded blanks only: a line of thousands of blanks must stay linear.
const LATER_LABEL = /(?:[.)\]][ \t]{0,3}|[ \t]{2,3})((?:\*\*|__)?)(\p{L}[\p{L} ]{1,24}?)(?:\*\*|__)?[ \t]{0,3}:(?!\d)/gu;

export const labelSwallowed: Rule = {
  id: 'label-swallowed',
  description: 'A summary label run into other text: a second label on the same line as the first, or a field inside a heading.',
  defaultSeverity: 'warning',
  fix: 'safe',
  tags: ['markdown', 'sections'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    const eol = lineBreakOf(text);
    for (const line of blockLines(text, root)) {
      const span = { start: line.start, end: line.end };
      if (line.block.type === 'heading') {
        // "Issue Summary: Duration: 2 hours": the section's name, then a field with its value.
        const [name, label, ...value] = cleanHeadingText(line.text).split(':');
        if (label === undefined || !value.join(':').trim() || !sectionIdOf(name.trim())) continue;
        const field = fieldIdOf(label.replace(/[*_]/g, ''));
        if (!field) continue;
        reports.push({
          message: `"${label.trim()}" is written inside the "${name.trim()}" heading: put "${label.trim()}:${value.join(':')}" on a line of its own under the heading.`,
          span,
        });
        continue;
      }
      if (line.block.type !== 'paragraph') continue;
      // Two summary labels on one line: "Duration: 2 hours (12:00 PM - 2:00 PM EST) Impact: ...".
      const colon = line.text.indexOf(':');
      if (colon < 0 || colon > 40) continue;
      const first = fieldIdOf(line.text.slice(0, colon).replace(/^[\s*_•-]+|[\s*_]+$/g, ''));
      if (!first) continue;
      for (const match of line.text.slice(colon + 1).matchAll(LATER_LABEL)) {
        const second = fieldIdOf(match[2]);
        if (!second || second === first) continue;
        // Where the label starts: after the sentence end or blanks the match begins with.
        const at = line.start + colon + 1 + match.index! + match[0].indexOf(match[1] + match[2]);
        reports.push({
          message: `"${match[2]}:" runs on in the same line as "${line.text.slice(0, colon).replace(/[*_]/g, '').trim()}:": start it on a line of its own.`,
          span,
          fixes: [{ title: `Start "${match[2]}:" on a new line`, edits: [{ span: { start: at, end: at }, newText: eol + eol }], safe: true }],
        });
        break;
      }
    }
    return reports;
  },
};
