import type { Rule } from './rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Sections in a different order than the profile prescribes (ALX; a custom profile that lists its sections).',
  defaultSeverity: 'info',
  tags: ['sections'],
  check({ model, profile }) {
    if (!profile.ordered) return [];
    const rank = new Map(profile.sections.map((section, index) => [section.id, index]));
    const seen = new Set<string>();
    const reports = [];
    let furthest: { rank: number; title: string } | undefined;
    for (const section of model.sections) {
      if (!section.canonical || seen.has(section.canonical)) continue;
      seen.add(section.canonical);
      const position = rank.get(section.canonical);
      if (position === undefined) continue;
      if (furthest && position < furthest.rank) {
        reports.push({
          message: `"${section.title}" usually comes before "${furthest.title}" (${profile.name} profile).`,
          span: section.headingSpan,
        });
      } else {
        furthest = { rank: position, title: section.title };
      }
    }
    return reports;
  },
};
