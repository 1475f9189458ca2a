import type { Rule } from './rule';
import { fieldIdOf, fieldKind } from '../profiles/fields';
import { findTimestamps } from '../time';
import { documentSpan, lineBreakOf } from './edits';

/** A section of its own that says at least as much as the field would. */
const SECTION_FOR_FIELD: Record<string, string> = { impact: 'impact', rootCause: 'rootCause' };

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
    // "On June 9 from 10:05 AM to 10:15 AM WAT, the site was down": start and end times written in
    // the summary's prose say what a Duration line would.
    if (summary && findTimestamps(text.slice(summary.bodySpan.start, summary.bodySpan.end)).filter((t) => t.time && !t.error).length >= 2) {
      has.add('duration');
    }
    for (const section of model.sections) {
      for (const [field, sectionId] of Object.entries(SECTION_FOR_FIELD)) if (section.canonical === sectionId) has.add(field);
    }
    const eol = lineBreakOf(text);
    return profile.requiredFields
      .filter((id) => !has.has(id))
      .map((id) => {
        const label = fieldKind(id)?.label ?? id;
        const where = summary ? `the "${summary.title}" section` : 'the document';
        const fixes = summary
          ? [{ title: `Add a "${label}:" line to the summary`, edits: [{ span: { start: summary.headingSpan.end, end: summary.headingSpan.end }, newText: `${eol}${eol}${label}: ` }], safe: false }]
          : [];
        return { message: `"${label}:" is missing from ${where}.`, span: summary?.headingSpan ?? documentSpan(text), fixes };
      });
  },
};
