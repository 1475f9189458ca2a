import type { Section } from '../model';
import type { Rule } from './rule';
import { fieldIdOf, fieldKind } from '../profiles/fields';
import { sectionKind } from '../profiles/sections';
import { findLength, findTimestamps } from '../time';
import { documentSpan, lineBreakOf } from './edits';

/** A section of its own that says at least as much as the field would. */
const SECTION_FOR_FIELD: Record<string, string> = { impact: 'impact', rootCause: 'rootCause' };

/** What each field asks for, in words a reader would look for when it is told in prose. */
const WHAT_IT_SAYS: Record<string, string> = {
  duration: 'when the outage started and ended (or how long it lasted)',
  impact: 'who or what was affected, and how',
  rootCause: 'what caused it',
};

/**
 * Whether the summary's prose says what the field would: start and end times or a length for
 * the duration ("from 10:05 AM to 10:15 AM", "lasted 45 minutes"); who was affected for the
 * impact; a stated cause for the root cause.
 */
function saidInProse(id: string, prose: string): boolean {
  if (!prose.trim()) return false;
  if (id === 'duration') {
    const stamps = findTimestamps(prose);
    if (stamps.filter((stamp) => stamp.time && !stamp.error).length >= 2) return true;
    return Boolean(findLength(prose, stamps));
  }
  const section = SECTION_FOR_FIELD[id];
  const evidence = section ? sectionKind(section)?.evidence : undefined;
  return Boolean(evidence?.test(prose));
}

/** The text the summary covers: its body, or everything above the first known section when there is none. */
function summaryText(text: string, summary: Section | undefined, sections: Section[]): string {
  if (summary) return text.slice(summary.headingSpan.end, summary.bodySpan.end);
  // Up to the first known section, or the first sub-heading (a title may be followed by more titles).
  const end = sections.find((section) => section.canonical || section.level > 1)?.headingSpan.start ?? text.length;
  return text.slice(0, end);
}

export const fieldMissing: Rule = {
  id: 'field-missing',
  description: 'A summary field the profile requires (Duration, Impact, Root Cause) is not written.',
  defaultSeverity: 'error',
  fix: 'quick fix',
  tags: ['fields'],
  check({ text, model, profile }) {
    const summary = model.sections.find((section) => section.canonical === profile.fieldsSection);
    // Fields count in the summary, or above every section (a header block of Date / Duration lines).
    const firstSection = model.sections.find((section) => section.canonical)?.headingSpan.start ?? 0;
    const inScope = model.fields.filter((field) => !summary || field.section === profile.fieldsSection || field.span.start < firstSection);
    const has = new Set(inScope.map((field) => field.id));
    // A sub-heading or label line named like the field (`### Duration`) inside the summary counts too.
    for (const section of model.sections) {
      const id = fieldIdOf(section.title);
      if (id && summary && section.headingSpan.start >= summary.headingSpan.start && section.headingSpan.start < summary.bodySpan.end) has.add(id);
    }
    if (has.has('start') && has.has('end')) has.add('duration');
    for (const section of model.sections) {
      for (const [field, sectionId] of Object.entries(SECTION_FOR_FIELD)) if (section.canonical === sectionId) has.add(field);
    }
    const prose = summaryText(text, summary, model.sections);
    const eol = lineBreakOf(text);
    return profile.requiredFields
      .filter((id) => !has.has(id) && !saidInProse(id, prose))
      .map((id) => {
        const label = fieldKind(id)?.label ?? id;
        const where = summary ? `The "${summary.title}" section` : 'The text before the first section';
        const says = WHAT_IT_SAYS[id] ? `: it never says ${WHAT_IT_SAYS[id]}` : '';
        const fixes = summary
          ? [
              {
                title: `Add a "${label}:" line to the summary`,
                edits: [{ span: { start: summary.headingSpan.end, end: summary.headingSpan.end }, newText: `${eol}${eol}${label}: ` }],
                safe: false,
              },
            ]
          : [];
        return {
          message: `${where} has no ${label}${says}. Add a line "${label}: ..." to the summary.`,
          span: summary?.headingSpan ?? documentSpan(text),
          fixes,
        };
      });
  },
};
