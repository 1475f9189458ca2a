// Timeline section lines -> timeline entries: the timestamp that leads each line, list item,
// heading or table row, dated from the window or a date line above and rolled past midnight.
import type { CivilDate, IncidentWindow, Phase, Section, TimelineEntry, Timestamp } from '../model';
import { civilDateOf, scanLeadingTimestamp, type ScannedTimestamp } from '../time';
import { phaseOf } from '../phases';
import { nextDayOf, resolve, setInstant, toTimestamp } from './instants';
import type { SourceLine } from './lines';

/** An earlier clock time is read as the next day when that puts it less than this after the previous entry. */
export const ROLLOVER_LIMIT_MS = 6 * 3600_000;

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

export function readEntries(
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
