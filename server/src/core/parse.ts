// Text -> PostmortemModel. Markdown structure comes from unified + remark-parse (with GFM tables
// and front matter); the walk below
// flattens it into source lines (paragraph lines, list items, table rows, headings), from which
// sections, summary fields and timeline entries are read. Code, HTML and front matter are never read.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { remarkTables } from './remark-tables';
import type { Nodes, Root } from 'mdast';
import type { DateTime } from 'luxon';
import type {
  CivilDate,
  Field,
  IncidentWindow,
  Phase,
  PostmortemModel,
  Section,
  Span,
  TimelineEntry,
  Timestamp,
} from './model';
import type { Profile } from './profiles/profile';
import { normaliseHeading, sectionIdOf } from './profiles/sections';
import { fieldIdOf } from './profiles/fields';
import {
  findLength,
  findTimestamps,
  findZoneDeclaration,
  parseWindowText,
  scanLeadingTimestamp,
  civilDateOf,
  nextDayWallTime,
  PLACEHOLDER_DATE,
  toDateTime,
  type ScannedTimestamp,
  type WindowText,
} from './time';

// Four processors, with and without tables and front matter: each extension costs parse time on
// every paragraph line (tables: +50% on a long document), so it is only used when it can apply.
interface MarkdownParser {
  parse(text: string): unknown;
}
const processors = new Map<string, MarkdownParser>();
function processorFor(tables: boolean, frontMatter: boolean): MarkdownParser {
  const key = `${tables}:${frontMatter}`;
  let processor = processors.get(key);
  if (!processor) {
    const built = unified().use(remarkParse);
    if (tables) built.use(remarkTables);
    if (frontMatter) built.use(remarkFrontmatter, ['yaml']);
    processors.set(key, (processor = built));
  }
  return processor;
}

const CLOSED_FRONT_MATTER = /^---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/;
/** A line that could be a table's delimiter row: only `|`, `-`, `:` and blanks, with a pipe and a hyphen. */
const DELIMITER_ROW = /^[ \t]*[|:-][-:| \t\r]*$/gm;

function mayHaveTable(text: string): boolean {
  DELIMITER_ROW.lastIndex = 0;
  for (let match = DELIMITER_ROW.exec(text); match; match = DELIMITER_ROW.exec(text)) {
    if (match[0].includes('|') && match[0].includes('-')) return true;
  }
  return false;
}

export function parseMarkdown(text: string): Root {
  // The front matter extension, given a `---` it cannot close, stops lists being recognised for
  // the rest of the document (micromark-extension-frontmatter#5): use it only when it closes.
  const frontMatter = text.startsWith('---') && CLOSED_FRONT_MATTER.test(text.slice(0, 20_000));
  return processorFor(mayHaveTable(text), frontMatter).parse(text) as Root;
}

/** An earlier clock time is read as the next day when that puts it less than this after the previous entry. */
export const ROLLOVER_LIMIT_MS = 6 * 3600_000;

type LineKind = 'para' | 'item' | 'heading' | 'row';

/** One line of prose as written, with where it sits. */
interface SourceLine {
  kind: LineKind;
  start: number;
  end: number;
  text: string;
  /** Inside a list item (continuation line or nested paragraph). */
  inList: boolean;
  /** Heading depth for `heading`. */
  depth?: number;
  /** Table cells for `row`: offsets of each cell's content. */
  cells?: Span[];
  /** Header row of a table. */
  headerRow?: boolean;
}

interface Structure {
  lines: SourceLine[];
  /** Start offsets of lists and tables, sorted. */
  listStarts: number[];
  wordCount: number;
  /** Start offset of every prose text node, in order, and the words before and in it (prefix sums). */
  textStarts: number[];
  wordsThrough: number[];
  frontMatter?: Record<string, string>;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for a letter or digit; ASCII is decided without a regular expression (this runs on every character). */
function isWordChar(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(text[index]);
}

/** Words: runs that start with a letter or digit (`don't`, `re-run` and `v1.2` are one word each). */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWordChar(code, text, i)) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && (code === 39 || code === 0x2019 || code === 45 || code === 46) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1), text, i + 1))) {
      inWord = false;
    }
  }
  return count;
}

