// Scanned timestamps -> model timestamps with an instant: the date and zone defaults, and the
// next day's wall time for a roll-over. Shared by the window and the timeline.
import type { DateTime } from 'luxon';
import type { CivilDate, Timestamp } from '../model';
import { civilDateOf, nextDayWallTime, PLACEHOLDER_DATE, toDateTime, type ScannedTimestamp } from '../time';

export function toTimestamp(scanned: ScannedTimestamp, base: number): Timestamp {
  return {
    raw: scanned.raw,
    span: { start: base + scanned.offset, end: base + scanned.offset + scanned.length },
    date: scanned.date,
    time: scanned.time,
    zoneText: scanned.zoneText,
    zone: scanned.zone,
    error: scanned.error,
    ...(scanned.monthDay && { monthDay: scanned.monthDay }),
    ...(scanned.ambiguousDate && { ambiguousDate: true }),
    ...(scanned.slipTime && { slipTime: scanned.slipTime }),
  };
}

/** The written date, or the written month and day in `year` (`January 10` in a 2024 document). */
export function writtenDate(timestamp: Timestamp, year: number | undefined): CivilDate | undefined {
  if (timestamp.date) return timestamp.date;
  if (timestamp.monthDay && year) return { year, ...timestamp.monthDay };
  return undefined;
}

/** Fills instant, epochMs and the assumed flags from date and zone defaults. */
export function resolve(timestamp: Timestamp, date: CivilDate | undefined, zone: string | undefined): void {
  // A time read despite its error (`13:20 PM` can only mean 13:20) still gets its instant.
  if (!timestamp.time) return;
  const day = timestamp.date ?? date;
  const effectiveZone = timestamp.zone ?? zone;
  const dateTime = toDateTime(day ?? PLACEHOLDER_DATE, timestamp.time, effectiveZone ?? 'UTC');
  if (!dateTime) return;
  setInstant(timestamp, dateTime);
  if (!day) timestamp.dateAssumed = true;
  if (!effectiveZone) timestamp.zoneAssumed = true;
}

export function setInstant(timestamp: Timestamp, dateTime: DateTime): void {
  timestamp.instant = dateTime.toISO() ?? undefined;
  timestamp.epochMs = dateTime.toMillis();
}

/**
 * The resolved timestamp's wall time on the next day (the time module's rule, so a daylight-saving
 * change overnight counts), or undefined when it has no instant.
 */
export function nextDayOf(timestamp: Timestamp, zone: string | undefined): DateTime | undefined {
  const date = timestamp.instant === undefined ? undefined : civilDateOf(timestamp.instant);
  if (!date || !timestamp.time) return undefined;
  return nextDayWallTime(date, timestamp.time, timestamp.zone ?? zone ?? 'UTC')?.dateTime;
}
