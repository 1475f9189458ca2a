// Wall times (a civil date, a clock time, a zone) -> instants. The one place that decides what a
// wall time means on a daylight-saving day, so the window, the timeline and the calculator agree:
// - a wall time the clocks skipped (02:30 in New York on 2024-03-10) is moved forward by the gap
//   (read as 03:30 EDT), as luxon does;
// - a wall time that happens twice (01:30 in New York on 2024-11-03) is the first of the two
//   (01:30 EDT), as RFC 5545 and Temporal's "compatible" disambiguation do (luxon alone takes the later);
// - "the next day" of a wall time is the same wall time on the next civil date, resolved afresh:
//   `23:30 - 03:30` across the spring-forward night is 3 h, whatever the offset was at 23:30.
import { DateTime } from 'luxon';
import type { CivilDate, ClockTime } from '../model';

/** Stands in for the date when none is written or given: a winter day, far from any DST change. */
export const PLACEHOLDER_DATE: CivilDate = { year: 2000, month: 1, day: 3 };

export interface WallInstant {
  dateTime: DateTime;
  /** The civil date and clock time that were asked for. */
  date: CivilDate;
  time: ClockTime;
  /** The clocks jumped over this wall time: it was moved forward. */
  skipped: boolean;
  /** The clocks went back over this wall time: the first of its two instants was taken. */
  repeated: boolean;
}

/** The instant a wall time names in `zone` (rules above), or undefined for an impossible date or unknown zone. */
export function resolveWallTime(date: CivilDate, time: ClockTime, zone: string): WallInstant | undefined {
  let dateTime: DateTime;
  try {
    dateTime = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute, second: time.second }, { zone });
  } catch {
    return undefined;
  }
  if (!dateTime.isValid) return undefined;
  const skipped = dateTime.hour !== time.hour || dateTime.minute !== time.minute;
  const offsets = skipped ? [dateTime] : dateTime.getPossibleOffsets();
  const repeated = offsets.length > 1;
  if (repeated) dateTime = offsets.reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a));
  return { dateTime, date, time, skipped, repeated };
}

/** `resolveWallTime(...).dateTime`. */
export function toDateTime(date: CivilDate, time: ClockTime, zone: string): DateTime | undefined {
  return resolveWallTime(date, time, zone)?.dateTime;
}

/** The civil date `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: CivilDate, days: number): CivilDate {
  const next = DateTime.fromObject(date, { zone: 'UTC' }).plus({ days });
  return { year: next.year, month: next.month, day: next.day };
}

/** The same wall time on the civil day after `date`: how an end or entry that crossed midnight is read. */
export function nextDayWallTime(date: CivilDate, time: ClockTime, zone: string): WallInstant | undefined {
  return resolveWallTime(addDays(date, 1), time, zone);
}

/** An instant as `toISO()` writes it, in a fixed offset: `2024-03-10T02:30:00.000-05:00`. */
const WRITTEN_INSTANT = /^([1-9]\d{3})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** The civil date of an ISO instant in its own offset (the date the document wrote or implied). */
export function civilDateOf(instant: string): CivilDate | undefined {
  // The instants of the model are written so (setInstant): their date is the one written, when it
  // exists. Reading it off is what luxon does, without building a DateTime for it; else luxon reads.
  const written = WRITTEN_INSTANT.exec(instant);
  if (written) {
    const [year, month, day] = [Number(written[1]), Number(written[2]), Number(written[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  const dateTime = DateTime.fromISO(instant, { setZone: true });
  return dateTime.isValid ? { year: dateTime.year, month: dateTime.month, day: dateTime.day } : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A civil date as `YYYY-MM-DD`. */
export function formatCivilDate(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