function pushLinesOf(text: string, start: number, end: number, kind: LineKind, inList: boolean, out: SourceLine[]): void {
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 10) {
      let lineEnd = i;
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      out.push({ kind, start: lineStart, end: lineEnd, text: text.slice(lineStart, lineEnd), inList });
      kind = 'para';
      lineStart = i + 1;
    }
  }
}

function readStructure(text: string, root: Root): Structure {
  const lines: SourceLine[] = [];
  const listStarts: number[] = [];
  const textStarts: number[] = [];
  const wordsThrough: number[] = [];
  let wordCount = 0;
  let frontMatter: Record<string, string> | undefined;

  // An explicit stack, not recursion: 5,000 nested quotes or list items must not overflow it.
  const stack: { node: Nodes; inList: boolean; firstOfItem: boolean }[] = [{ node: root, inList: false, firstOfItem: false }];
  const pushChildren = (children: Nodes[], inList: boolean, firstOfItem: (index: number) => boolean) => {
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], inList, firstOfItem: firstOfItem(index) });
  };
  while (stack.length) {
    const { node, inList, firstOfItem } = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'yaml':
        frontMatter = readFrontMatter(node.value);
        continue;
      case 'code':
      case 'html':
      case 'inlineCode':
        continue;
      case 'text':
        wordCount += countWords(node.value);
        if (start !== undefined) {
          textStarts.push(start);
          wordsThrough.push(wordCount);
        }
        continue;
      case 'heading':
        if (start !== undefined && end !== undefined) {
          lines.push({ kind: 'heading', start, end, text: text.slice(start, end), inList, depth: node.depth });
        }
        break;
      case 'paragraph':
        if (start !== undefined && end !== undefined) {
          pushLinesOf(text, start, end, firstOfItem ? 'item' : 'para', inList, lines);
        }
        break;
      case 'list':
        if (start !== undefined) listStarts.push(start);
        for (let i = node.children.length - 1; i >= 0; i--) pushChildren(node.children[i].children, true, (index) => index === 0);
        continue;
      case 'table':
        if (start !== undefined) listStarts.push(start);
        node.children.forEach((row, index) => {
          const rowStart = row.position?.start.offset;
          const rowEnd = row.position?.end.offset;
          if (rowStart === undefined || rowEnd === undefined) return;
          const cells: Span[] = [];
          for (const cell of row.children) {
            const cellStart = cell.position?.start.offset;
            const cellEnd = cell.position?.end.offset;
            if (cellStart !== undefined && cellEnd !== undefined) cells.push({ start: cellStart, end: cellEnd });
          }
          lines.push({ kind: 'row', start: rowStart, end: rowEnd, text: text.slice(rowStart, rowEnd), inList, cells, headerRow: index === 0 });
        });
        break;
    }
    if ('children' in node) pushChildren(node.children as Nodes[], inList, () => false);
  }
  lines.sort((a, b) => a.start - b.start);
  listStarts.sort((a, b) => a - b);
  return { lines, listStarts, wordCount, textStarts, wordsThrough, frontMatter };
}

