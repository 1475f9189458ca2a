// Timestamps, zones and lengths: the one place that knows how people write times.
// All arithmetic goes through luxon; nothing here does time-zone math by hand
// (the only offsets written out are the abbreviation table in zones.ts).
//
// Conventions callers rely on:
// - `ClockTime.hour` is always 0-23: `12:15 AM` scans as hour 0, `1:00 PM` as 13; `clock` only
//   records whether AM/PM was written.
// - `raw`/`offset`/`length` cover exactly what was written, zone and its parentheses included.
// - In a window, ends carry what they inherit (the end gets the start's date, an end without a
//   zone gets the window's), but `zoneText` is only set on the end where the zone was written.
export type { ScannedTimestamp, RawPart } from './scan';
export { scanLeadingTimestamp, findFirstTimestamp, MONTH_NAMES } from './scan';
export { findTimestamps, createTimestampMemo, withTimestampMemo, type TimestampMemo } from './memo';
export type { WallInstant } from './wall';
export { toDateTime, resolveWallTime, nextDayWallTime, addDays, civilDateOf, formatCivilDate, PLACEHOLDER_DATE } from './wall';
export { resolveZone, findZoneDeclaration, fixedZone, matchZoneAt, oneSlipApart, ZONE_ABBREVIATIONS } from './zones';
export type { ZoneMatch, ZoneContext } from './zones';
export type { WindowText } from './window';
export { parseWindowText, findProseWindow } from './window';
export { parseLength, formatLength, findLength, lengthAt } from './length';
export { formatInstant } from './format';
