import type { Rule } from './rule';
import { editDistance, matchSection, normaliseHeading, sectionKind } from '../profiles/sections';

/**
 * A heading that misspells a section name (`Sumary`, `Corrective and Preventive measurers`): it is
 * read as that section, so nothing is reported missing, and this says which one it was taken for.
 */
/** One word differs, by one letter: `sumary`, `measurers`; not `preventing` for `preventive`, a word of its own. */
function oneWordMisspelt(written: string, name: string): boolean {
  const a = written.split(' ');
  const b = name.split(' ');
  if (a.length !== b.length) return false;
  const differing = a.map((word, i) => [word, b[i]]).filter(([x, y]) => x !== y);
  return differing.length === 1 && editDistance(differing[0][0], differing[0][1], 1) <= 1;
}

export const headingTypo: Rule = {
  id: 'heading-typo',
  description: 'A heading that misspells a section name; it is read as that section.',
  defaultSeverity: 'warning',
  fix: 'quick fix',
  tags: ['sections'],
  check({ text, model, profile }) {
    const extra = new Map<string, string>();
    for (const section of profile.sections) {
      for (const synonym of section.synonyms ?? []) extra.set(normaliseHeading(synonym), section.id);
      extra.set(normaliseHeading(section.title), section.id);
    }
    const reports = [];
    for (const section of model.sections) {
      if (section.form === 'label-line' || !section.canonical) continue;
      const match = matchSection(section.title, extra);
      if (match?.how !== 'typo' || !oneWordMisspelt(normaliseHeading(section.title), match.name)) continue;
      const name = profile.sections.find((s) => s.id === match.id)?.title ?? sectionKind(match.id)?.title ?? match.name;
      const line = text.slice(section.headingSpan.start, section.headingSpan.end);
      const at = line.indexOf(section.title);
      reports.push({
        message: `"${section.title}" looks like a misspelling of "${name}" (read as that section): did you mean "${name}"?`,
        span: section.headingSpan,
        fixes:
          at >= 0
            ? [
                {
                  title: `Rename the heading "${name}"`,
                  edits: [{ span: { start: section.headingSpan.start + at, end: section.headingSpan.start + at + section.title.length }, newText: name }],
                  safe: false,
                },
              ]
            : [],
      });
    }
    return reports;
  },
};
