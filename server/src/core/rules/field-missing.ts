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

/** After a time, the end of a range: "to 6 GMT", "until 18", "- 6pm". */
const RANGE_END = /^\s*(?:to|until|till|through|[-–—])\s*\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?|[A-Z]{2,5}\b|o'clock)/i;

/**
 * Whether the summary's prose says what the field would: start and end times or a length for
 * the duration ("from 10:05 AM to 10:15 AM", "lasted 45 minutes"); who was affected for the
 * impact; a stated cause for the root cause.
 */
function saidInProse(id: string, prose: string): boolean {
  if (!prose.trim()) return false;
  if (id === 'duration') {
    const stamps = findTimestamps(prose);
    const timed = stamps.filter((stamp) => stamp.time && !stamp.error);
    if (timed.length >= 2) return true;
    // "From 4pm to 6 GMT": a range whose end is a bare hour the time module does not take alone.
    if (timed.some((stamp) => RANGE_END.test(prose.slice(stamp.offset + stamp.length, stamp.offset + stamp.length + 24)))) return true;
    return Boolean(findLength(prose, stamps));
  }
  const section = SECTION_FOR_FIELD[id];
  const evidence = section ? sectionKind(section)?.evidence : undefined;
  return Boolean(evidence?.test(prose));
}

/** Sections that say part of what the summary would, and may stand right after it as parts of it. */
const SUMMARY_PARTS = new Set(['impact', 'rootCause']);

/**
 * The text the summary covers: its body and the summary parts written right after it as sections
 * of their own ("Summary:", "Impact:" then the cause in the impact's lines); with no summary,
 * everything above the first known section, or, when no section is known, the title's text and
 * the first section under it (a summary under a heading of its own wording).
 */
function summaryText(text: string, summary: Section | undefined, sections: Section[]): string {
  if (summary) {
    let end = summary.bodySpan.end;
    for (const section of sections) {
      if (section.headingSpan.start < end) continue;
      if (section.headingSpan.start !== end || !section.canonical || !SUMMARY_PARTS.has(section.canonical)) break;
      end = section.bodySpan.end;
    }
    return text.slice(summary.headingSpan.end, end);
  }
  if (sections.some((section) => section.canonical)) {
    // Up to the first known section, or the first sub-heading (a title may be followed by more titles).
    const end = sections.find((section) => section.canonical || section.level > 1)?.headingSpan.start ?? text.length;
    return text.slice(0, end);
  }
  // No section is known: up to the second sub-heading, so the first one's text counts.
  const subHeadings = sections.filter((section) => section.level > 1);
  return text.slice(0, subHeadings[1]?.headingSpan.start ?? subHeadings[0]?.bodySpan.end ?? text.length);
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
