// Timeline lines -> timeline entries: the timestamp that leads each line, list item, heading or
// table row (behind bullets, emphasis, HTML tags, emoji, `~`, brackets or a short label), further
// entries run onto the same line, and times in the timeline's prose ("At 10:05 AM the engineer ...").
// Entries are dated and zoned from what the document says (context.ts), from a date line above,
// and rolled past midnight.
import type { CivilDate, Phase, Span, TimelineEntry, Timestamp } from '../model';
import { addDays, civilDateOf, findTimestamps, scanLeadingTimestamp, type ScannedTimestamp } from '../time';
import { phasesOf } from '../phases';
import type { TimelineDefaults } from './context';
import { nextDayOf, resolve, setInstant, toTimestamp, writtenDate } from './instants';
import type { SourceLine } from './lines';

/** An earlier clock time is read as the next day when that puts it less than this after the previous entry. */
export const ROLLOVER_LIMIT_MS = 12 * 3600_000;

/**
 * What may stand before an entry's time: blanks, quote markers, bullets (also `•` typed as text),
 * list numbers, task boxes, emphasis, code ticks, brackets, pipes, `~ ± ≈`, HTML tags, emoji, and
 * `at`/`around`/`approx.` before the time.
 */
const LEAD_MARKUP =
  /^(?:\s|>|[-*+\u2022\u00b7\u25aa\u25ba\u27a4\u2192](?=\s)|\d{1,3}[.)](?=\s)|\[[ xX]\](?=\s)|\*\*|__|[*_`[(|~\u00b1\u2248\u2022]|<[A-Za-z][^<>]{0,200}>|\p{Extended_Pictographic}|\uFE0F|\u200D|(?:at|around|about|approx\.?|approximately|roughly|by|~)(?=[ \t]+\d))*/iu;
const TRAIL_MARKUP = /^(?:\*\*|__|[*_`\])|]|\s|<\/[A-Za-z][^<>]{0,20}>)*/;
const SEPARATOR = /^(?:\s|[:\-\u2013\u2014|,>]|\*\*|__|=>|->)*/;
/** A short label before the time: `**Detection Time:** January 20, 2024, 2:00 PM`, `- *Detected:* at 11:00am`. */
const LABEL_PREFIX =
  /^(?:\s|>|[-*+\u2022](?=\s)|\d{1,3}[.)](?=\s))*(?:\*\*|__|\*|_)?[\p{L}][\p{L}\p{N} /&'-]{0,40}?(?:\*\*|__|\*|_)?[ \t]*:[ \t]*(?:\*\*|__|\*|_)?[ \t]*/u;
/** An entry that says a day has passed since the one before it. */
const NEXT_DAY = /\b(?:the[ \t]+)?(?:following|next)[ \t]+(?:day|morning|night)\b/i;
const WINDOW_LABEL = /^[^\p{L}]*(?:start|end|duration|date|outage duration)\b/iu;
/** Before a time in running prose: the words that make it the time of an event. */
const PROSE_TIME_LEAD =
  /(?:\b(?:at|by|around|about|approximately|approx\.?|roughly|until|till|since)[ \t]{1,3}(?:(?:about|around|approximately|roughly)[ \t]{1,3})?|[~@][ \t]{0,2})(?:\*\*|__|\*|_)?$/i;
/** Before a further entry on the same line: a bullet or dash typed inside the text (`... - 11:00 AM: ...`). */
const INLINE_ENTRY_LEAD = /(?:^|[ \t])(?:[-\u2013\u2014\u2022*;|]|\d{1,2}\.)[ \t]{1,3}(?:\*\*|__)?$/;
const INLINE_ENTRY_TAIL = /^(?:\*\*|__)?[ \t]{0,2}(?:[:\u2013\u2014]|-(?=\s))/;

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

/** A time found in a line, with the form of entry it makes. */
interface Candidate extends LeadingTimestamp {
  line: SourceLine;
  form: TimelineEntry['form'];
  /** The time follows a label (`Detection Time:`). */
  labelled?: boolean;
  /** The time was found inside a sentence, not leading its line. */
  prose?: boolean;
  /** A date written earlier in the time's sentence ("On 15 Mar 2020, around 9pm UTC ..."). */
  sentenceDate?: CivilDate;
}

/** The entry form of a line's leading timestamp. */
function formOf(line: SourceLine): TimelineEntry['form'] {
  if (line.indentedCode) return 'code';
  return line.kind === 'row' ? 'table-row' : line.kind === 'heading' ? 'heading' : line.kind === 'item' ? 'list-item' : 'line';
}

/** Every time a line holds as an entry: the leading one (behind a label, if need be) and those run on after it, or else its prose times. */
function candidatesOf(text: string, line: SourceLine): Candidate[] {
  // Every time has a digit: most lines are decided by this alone.
  if (!/\d/.test(line.text.length > 4000 ? line.text.slice(0, 4000) : line.text)) return [];
  if (line.kind === 'row') {
    if (line.headerRow) return [];
    const found = rowTimestamp(text, line);
    return found ? [{ ...found, line, form: 'table-row' }] : [];
  }
  // An entry's times are near its start: only the first few thousand characters of a line are read.
  const first = (line.kind === 'heading' ? line.text.split('\n')[0] : line.text).slice(0, 4000);
  const hashes = line.kind === 'heading' ? (/^\s{0,3}#{1,6}\s*/.exec(first)?.[0].length ?? 0) : 0;
  const body = first.slice(hashes);
  const base = line.start + hashes;
  let leading = leadingTimestamp(body, base);
  let labelled = false;
  if (!leading && line.kind !== 'heading') {
    // `**Detection Time:** January 20, 2024, 2:00 PM (UTC)`: a short label, then the time.
    const label = LABEL_PREFIX.exec(body);
    // `Start Time: ...` or `Duration: ...` in a timeline restates the window; it is not an event.
    if (label && label[0].length < body.length && !WINDOW_LABEL.test(label[0])) {
      const after = leadingTimestamp(body.slice(label[0].length), base + label[0].length);
      if (after && (after.scanned.time || after.scanned.error)) [leading, labelled] = [after, true];
    }
  }
  if (leading) {
    const found: Candidate[] = [{ ...leading, line, form: formOf(line), labelled }];
    if (!leading.scanned.time && !leading.scanned.error) return found;
    // `- 10:50 AM: ... - 11:00 AM: ...`: further entries typed onto the same line.
    const from = leading.start - line.start + leading.scanned.length;
    for (const stamp of findTimestamps(first.slice(from))) {
      if (!stamp.time) continue;
      const at = from + stamp.offset;
      // Bounded slices: a line of thousands of times must stay linear.
      const after = first.slice(at + stamp.length, at + stamp.length + 400);
      if (!INLINE_ENTRY_LEAD.test(first.slice(Math.max(0, at - 8), at)) || !INLINE_ENTRY_TAIL.test(after)) continue;
      const rest = after.replace(/^(?:\*\*|__)?[ \t]*[:\-\u2013\u2014][ \t]*/, '');
      found.push({ scanned: { ...stamp, offset: 0 }, start: line.start + at, rest: rest.trim(), line, form: formOf(line) });
    }
    // "At 10:05 AM the engineer ... We escalated at 10:20 AM.": a sentence that led with its time may hold more.
    if (/[A-Za-z]/.test(first.slice(hashes, leading.start - line.start)) && line.kind !== 'heading') {
      found.push(...proseTimes(first, line).filter((candidate) => candidate.start > leading!.start));
    }
    // The text of each entry ends where the next one starts.
    for (let k = 0; k + 1 < found.length; k++) {
      const cut = found[k + 1].start - line.start - 3;
      const own = first.slice(found[k].start - line.start + found[k].scanned.length, Math.max(cut, 0));
      found[k].rest = own
        .replace(/^(?:\*\*|__)?[ \t]*[:\-\u2013\u2014]?[ \t]*/, '')
        .replace(/[ \t]*[-\u2013\u2014\u2022*;|]?[ \t]*$/, '')
        .trim();
    }
    return found;
  }
  if (line.kind === 'heading') return [];
  // "At 10:05 AM the engineer restarted ...": times in the timeline's prose, each an event.
  return proseTimes(first, line);
}

/** The times in a line's sentences that the words before them make an event's ("escalated at 16:00"). */
function proseTimes(first: string, line: SourceLine): Candidate[] {
  const found: Candidate[] = [];
  // Emphasis blanked (offsets kept), so that `by __0400hrs__` is seen as a time.
  const stamps = findTimestamps(first.replace(/\*\*|__/g, '  '));
  let sentenceDate: { date: CivilDate; offset: number } | undefined;
  for (const stamp of stamps) {
    if (!stamp.time && stamp.date && !stamp.error) sentenceDate = { date: stamp.date, offset: stamp.offset };
    if (!stamp.time || !PROSE_TIME_LEAD.test(first.slice(Math.max(0, stamp.offset - 24), stamp.offset))) continue;
    // The sentence around the time, looked for within bounded slices (a huge line stays linear).
    const after = first.slice(stamp.offset + stamp.length, stamp.offset + stamp.length + 300);
    const sentenceEnd = after.search(/[.!?](?:\s|$)/);
    const rest = sentenceEnd < 0 ? after : after.slice(0, sentenceEnd);
    const before = first.slice(Math.max(0, stamp.offset - 300), stamp.offset);
    const sentenceStart = before.lastIndexOf('. ');
    const text = `${before.slice(sentenceStart < 0 ? 0 : sentenceStart + 2)}${rest}`.replace(/\s+/g, ' ').trim();
    found.push({
      scanned: { ...stamp, offset: 0 },
      start: line.start + stamp.offset,
      rest: text,
      line,
      form: line.kind === 'item' ? 'list-item' : 'prose',
      prose: true,
      // The date counts for the time when no sentence ends between them.
      ...(sentenceDate && !/[.!?]\s/.test(first.slice(sentenceDate.offset, stamp.offset)) && { sentenceDate: sentenceDate.date }),
    });
  }
  return found;
}

/**
 * The entries of a timeline whose body is `body`. Entries without a date take the last date written
 * (on an entry or a date line above), else the defaults'; without a zone, the zone most of the
 * timeline's entries carry, else the defaults'.
 */
export function readEntries(
  text: string,
  lines: SourceLine[],
  body: Span,
  defaults: TimelineDefaults,
  phasePatterns: [Phase, RegExp][],
  proseOnly = false,
  skip: Span[] = [],
): TimelineEntry[] {
  const candidates: Candidate[] = [];
  // "All times PST, on February 8th 2019": a date in the lines above the first entry dates the entries.
  let preambleDate: CivilDate | undefined;
  for (const line of lines) {
    if (line.start < body.start || line.start >= body.end) continue;
    if (skip.some((span) => span.start < line.end && line.start < span.end)) continue;
    // A document without a timeline section tells its events in prose: only prose times are events there.
    const found = proseOnly ? (line.kind === 'heading' || line.kind === 'row' ? [] : proseTimes(line.text.slice(0, 4000), line)) : candidatesOf(text, line);
    candidates.push(...found);
    if (!found.length && !candidates.length && !preambleDate && line.kind !== 'row') {
      preambleDate = findTimestamps(line.text.slice(0, 400)).find((stamp) => stamp.date && !stamp.time && !stamp.error)?.date;
    }
  }
  const defaultZone = defaults.declaredZone ?? dominantZone(candidates) ?? defaults.zone;

  const entries: TimelineEntry[] = [];
  let currentDate: CivilDate | undefined = preambleDate ?? defaults.date;
  let previous: Timestamp | undefined;
  for (const { scanned, start, rest, line, form, prose, sentenceDate } of candidates) {
    const timestamp = toTimestamp(scanned, start - scanned.offset);
    if (sentenceDate && !scanned.date) currentDate = sentenceDate;
    const written = writtenDate(timestamp, defaults.year);
    if (!scanned.time && !scanned.error) {
      // A date on its own line or heading sets the date of the entries below it.
      if (written) currentDate = written;
      continue;
    }
    if (written && !timestamp.date) timestamp.date = written;
    // "10:00 AM: The following day, ...": the entry says itself that a day has passed.
    const nextDay = !timestamp.date && previous?.instant && NEXT_DAY.test(rest) ? civilDateOf(previous.instant) : undefined;
    if (nextDay && !previous!.dateAssumed) currentDate = addDays(nextDay, 1);
    resolve(timestamp, timestamp.date ?? currentDate, defaultZone);
    if (timestamp.slipTime) chooseByNeighbour(timestamp, previous, timestamp.date ?? currentDate, defaultZone);
    let rolledOver = false;
    if (!timestamp.date && previous?.epochMs !== undefined && timestamp.epochMs !== undefined && timestamp.epochMs < previous.epochMs) {
      const later = nextDayOf(timestamp, defaultZone);
      if (later && later.toMillis() - previous.epochMs < ROLLOVER_LIMIT_MS) {
        setInstant(timestamp, later);
        rolledOver = true;
      }
    }
    if (nextDay && timestamp.instant) rolledOver = true;
    if (timestamp.epochMs !== undefined) {
      if ((timestamp.date || rolledOver) && !timestamp.dateAssumed) currentDate = civilDateOf(timestamp.instant!);
      previous = timestamp;
    }
    const phases = phasesOf(rest, phasePatterns);
    entries.push({
      span: { start: line.start, end: line.end },
      timestamp,
      text: rest,
      form,
      phase: phases[phases.length - 1],
      ...(phases.length > 1 && { phases }),
      rolledOver: rolledOver || undefined,
      ...(prose && { inProse: true }),
    });
  }
  return entries;
}

/**
 * `07:7:47` after 07:46: the reading as 07:47 when the literal one (07:07:47) would go back in time
 * and that one does not; the literal reading otherwise.
 */
function chooseByNeighbour(timestamp: Timestamp, previous: Timestamp | undefined, date: CivilDate | undefined, zone: string | undefined): void {
  if (previous?.epochMs === undefined || timestamp.epochMs === undefined || timestamp.epochMs >= previous.epochMs) return;
  const literal = { time: timestamp.time, instant: timestamp.instant, epochMs: timestamp.epochMs };
  timestamp.time = timestamp.slipTime;
  resolve(timestamp, date, zone);
  if (timestamp.epochMs === undefined || timestamp.epochMs < previous.epochMs) Object.assign(timestamp, literal);
}

/** The zone more than half of the zoned entries carry, when most entries carry one. */
function dominantZone(candidates: Candidate[]): string | undefined {
  const counts = new Map<string, number>();
  let timed = 0;
  for (const { scanned } of candidates) {
    if (!scanned.time) continue;
    timed++;
    if (scanned.zone) counts.set(scanned.zone, (counts.get(scanned.zone) ?? 0) + 1);
  }
  for (const [zone, count] of counts) if (count * 2 > timed) return zone;
  return undefined;
}

/**
 * The starts of the lines that begin with a timestamp (not behind a label, not in prose), and of
 * those that are headings: how a timeline without a recognised heading is found.
 */
export function timedLineStarts(text: string, lines: SourceLine[]): { lines: number[]; headings: number[] } {
  const starts = { lines: [] as number[], headings: [] as number[] };
  for (const line of lines) {
    const first = candidatesOf(text, line)[0];
    if (!first || first.prose || first.labelled || (!first.scanned.time && !first.scanned.error)) continue;
    starts.lines.push(line.start);
    if (line.kind === 'heading') starts.headings.push(line.start);
  }
  return starts;
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
