// The length between two timestamps written as text (`09:00 PST`, `2024-03-10 01:30`, `1:00 PM`),
// each in its own zone or a default one, across midnight, dates and daylight-saving changes.
// The calculator command and the selection arithmetic both come here; luxon does all the time math.
import type { DateTime } from 'luxon';
import type { CivilDate, ClockTime } from '../model';
import {
  formatCivilDate,
  formatLength,
  nextDayWallTime,
  PLACEHOLDER_DATE,
  resolveWallTime,
  resolveZone,
  scanLeadingTimestamp,
  type ScannedTimestamp,
  type WallInstant,
} from '../time';

const MIDNIGHT: ClockTime = { hour: 0, minute: 0, second: 0, clock: '24h' };
const EXAMPLES = 'for example 09:00, 1:30 PM, 2024-04-10 09:00 UTC or April 10, 2024 9:00 AM EAT';

export interface LengthDefaults {
  /** luxon zone for ends written without one (`UTC` when absent). */
  zone?: string;
  /** Date for ends written without one (the end falls back to the start's date first). */
  date?: CivilDate;
}

/** One end as read: what was written, and the instant it names. */
export interface ResolvedEnd {
  raw: string;
  /** ISO 8601 in the end's own zone. */
  instant: string;
  /** ISO 8601 in UTC. */
  utc: string;
  epochMs: number;
  zone: string;
  /** No zone written: the default (or UTC) was used. */
  zoneAssumed: boolean;
  /** No date written or given: a placeholder date was used, so only the clock times count. */
  dateAssumed: boolean;
}

export type LengthPart = 'start' | 'end' | 'zone' | 'date' | 'selection';

export type LengthResult =
  | {
      ok: true;
      minutes: number;
      /** `formatLength(minutes)`: the one way lengths are shown. */
      text: string;
      start: ResolvedEnd;
      end: ResolvedEnd;
      /** Things the reader should know: a rolled-over midnight, a skipped or repeated wall time. */
      notes: string[];
    }
  | {
      ok: false;
      /** Which input is wrong, so a form can put the message next to it. */
      part: LengthPart;
      error: string;
      /** The start, when it could be read (lets a form confirm it while the end is being typed). */
      start?: ResolvedEnd;
    };

type Failure = Extract<LengthResult, { ok: false }>;

function fail(part: LengthPart, error: string, start?: ResolvedEnd): Failure {
  return start ? { ok: false, part, error, start } : { ok: false, part, error };
}

/** Reads one end: the whole text must be one timestamp. */
function scanEnd(text: unknown, part: 'start' | 'end'): ScannedTimestamp | Failure {
  if (typeof text !== 'string' || !text.trim()) return fail(part, `Enter the ${part} time (${EXAMPLES}).`);
  const trimmed = text.trim();
  const scanned = scanLeadingTimestamp(trimmed);
  if (!scanned) return fail(part, `"${clip(trimmed)}" is not a time (${EXAMPLES}).`);
  if (scanned.error) return fail(part, `The ${part} is wrong: ${scanned.error}.`);
  const rest = trimmed.slice(scanned.offset + scanned.length).trim();
  if (rest) return fail(part, `Unexpected "${clip(rest)}" after the ${part} time ${scanned.raw}.`);
  return scanned;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as Failure).ok === false;
}

