import type { Section } from '../model';
import type { Rule } from './rule';
import { documentSpan, standaloneBlock } from './edits';

/** The heading level most of the document's known sections use. */
function usualLevel(sections: Section[]): number {
  const counts = new Map<number, number>();
  for (const section of sections) {
    if (section.form === 'heading' && section.canonical) counts.set(section.level, (counts.get(section.level) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) if (count > bestCount) [best, bestCount] = [level, count];
  return best;
}

export const sectionMissing: Rule = {
  id: 'section-missing',
  description: 'A section the profile requires is not in the document.',
  defaultSeverity: 'error',
  fix: 'quick fix',
  tags: ['sections'],
  check({ text, model, profile }) {
    const present = new Set(model.sections.map((section) => section.canonical).filter(Boolean));
    const has = (id: string) =>
      present.has(id) || (profile.sections.find((s) => s.id === id)?.satisfiedBy ?? []).some((group) => group.every((g) => present.has(g)));
    const level = usualLevel(model.sections);
    const reports = [];
    for (const [index, spec] of profile.sections.entries()) {
      if (!spec.required || has(spec.id)) continue;
      // Insert after the closest earlier section that exists, else before the closest later one.
      let offset = text.length;
      const earlier = profile.sections.slice(0, index).reverse().find((s) => present.has(s.id));
      const later = profile.sections.slice(index + 1).find((s) => present.has(s.id));
      if (earlier) offset = lastOf(model.sections, earlier.id).bodySpan.end;
      else if (later) offset = model.sections.find((s) => s.canonical === later.id)!.headingSpan.start;
      const block = `${'#'.repeat(level)} ${spec.title}\n\n${spec.template}`;
      reports.push({
        message: `The "${spec.title}" section is missing (${profile.name} profile).`,
        span: documentSpan(text),
        fixes: [{ title: `Add a "${spec.title}" section`, edits: [{ span: { start: offset, end: offset }, newText: standaloneBlock(text, offset, block) }], safe: false }],
      });
    }
    return reports;
  },
};

function lastOf(sections: Section[], id: string): Section {
  return sections.filter((section) => section.canonical === id).pop()!;
}
