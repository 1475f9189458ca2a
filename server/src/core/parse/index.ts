// Text -> PostmortemModel, stage by stage: Markdown (markdown.ts), source lines (lines.ts), sections
// and summary fields read from those lines (sections.ts, fields.ts), the incident window
// (window.ts) and the timeline entries (timeline.ts).
import type { Root } from 'mdast';
import type { Field, PostmortemModel, Section } from '../model';
import type { Profile } from '../profiles/profile';
import { normaliseHeading, sectionIdOf } from '../profiles/sections';
import { findZoneDeclaration } from '../time';
import { phasePatterns, type PhaseWords } from '../phases';
import { parseMarkdown } from './markdown';
import { readStructure } from './lines';
import { assignBodies, cleanHeadingText, labelLine, newSection, noSpaceHeading, sectionAt, withoutStepLabels } from './sections';
import { fieldOf, withValueBelow } from './fields';
import { readWindow } from './window';
import { readEntries } from './timeline';

export interface ParseResult {
  model: PostmortemModel;
  /** The mdast tree, for callers that need more than the model. */
  root: Root;
}

export function parse(text: string, profile: Profile, phaseWords?: PhaseWords): ParseResult {
  const root = parseMarkdown(text);
  const structure = readStructure(text, root);
  const extra = new Map<string, string>();
  for (const section of profile.sections) {
    for (const synonym of section.synonyms ?? []) extra.set(normaliseHeading(synonym), section.id);
    extra.set(normaliseHeading(section.title), section.id);
  }

  let sections: Section[] = [];
  const rawFields: Omit<Field, 'section'>[] = [];
  let title: string | undefined;
  for (const [index, line] of structure.lines.entries()) {
    if (line.kind === 'heading') {
      const heading = cleanHeadingText(line.text.split('\n')[0]);
      // The title stays as written; the section it names is read from the text as rendered.
      const named = line.rendered === undefined ? heading : cleanHeadingText(line.rendered);
      // `Issue Summary: Duration: 2 hours`: a heading that runs on past its name after a colon.
      const colon = named.indexOf(':');
      const canonical = sectionIdOf(named, extra) ?? (colon > 0 ? sectionIdOf(named.slice(0, colon), extra) : undefined);
      if (!canonical && line.depth === 1 && title === undefined) title = heading;
      sections.push(newSection(heading, canonical, line.depth ?? 1, 'heading', line));
      continue;
    }
    const malformed = noSpaceHeading(line, extra);
    if (malformed) {
      sections.push(newSection(malformed.title, malformed.canonical, malformed.level, 'heading-no-space', line));
      continue;
    }
    const read = fieldOf(line);
    const field = read && withValueBelow(read, structure.lines[index + 1], text);
    const label = labelLine(line, extra);
    if (label && !(field && profile.requiredFields.includes(field.id) && !profile.sections.some((s) => s.id === label.canonical))) {
      sections.push(newSection(label.title, label.canonical, 0, 'label-line', line));
      continue;
    }
    if (field) rawFields.push(field);
  }
  if (title === undefined && structure.frontMatter?.title) title = structure.frontMatter.title;
  sections = withoutStepLabels(sections, structure.lines, extra);
  assignBodies(text, sections, structure);

  const fields: Field[] = rawFields.map((field) => ({ ...field, section: sectionAt(sections, field.span.start)?.canonical }));
  const window = readWindow(fields, structure.frontMatter);
  const timeline = sections.find((section) => section.canonical === 'timeline');
  const timelineText = timeline ? text.slice(timeline.bodySpan.start, timeline.bodySpan.end) : '';
  const declared = findZoneDeclaration(timelineText) ?? (timeline ? undefined : findZoneDeclaration(text.slice(0, 20_000)));
  const entries = timeline ? readEntries(text, structure.lines, timeline, declared?.zone, window, phasePatterns(phaseWords)) : [];

  return {
    root,
    model: {
      title,
      sections,
      fields,
      window,
      timelineZone: declared?.zone,
      entries,
      wordCount: structure.wordCount,
      frontMatter: structure.frontMatter,
    },
  };
}