/** Flat `key: value` pairs of YAML front matter; enough to find a title or a date. */
function readFrontMatter(yaml: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (match) result[match[1].toLowerCase()] = match[2].replace(/^["']|["']$/g, '').trim();
  }
  return result;
}

// ---- headings and section labels -------------------------------------------------------------

/** Heading text without hashes, emphasis wrappers, a trailing colon or closing hashes. */
function cleanHeadingText(raw: string): string {
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
function noSpaceHeading(line: SourceLine, extra: Map<string, string>): { level: number; title: string; canonical?: string } | undefined {
  if (line.kind !== 'para' && line.kind !== 'item') return undefined;
  if (line.inList) return undefined;
  const match = NO_SPACE_HEADING.exec(line.text);
  if (!match) return undefined;
  const title = cleanHeadingText(match[2]);
  if (!/^[\p{L}*_]/u.test(match[2]) || !title) return undefined;
  const canonical = sectionIdOf(title, extra);
  // A lone `#word` is more likely a hashtag than a title; keep it unless it names a section.
  if (match[1].length === 1 && !canonical && !/\s/.test(title)) return undefined;
  return { level: match[1].length, title, canonical };
}

/** A paragraph line that is nothing but a section name (`**Timeline:**`, `Corrective and Preventative Measures:`). */
function labelLine(line: SourceLine, extra: Map<string, string>): { title: string; canonical: string } | undefined {
  if (line.kind !== 'para' && line.kind !== 'item') return undefined;
  if (line.inList || line.text.length > 80) return undefined;
  const title = cleanHeadingText(line.text.trim());
  if (!title || title.length > 60) return undefined;
  const canonical = sectionIdOf(title, extra);
  return canonical ? { title, canonical } : undefined;
}

// ---- fields --------------------------------------------------------------------------------

/** The label part of a field line, up to its colon: `- **Root Cause:**` or `**Impact**:`. */
const FIELD_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(\p{L}[\p{L} ]{0,30}?)\s*(?:\*\*|__)?\s*:$/u;

function fieldOf(line: SourceLine): Omit<Field, 'section'> | undefined {
  if (line.kind !== 'para' && line.kind !== 'item') return undefined;
  // Labels are short: looking only up to an early colon keeps the match bounded on any line.
  const colon = line.text.indexOf(':');
  if (colon < 0 || colon > 60) return undefined;
  const match = FIELD_LABEL.exec(line.text.slice(0, colon + 1));
  if (!match) return undefined;
  const id = fieldIdOf(match[1]);
  if (!id) return undefined;
  let valueStart = colon + 1;
  if (line.text.startsWith('**', valueStart) || line.text.startsWith('__', valueStart)) valueStart += 2;
  while (line.text[valueStart] === ' ' || line.text[valueStart] === '\t') valueStart++;
  const value = line.text.slice(valueStart).trimEnd();
  return {
    id,
    label: match[1].trim(),
    value,
    span: { start: line.start, end: line.end },
    valueSpan: { start: line.start + valueStart, end: line.start + valueStart + value.length },
  };
}

// ---- timestamps in lines -------------------------------------------------------------------

const LEAD_MARKUP = /^(?:\s|>|[-*+](?=\s)|\d{1,3}[.)](?=\s)|\[[ xX]\](?=\s)|\*\*|__|[*_`[(|])*/;
const TRAIL_MARKUP = /^(?:\*\*|__|[*_`\])|]|\s)*/;
const SEPARATOR = /^(?:\s|[:\-–—|,>]|\*\*|__)*/;

/** Trimmed, without a table row's closing pipe; no regular expression, so no backtracking on long blanks. */
function withoutClosingPipe(text: string): string {
  const trimmed = text.trim();
  return trimmed.endsWith('|') ? trimmed.slice(0, -1).trim() : trimmed;
}

interface LeadingTimestamp {
  scanned: ScannedTimestamp;
  /** Offset in the document where the timestamp starts. */
  start: number;
  /** The text after the timestamp and its separator. */
  rest: string;
}

function leadingTimestamp(text: string, base: number): LeadingTimestamp | undefined {
  const lead = LEAD_MARKUP.exec(text)?.[0].length ?? 0;
  const scanned = scanLeadingTimestamp(text.slice(lead));
  if (!scanned) return undefined;
  let restStart = lead + scanned.offset + scanned.length;
  restStart += TRAIL_MARKUP.exec(text.slice(restStart))?.[0].length ?? 0;
  restStart += SEPARATOR.exec(text.slice(restStart))?.[0].length ?? 0;
  return { scanned, start: base + lead + scanned.offset, rest: withoutClosingPipe(text.slice(restStart)) };
}