function wallTime(time: ClockTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/**
 * The instant of a wall time the time module resolved, plus a note when it falls in a DST gap
 * (skipped: moved forward) or overlap (happens twice: the first is taken).
 */
function noted(scanned: ScannedTimestamp, wall: WallInstant | undefined, zone: string, notes: string[]): DateTime | undefined {
  if (!wall) return undefined;
  const { dateTime, date, time } = wall;
  if (wall.skipped) {
    notes.push(
      `${scanned.raw}: ${wallTime(time)} does not exist on ${formatCivilDate(date)} in ${zone} (the clocks jumped forward); read as ${dateTime.toFormat('HH:mm ZZZZ')}.`,
    );
  } else if (wall.repeated) {
    notes.push(
      `${scanned.raw}: ${wallTime(time)} happens twice on ${formatCivilDate(date)} in ${zone} (the clocks went back); read as the first, ${dateTime.toFormat('HH:mm ZZZZ')}.`,
    );
  }
  return dateTime;
}

function toInstant(scanned: ScannedTimestamp, date: CivilDate, zone: string, notes: string[]): DateTime | undefined {
  return noted(scanned, resolveWallTime(date, scanned.time ?? MIDNIGHT, zone), zone, notes);
}

function resolvedEnd(raw: string, dateTime: DateTime, zone: string, zoneAssumed: boolean, dateAssumed: boolean): ResolvedEnd {
  return {
    raw,
    instant: dateTime.toISO() ?? '',
    utc: dateTime.toUTC().toISO() ?? '',
    epochMs: dateTime.toMillis(),
    zone,
    zoneAssumed,
    dateAssumed,
  };
}

/**
 * The length from `startText` to `endText`.
 *
 * - A zone written on an end is that end's; otherwise `defaults.zone`, otherwise UTC.
 * - A date written on an end is that end's; an end without one takes the start's date, then
 *   `defaults.date`; with none anywhere, a placeholder date stands in (and `dateAssumed` says so).
 * - An end without a date of its own whose clock time comes before the start's is read as the next
 *   day (`23:50` to `00:20` is 30 minutes).
 * - An end before the start otherwise is an error that says by how much.
 */
export function lengthBetween(startText: string, endText: string, defaults: LengthDefaults = {}): LengthResult {
  const defaultZone = defaults.zone ?? 'UTC';
  const start = scanEnd(startText, 'start');
  if (isFailure(start)) return start;
  const end = scanEnd(endText, 'end');
  const notes: string[] = [];
  // A start without a date takes the default date, or else the end's (`09:00` to `2024-04-10 13:00`).
  const startDate = start.date ?? defaults.date ?? (isFailure(end) ? undefined : end.date);
  const startZone = start.zone ?? defaultZone;
  const startTime = toInstant(start, startDate ?? PLACEHOLDER_DATE, startZone, notes);
  if (!startTime) return fail('start', `${start.raw} cannot be read in the zone ${startZone}.`);
  const startEnd = resolvedEnd(start.raw, startTime, startZone, !start.zone && !defaults.zone, !startDate);
  if (isFailure(end)) return { ...end, start: startEnd };

  // An end without a date is on the start's civil date, as people write windows (`09:00 - 13:00`).
  const endZone = end.zone ?? defaultZone;
  const endDate = end.date ?? startDate;
  let endNotes: string[] = [];
  let endTime = toInstant(end, endDate ?? PLACEHOLDER_DATE, endZone, endNotes);
  if (!endTime) return fail('end', `${end.raw} cannot be read in the zone ${endZone}.`, startEnd);
  if (!end.date && endTime.toMillis() < startTime.toMillis()) {
    // `23:50 - 00:20`: the end is on the next day, read as the same wall time there.
    const rolledNotes = [`${end.raw} is earlier in the day than ${start.raw}, so it is read as the next day.`];
    const rolled = noted(end, nextDayWallTime(endDate ?? PLACEHOLDER_DATE, end.time ?? MIDNIGHT, endZone), endZone, rolledNotes);
    if (rolled) [endTime, endNotes] = [rolled, rolledNotes];
  }
  notes.push(...endNotes);
  const endEnd = resolvedEnd(end.raw, endTime, endZone, !end.zone && !defaults.zone, !endDate);
  const minutes = (endTime.toMillis() - startTime.toMillis()) / 60_000;
  if (minutes < 0) {
    return fail('end', `The end (${end.raw}) is ${formatLength(-minutes)} before the start (${start.raw}).`, startEnd);
  }
  return { ok: true, minutes, text: formatLength(minutes), start: startEnd, end: endEnd, notes };
}

/**
 * Zone and date defaults as a user or a document writes them (`EAT`, `Europe/Paris`,
 * `2024-03-10`, `March 10, 2024`), or the reason they cannot be used.
 */
export function readDefaults(zoneText?: string, dateText?: string): LengthDefaults | Failure {
  const defaults: LengthDefaults = {};
  if (zoneText !== undefined && zoneText.trim()) {
    const zone = resolveZone(zoneText);
    if (!zone) return fail('zone', `"${clip(zoneText.trim())}" is not a time zone (for example UTC, EAT, +03:00 or Europe/Paris).`);
    defaults.zone = zone;
  }
  if (dateText !== undefined && dateText.trim()) {
    const scanned = scanLeadingTimestamp(dateText.trim());
    if (!scanned?.date || scanned.error || scanned.time) {
      return fail(
        'date',
        scanned?.error
          ? `The default date is wrong: ${scanned.error}.`
          : `"${clip(dateText.trim())}" is not a date (for example 2024-04-10 or April 10, 2024).`,
      );
    }
    defaults.date = scanned.date;
  }
  return defaults;
}

export function isLengthFailure(value: LengthDefaults | LengthResult): value is Failure {
  return isFailure(value);
}
