// Source lines -> sections: headings, `##Heading` without its space, and lines that are only a
// section name; each section's body runs to the next section at its level.
import type { Section } from '../model';
import { sectionIdOf } from '../profiles/sections';
import { scanLeadingTimestamp } from '../time';
import { hasStartIn, wordsIn, type SourceLine, type Structure } from './lines';

// ---- headings and section labels -------------------------------------------------------------

/** Heading text without hashes, emphasis wrappers, a trailing colon or closing hashes. */
export function cleanHeadingText(raw: string): string {
  let text = raw.replace(/^\s{0,3}#{1,6}/, '').trim();
  // Closing hashes (`## Timeline ##`), read without a regular expression: a line of thousands of
  // blanks must not make this quadratic.
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && end > 0 && /\s/.test(text[end - 1])) text = text.slice(0, end).trim();
  for (let round = 0; round < 2; round++) {
    text = text.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').trim();
    if (text.endsWith(':')) text = text.slice(0, -1).trim();
  }
  return text;
}

const NO_SPACE_HEADING = /^ {0,3}(#{1,6})([^\s#][^\n]*)$/;

/** `##Issue summary`: a line CommonMark reads as text because the space after the hashes is missing. */
export function noSpaceHeading(line: SourceLine, extra: Map<string, string>): { level: number; title: string; canonical?: string } | undefined {
  if (line.kind !== 'para' && line.kind !== 'item') return undefined;
  if (line.inList) return undefined;
  const match = NO_SPACE_HEADING.exec(line.text);
  if (!match) return undefined;
  const title = cleanHeadingText(match[2]);
  // A title may open with a project number (`#0x19-postmortem`) or dashes (`#---What happened`),
  // but never with a bare number (`#123` is an issue).
  if (!/^(?:[\p{L}*_]|\d+[\p{L}-]|-+\p{L})/u.test(match[2]) || !title) return undefined;
  const canonical = sectionIdOf(title, extra);
  // A lone `#word` is more likely a hashtag than a title; keep it unless it names a section.
  if (match[1].length === 1 && !canonical && !/\s/.test(title)) return undefined;
  return { level: match[1].length, title, canonical };
}

/** A paragraph line that is nothing but a section name (`**Timeline:**`, `Corrective and Preventative Measures:`). */
export function labelLine(line: SourceLine, extra: Map<string, string>): { title: string; canonical: string } | undefined {
  if (line.kind !== 'para' && line.kind !== 'item') return undefined;
  if (line.inList || line.text.length > 80) return undefined;
  const title = cleanHeadingText(line.text.trim());
  if (!title || title.length > 60) return undefined;
  const canonical = sectionIdOf(title, extra);
  return canonical ? { title, canonical } : undefined;
}

/** The markup a label line opens with (`**`, `*`, `__`, `_`, a list marker, or nothing): labels of one kind share it. */
function labelMarkup(text: string): string {
  return /^\s*(?:[-*+]\s+)?(\*\*|__|\*|_)?/.exec(text)?.[0].trim() ?? '';
}

/** A short line that ends with a colon (`*Escalation:*`, `Detection Method:`), the shape of a step label. */
function looksLikeLabel(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 1 && trimmed.length <= 50 && /:[*_]*$/.test(trimmed);
}

function opensWithClock(text: string): boolean {
  const scanned = scanLeadingTimestamp(text.replace(/^[\s>*_`~[(|-]+/, ''));
  return Boolean(scanned?.time && !scanned.error);
}

/**
 * Label lines that are steps inside the timeline, not sections: `*Resolution:*` among
 * `*Detection Method:*`, `*Escalation:*` and other labels of the same markup that name no
 * section, written above it in the timeline; or a label whose next line is a timed entry. They are dropped, so they neither end the timeline
 * nor get reported.
 */
export function withoutStepLabels(sections: Section[], lines: SourceLine[], extra: Map<string, string>): Section[] {
  const dropped = new Set<Section>();
  // Lines are sorted by start: index them once, and look back a bounded number of lines, so a
  // document of thousands of labels stays linear.
  const lineIndex = new Map(lines.map((line, index) => [line.start, index]));
  let parent: Section | undefined;
  for (const section of sections) {
    if (section.form !== 'label-line' || parent?.canonical !== 'timeline') {
      if (section.canonical) parent = section;
      continue;
    }
    const at = lineIndex.get(section.headingSpan.start);
    if (at === undefined) {
      parent = section;
      continue;
    }
    const markup = labelMarkup(lines[at].text);
    let siblings = 0;
    for (let i = at - 1; i >= Math.max(0, at - STEP_LOOKBACK) && lines[i].start >= parent.headingSpan.end; i--) {
      const line = lines[i];
      // Siblings stand as the label does: on a line of their own, outside lists.
      if ((line.kind === 'para' || line.kind === 'item') && !line.inList && looksLikeLabel(line.text) && labelMarkup(line.text) === markup) {
        if (!sectionIdOf(cleanHeadingText(line.text.trim()), extra)) siblings++;
      }
    }
    // Or the step's own entries follow it: `*Detection:*` then `10:00 UTC: the alert fired`.
    const below = lines[at + 1];
    if (siblings >= 2 || (below && opensWithClock(below.text))) dropped.add(section);
    else parent = section;
  }
  return dropped.size ? sections.filter((section) => !dropped.has(section)) : sections;
}

/**
 * Label lines that name a part of the heading they stand under: `**Resolution:**` under "## Root
 * Cause and Resolution" is a sub-label of that section, not a section of its own. They are
 * dropped, so they neither end their section nor get reported. `partsOf` gives the parts of a
 * section id (the profile's `satisfiedBy`).
 */
export function withoutPartLabels(sections: Section[], partsOf: (id: string) => string[]): Section[] {
  let parent: Section | undefined;
  const kept = sections.filter((section) => {
    if (section.form !== 'label-line') {
      parent = section;
      return true;
    }
    return !(parent?.form === 'heading' && parent.canonical && section.canonical && partsOf(parent.canonical).includes(section.canonical));
  });
  return kept.length === sections.length ? sections : kept;
}

/** How many lines above a label are searched for sibling step labels. */
const STEP_LOOKBACK = 200;

export function newSection(title: string, canonical: string | undefined, level: number, form: Section['form'], line: SourceLine): Section {
  const headingEnd = line.kind === 'heading' ? line.start + line.text.split('\n')[0].length : line.end;
  return {
    title,
    canonical,
    level,
    form,
    headingSpan: { start: line.start, end: headingEnd },
    bodySpan: { start: headingEnd, end: headingEnd },
    bodyWords: 0,
    hasList: false,
  };
}

/**
 * A section's body runs to the next section at the same or a higher level. Headings that name no
 * known section are read as parts of the known section above them (an ALX "Improvements/Fixes"
 * under the corrective measures), so they do not end it.
 */
export function assignBodies(text: string, sections: Section[], structure: Structure): void {
  let lastLevel = 2;
  const levels = sections.map((section) => {
    if (section.form !== 'label-line') {
      if (section.canonical) lastLevel = section.level;
      return section.level;
    }
    return lastLevel;
  });
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    let end = text.length;
    for (let j = i + 1; j < sections.length; j++) {
      if (levels[j] <= levels[i] && (sections[j].canonical || !section.canonical)) {
        end = sections[j].headingSpan.start;
        break;
      }
    }
    section.bodySpan = { start: section.headingSpan.end, end };
    section.bodyWords = wordsIn(structure, section.bodySpan);
    section.hasList = hasStartIn(structure.listStarts, section.bodySpan);
  }
}

export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of sections) {
    if (section.headingSpan.start <= offset && offset < section.bodySpan.end && section.canonical) found = section;
  }
  return found;
}