const PHASES: [Phase, RegExp][] = [
  ['resolved', /\b(resolved|restored|recovered|fully operational|back to normal|back online|closed|all clear)\b/i],
  ['mitigated', /\b(mitigat\w*|rolled back|rollback|roll back|reverted|workaround|hotfix|stabili[sz]ed)\b/i],
  ['escalated', /\b(escalat\w*|paged|page sent|on-?call (?:was )?(?:engineer )?(?:notified|alerted))\b/i],
  ['acknowledged', /\b(acknowledg\w*|ack'?d|investigation (?:started|began|initiated))\b/i],
  ['detected', /\b(detected|alert(?:s|ed)?\b.*\b(?:fired|triggered|received)|noticed|identified an? (?:issue|problem|outage)|first report\w*|reported by)\b/i],
  ['started', /\b(outage (?:began|started)|incident (?:began|started)|deploy(?:ed|ment) (?:started|began)|began|started)\b/i],
];

/** Extra words per phase, from settings: `{ "mitigated": ["failed over"] }`. */
export type PhaseWords = Partial<Record<Phase, string[]>>;

const PHASE_ORDER = PHASES.map(([phase]) => phase);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The built-in patterns, each widened by the configured words (matched as whole words, any case). */
function phasePatterns(extra: PhaseWords | undefined): [Phase, RegExp][] {
  if (!extra) return PHASES;
  return PHASES.map(([phase, pattern]) => {
    const words = (extra[phase] ?? []).map((word) => word.trim()).filter(Boolean);
    if (!words.length) return [phase, pattern];
    return [phase, new RegExp(`${pattern.source}|\\b(?:${words.map(escapeRegExp).join('|')})\\b`, 'i')];
  });
}

export function phaseOf(text: string, patterns: [Phase, RegExp][] = PHASES): Phase | undefined {
  for (const [phase, pattern] of patterns) if (pattern.test(text)) return phase;
  return undefined;
}

export const PHASE_NAMES: readonly Phase[] = PHASE_ORDER;

// ---- the model -----------------------------------------------------------------------------

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

  const sections: Section[] = [];
  const rawFields: Omit<Field, 'section'>[] = [];
  let title: string | undefined;
  for (const line of structure.lines) {
    if (line.kind === 'heading') {
      const heading = cleanHeadingText(line.text.split('\n')[0]);
      const canonical = sectionIdOf(heading, extra);
      if (!canonical && line.depth === 1 && title === undefined) title = heading;
      sections.push(newSection(heading, canonical, line.depth ?? 1, 'heading', line));
      continue;
    }
    const malformed = noSpaceHeading(line, extra);
    if (malformed) {
      sections.push(newSection(malformed.title, malformed.canonical, malformed.level, 'heading-no-space', line));
      continue;
    }
    const field = fieldOf(line);
    const label = labelLine(line, extra);
    if (label && !(field && profile.requiredFields.includes(field.id) && !profile.sections.some((s) => s.id === label.canonical))) {
      sections.push(newSection(label.title, label.canonical, 0, 'label-line', line));
      continue;
    }
    if (field) rawFields.push(field);
  }
  if (title === undefined && structure.frontMatter?.title) title = structure.frontMatter.title;
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

function newSection(title: string, canonical: string | undefined, level: number, form: Section['form'], line: SourceLine): Section {
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
function assignBodies(text: string, sections: Section[], structure: Structure): void {
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

/** Words of the prose text nodes that start inside a span (code, HTML and URLs are not prose). */
function wordsIn(structure: Structure, span: Span): number {
  const before = firstAtOrAfter(structure.textStarts, span.start);
  const through = firstAtOrAfter(structure.textStarts, span.end);
  const wordsBefore = before > 0 ? structure.wordsThrough[before - 1] : 0;
  const wordsThrough = through > 0 ? structure.wordsThrough[through - 1] : 0;
  return wordsThrough - wordsBefore;
}

/** Index of the first value >= `target` in a sorted array (its length when none is). */
function firstAtOrAfter(sorted: number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

function hasStartIn(sorted: number[], span: Span): boolean {
  const index = firstAtOrAfter(sorted, span.start);
  return index < sorted.length && sorted[index] < span.end;
}

export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of sections) {
    if (section.headingSpan.start <= offset && offset < section.bodySpan.end && section.canonical) found = section;
  }
  return found;
}

// ---- the incident window -------------------------------------------------------------------

function toTimestamp(scanned: ScannedTimestamp, base: number): Timestamp {
  return {
    raw: scanned.raw,
    span: { start: base + scanned.offset, end: base + scanned.offset + scanned.length },
    date: scanned.date,
    time: scanned.time,
    zoneText: scanned.zoneText,
    zone: scanned.zone,
    error: scanned.error,
  };
}

/** Fills instant, epochMs and the assumed flags from date and zone defaults. */
function resolve(timestamp: Timestamp, date: CivilDate | undefined, zone: string | undefined): void {
  if (timestamp.error || !timestamp.time) return;
  const day = timestamp.date ?? date;
  const effectiveZone = timestamp.zone ?? zone;
  const dateTime = toDateTime(day ?? PLACEHOLDER_DATE, timestamp.time, effectiveZone ?? 'UTC');
  if (!dateTime) return;
  setInstant(timestamp, dateTime);
  if (!day) timestamp.dateAssumed = true;
  if (!effectiveZone) timestamp.zoneAssumed = true;
}

function setInstant(timestamp: Timestamp, dateTime: DateTime): void {
  timestamp.instant = dateTime.toISO() ?? undefined;
  timestamp.epochMs = dateTime.toMillis();
}

/**
 * The resolved timestamp's wall time on the next day (the time module's rule, so a daylight-saving
 * change overnight counts), or undefined when it has no instant.
 */
function nextDayOf(timestamp: Timestamp, zone: string | undefined): DateTime | undefined {
  const date = timestamp.instant === undefined ? undefined : civilDateOf(timestamp.instant);
  if (!date || !timestamp.time) return undefined;
  return nextDayWallTime(date, timestamp.time, timestamp.zone ?? zone ?? 'UTC')?.dateTime;
}

function dateFromText(value: string | undefined): CivilDate | undefined {
  if (!value) return undefined;
  const scanned = scanLeadingTimestamp(value);
  return scanned && !scanned.error ? scanned.date : undefined;
}

function readWindow(fields: Field[], frontMatter: Record<string, string> | undefined): IncidentWindow | undefined {
  const duration = fields.find((field) => field.id === 'duration' && field.value.trim());
  const startField = fields.find((field) => field.id === 'start' && field.value.trim());
  const endField = fields.find((field) => field.id === 'end' && field.value.trim());
  const dateField = fields.find((field) => field.id === 'date');
  const fallbackDate = dateFromText(dateField?.value) ?? dateFromText(frontMatter?.date);

  let window: IncidentWindow | undefined;
  if (duration) {
    // Emphasis inside the value (`**10:00 am GMT** on **3rd June**`) is blanked, keeping offsets.
    const parsed = readWindowValue(duration.value.replace(/\*\*|__/g, '  '));
    const base = duration.valueSpan.start;
    window = {
      source: 'duration',
      span: duration.span,
      start: parsed.start && toTimestamp(parsed.start, base),
      end: parsed.end && toTimestamp(parsed.end, base),
      zone: parsed.zone,
      statedMinutes: parsed.statedMinutes,
      statedSpan:
        parsed.statedOffset !== undefined && parsed.statedLength !== undefined
          ? { start: base + parsed.statedOffset, end: base + parsed.statedOffset + parsed.statedLength }
          : undefined,
      error: parsed.error,
    };
    if (!window.start && !window.end && !window.statedMinutes && !window.error && !(startField && endField)) {
      window.error = `The duration "${duration.value.trim()}" gives no start and end time and no length.`;
    }
    if (window.start || window.error) return finishWindow(window, fallbackDate);
  }
  if (startField || endField) {
    const start = startField && scanLeadingTimestamp(startField.value);
    const end = endField && scanLeadingTimestamp(endField.value);
    window = {
      ...(window ?? {}),
      source: 'start/end',
      span: spanOver([startField, endField]),
      start: start ? toTimestamp(start, startField!.valueSpan.start) : window?.start,
      end: end ? toTimestamp(end, endField!.valueSpan.start) : window?.end,
      zone: window?.zone,
    };
    return finishWindow(window, fallbackDate);
  }
  return window && finishWindow(window, fallbackDate);
}

/**
 * The window as the time module reads it; failing that, prose with one start time, a date and a
 * length ("Started at 10:00 GMT on 3 June 2023, lasting 37 minutes") still gives a start and a length.
 */
function readWindowValue(value: string): WindowText {
  const parsed = parseWindowText(value);
  if (!parsed.error || parsed.end) return parsed;
  const stamps = findTimestamps(value);
  const timed = stamps.filter((stamp) => stamp.time && !stamp.error);
  if (timed.length !== 1 || stamps.some((stamp) => stamp.error)) return parsed;
  const date = stamps.find((stamp) => stamp.date && !stamp.time)?.date;
  const stated = findLength(value, stamps);
  const start = { ...timed[0], date: timed[0].date ?? date };
  return { start, zone: start.zone, zoneText: start.zoneText, statedMinutes: stated?.minutes, statedOffset: stated?.offset, statedLength: stated?.length };
}

/** The smallest span covering the fields given (Start may come after End). */
function spanOver(fields: (Field | undefined)[]): Span {
  const present = fields.filter((field): field is Field => Boolean(field));
  return { start: Math.min(...present.map((f) => f.span.start)), end: Math.max(...present.map((f) => f.span.end)) };
}

function finishWindow(window: IncidentWindow, fallbackDate: CivilDate | undefined): IncidentWindow {
  const { start, end } = window;
  if (start?.error && !window.error) window.error = start.error;
  if (end?.error && !window.error) window.error = end.error;
  const zone = window.zone ?? start?.zone ?? end?.zone;
  window.zone = zone;
  if (start) resolve(start, start.date ?? end?.date ?? fallbackDate, zone);
  if (end) {
    resolve(end, end.date ?? start?.date ?? fallbackDate, zone);
    // `10:00 PM - 01:30 AM`: an end clock before the start with no date of its own is the next day.
    const endDateWritten = Boolean(scanLeadingTimestamp(end.raw)?.date);
    if (start?.epochMs !== undefined && end.epochMs !== undefined && end.epochMs < start.epochMs && !endDateWritten) {
      const nextDay = nextDayOf(end, zone);
      if (nextDay) setInstant(end, nextDay);
    }
  }
  return window;
}

// ---- timeline entries ----------------------------------------------------------------------

function readEntries(
  text: string,
  lines: SourceLine[],
  timeline: Section,
  declaredZone: string | undefined,
  window: IncidentWindow | undefined,
  phasePatterns: [Phase, RegExp][],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const windowStart = window?.start;
  let currentDate: CivilDate | undefined =
    windowStart && !windowStart.dateAssumed && windowStart.instant ? civilDateOf(windowStart.instant) : undefined;
  const defaultZone = declaredZone ?? window?.zone;
  let previous: Timestamp | undefined;

  for (const line of lines) {
    if (line.start < timeline.bodySpan.start || line.start >= timeline.bodySpan.end) continue;
    if (line.kind === 'row' && line.headerRow) continue;
    const candidate = line.kind === 'row' ? rowTimestamp(text, line) : lineTimestamp(line);
    if (!candidate) continue;
    const { scanned, start, rest } = candidate;
    const timestamp = toTimestamp(scanned, start - scanned.offset);
    if (!scanned.time && !scanned.error) {
      // A date on its own line or heading sets the date of the entries below it.
      if (scanned.date) currentDate = scanned.date;
      continue;
    }
    resolve(timestamp, timestamp.date ?? currentDate, defaultZone);
    let rolledOver = false;
    if (!timestamp.date && previous?.epochMs !== undefined && timestamp.epochMs !== undefined && timestamp.epochMs < previous.epochMs) {
      const nextDay = nextDayOf(timestamp, defaultZone);
      if (nextDay && nextDay.toMillis() - previous.epochMs < ROLLOVER_LIMIT_MS) {
        setInstant(timestamp, nextDay);
        rolledOver = true;
      }
    }
    if (timestamp.epochMs !== undefined) {
      if ((timestamp.date || rolledOver) && !timestamp.dateAssumed) currentDate = civilDateOf(timestamp.instant!);
      previous = timestamp;
    }
    entries.push({
      span: { start: line.start, end: line.end },
      timestamp,
      text: rest,
      form: line.kind === 'row' ? 'table-row' : line.kind === 'heading' ? 'heading' : line.kind === 'item' ? 'list-item' : 'line',
      phase: phaseOf(rest, phasePatterns),
      rolledOver: rolledOver || undefined,
    });
  }
  return entries;
}

function lineTimestamp(line: SourceLine): LeadingTimestamp | undefined {
  const first = line.kind === 'heading' ? line.text.split('\n')[0] : line.text;
  if (line.kind === 'heading') {
    const hashes = /^\s{0,3}#{1,6}\s*/.exec(first)?.[0].length ?? 0;
    return leadingTimestamp(first.slice(hashes), line.start + hashes);
  }
  return leadingTimestamp(first, line.start);
}

/** The first cell that starts with a timestamp; a date cell followed by a time cell counts as one. */
function rowTimestamp(text: string, line: SourceLine): LeadingTimestamp | undefined {
  const cells = line.cells ?? [];
  for (let i = 0; i < Math.min(cells.length, 3); i++) {
    const cell = cells[i];
    const cellText = text.slice(cell.start, cell.end);
    const found = leadingTimestamp(cellText, cell.start);
    if (!found) continue;
    if (found.scanned.time || found.scanned.error || i + 1 >= cells.length) {
      const restCells = cells.slice(i + 1).map((span) => withoutClosingPipe(text.slice(span.start, span.end).replace(/^\|/, '')));
      return { ...found, rest: [found.rest, ...restCells].filter(Boolean).join(' · ') };
    }
  }
  return undefined;
}
