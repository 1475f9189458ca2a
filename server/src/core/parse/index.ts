// Text -> PostmortemModel, stage by stage: Markdown (markdown.ts), source lines (lines.ts), sections
// and summary fields read from those lines (sections.ts, fields.ts), the incident window
// (window.ts), the timeline's date and zone from the whole document (context.ts) and the timeline
// entries (timeline.ts).
import type { Root } from 'mdast';
import type { Field, IncidentWindow, PostmortemModel, Section, Span } from '../model';
import type { Profile } from '../profiles/profile';
import { normaliseHeading, sectionIdOf } from '../profiles/sections';
import { findZoneDeclaration } from '../time';
import { dateFromText, timelineDefaults } from './context';
import { phasePatterns, type PhaseWords } from '../phases';
import { parseMarkdown, type MarkdownParser } from './markdown';
import { readStructure } from './lines';
import { assignBodies, cleanHeadingText, labelLine, newSection, noSpaceHeading, sectionAt, withoutPartLabels, withoutStepLabels } from './sections';
import { fieldOf, withValueBelow } from './fields';
import { readProseWindow, readWindow } from './window';
import { readEntries, timedLineStarts } from './timeline';
import { firstAtOrAfter, type SourceLine } from './lines';

export interface ParseResult {
  model: PostmortemModel;
  /** The mdast tree, for callers that need more than the model. */
  root: Root;
}

export function parse(text: string, profile: Profile, phaseWords?: PhaseWords, markdown: MarkdownParser = parseMarkdown): ParseResult {
  const root = markdown(text);
  const structure = readStructure(text, root);
  const extra = extraSynonyms(profile);

  let sections: Section[] = [];
  const rawFields: Omit<Field, 'section'>[] = [];
  let title: string | undefined;
  for (const [index, line] of structure.lines.entries()) {
    if (line.indentedCode) continue;
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
  sections = withoutPartLabels(sections, (id) => profile.sections.find((spec) => spec.id === id)?.satisfiedBy?.flat() ?? []);
  assignBodies(text, sections, structure);

  const fields: Field[] = rawFields.map((field) => ({ ...field, section: sectionAt(sections, field.span.start)?.canonical }));
  const dateField = fields.find((field) => field.id === 'date');
  const fallbackDate = dateFromText(dateField?.value) ?? dateFromText(structure.frontMatter?.date);
  const timeline = sections.find((section) => section.canonical === 'timeline') ?? timelineByContent(text, sections, structure.lines);
  const prose = proseLines(sections, structure.lines, timeline);
  let window = readWindow(fields, structure.frontMatter);
  if (!window?.start && !window?.error) {
    // No Duration or Start/End field gives a start: the summary may say it in a sentence.
    const stated = window;
    const fromProse = readProseWindow(prose, fallbackDate);
    if (fromProse) {
      window = fromProse;
      if (stated?.statedMinutes !== undefined && fromProse.statedMinutes === undefined) {
        window.statedMinutes = stated.statedMinutes;
        window.statedSpan = stated.statedSpan;
      }
    }
  }
  const firstLine = structure.lines.find((line) => line.text.trim())?.text ?? '';
  const defaults = timelineDefaults(text, timeline, window, prose, title ?? firstLine, fallbackDate);
  const declaredZone = defaults.declaredZone ?? (timeline ? undefined : findZoneDeclaration(text.slice(0, 20_000))?.zone);
  const patterns = phasePatterns(phaseWords);
  // No timeline section: the events the document tells in its prose ("around 9pm UTC the proposal
  // was submitted"), outside the window's lines, which state the incident, not its events.
  const entries = timeline
    ? readEntries(text, structure.lines, timeline.bodySpan, defaults, patterns)
    : readEntries(text, structure.lines, { start: 0, end: text.length }, defaults, patterns, true, windowSpans(window));

  return {
    root,
    model: {
      title,
      sections,
      fields,
      window,
      timelineZone: declaredZone,
      entries,
      ...(!timeline && entries.length > 0 && { timelineInProse: true }),
      wordCount: structure.wordCount,
      frontMatter: structure.frontMatter,
    },
  };
}

/** The profile's own section names, normalised: built once per profile, not once per document. */
const synonymsOfProfile = new WeakMap<Profile, Map<string, string>>();
function extraSynonyms(profile: Profile): Map<string, string> {
  let extra = synonymsOfProfile.get(profile);
  if (extra) return extra;
  extra = new Map<string, string>();
  for (const section of profile.sections) {
    for (const synonym of section.synonyms ?? []) extra.set(normaliseHeading(synonym), section.id);
    extra.set(normaliseHeading(section.title), section.id);
  }
  synonymsOfProfile.set(profile, extra);
  return extra;
}

/**
 * A timeline under a heading that names no known section ("The Symphony's Dramatic Crescendo"), or
 * under none: the unnamed section (else the whole document) with the most lines that start with a
 * time, when at least three do (two, when they are headings of their own: `#### 11:28 UTC`).
 */
function timelineByContent(text: string, sections: Section[], lines: SourceLine[]): Section | undefined {
  let best: Section | undefined;
  let bestCount = 0;
  const whole: Section = {
    title: '',
    level: 0,
    form: 'heading',
    headingSpan: { start: 0, end: 0 },
    bodySpan: { start: 0, end: text.length },
    bodyWords: 0,
    hasList: false,
  };
  const starts = timedLineStarts(text, lines);
  if (starts.lines.length < 2) return undefined;
  for (const section of [...sections.filter((s) => !s.canonical), whole]) {
    const count = { lines: countIn(starts.lines, section.bodySpan), headings: countIn(starts.headings, section.bodySpan) };
    const enough = count.lines >= 3 || (count.lines >= 2 && count.headings >= 2);
    // On a tie the later section wins: it is nested in, or more specific than, the one before.
    if (enough && (count.lines > bestCount || (count.lines === bestCount && section !== whole))) [best, bestCount] = [section, count.lines];
  }
  return best;
}

/** Where the window's start and end are written: those lines state the window, they are not events. */
function windowSpans(window: IncidentWindow | undefined): Span[] {
  return [window?.start?.span, window?.end?.span].filter((span): span is Span => span !== undefined);
}

/** How many of the sorted offsets lie in the span. */
function countIn(sorted: number[], span: { start: number; end: number }): number {
  return firstAtOrAfter(sorted, span.end) - firstAtOrAfter(sorted, span.start);
}

/** The lines that describe the incident before the timeline: the summary's, else those above every known section. */
function proseLines(sections: Section[], lines: SourceLine[], timeline: Section | undefined): SourceLine[] {
  const summary = sections.find((section) => section.canonical === 'summary');
  const firstKnown = sections.find((section) => section.canonical && section.canonical !== 'summary');
  const from = summary?.bodySpan.start ?? 0;
  const to = Math.min(summary?.bodySpan.end ?? firstKnown?.headingSpan.start ?? Infinity, timeline?.headingSpan.start ?? Infinity);
  return lines.filter((line) => line.start >= from && line.start < to && !line.indentedCode).slice(0, 80);
}
