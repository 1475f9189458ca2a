// The incident window as written in a `Duration:` field: two timestamps with a separator, a zone
// that may be written once for both, and perhaps a stated length.
import { findLength } from './length';
import { findTimestamps, type ScannedTimestamp } from './scan';
import { matchZoneAt } from './zones';

export interface WindowText {
  start?: ScannedTimestamp;
  end?: ScannedTimestamp;
  zoneText?: string;
  zone?: string;
  statedMinutes?: number;
  statedOffset?: number;
  statedLength?: number;
  error?: string;
}

/** What may stand between the two ends: `-`, en and em dashes, `to`, `until`, the ISO `/`. */
const SEPARATOR_RE = /^(?:-{1,2}|\u2013|\u2014|\u2212|~|to|until|till|til|through|thru|\/|and)$/i;
/** A separator at the start or end of a leftover piece of text. */
const LEADING_SEPARATOR_RE = /^[ \t]{0,3}(?:-{1,2}|\u2013|\u2014|\u2212|~|to\b|until\b|till\b|through\b|thru\b|\/)[ \t]{0,3}/i;
const TRAILING_SEPARATOR_RE = /(?:-{1,2}|\u2013|\u2014|\u2212|~|\bto|\buntil|\btill|\bthrough|\bthru|\/)[ \t]{0,3}$/i;
/** Between a date written alone and the window's times: `April 10, 2024: 09:00 - 13:00`, `... 13:00 UTC on April 10, 2024`. */
const DATE_GLUE_RE = /^[ \t]{0,3}(?:[:,]|-)?[ \t]{0,3}$/;
const TRAILING_DATE_GLUE_RE = /^[ \t]{0,3}(?:,|on|\(on)?[ \t]{0,3}$/i;
/** Looks like someone tried to write a time (`9::00`, `13.00 pm`). */
const TIME_LIKE_RE = /\d[ \t]?[:.]{1,2}[ \t]?\d|\d[ \t]?[ap]\.?m\b/i;

/** Words that say the window has not ended: not an unreadable end. */
const OPEN_END_RE = /^(?:ongoing|present|now|unknown|tbd|tba|n\/a|\?+|still ongoing|not yet resolved|unresolved)$/i;
/** The text of an end without the words and brackets around it (`from`, `(`). */
function bare(s: string): string {
  const head = s.replace(/^[\s(]*(?:(?:from|between|starting|since)\s)?/i, '');
  // Trimmed by hand: a `[\s)]+$` regex is quadratic on long runs of blanks.
  let e = head.length;
  while (e > 0 && /[\s).,;:]/.test(head[e - 1])) e--;
  return head.slice(0, e).trim();
}

const dateOnly = (t: ScannedTimestamp): boolean => !!t.date && !t.time && !t.error;

function between(value: string, a: ScannedTimestamp, b: ScannedTimestamp): string {
  return value.slice(a.offset + a.length, b.offset);
}

/** Describes the text where an end should be, for the error message. */
function quoted(text: string): string {
  // Cut first: the clean-up regex must only ever see a short string.
  const trimmed = text.trim();
  const t = trimmed.slice(0, 60).replace(/^[(\[]+|[)\],.;]+$/g, '').trim();
  return t.length > 40 || trimmed.length > 60 ? `"${t.slice(0, 37)}..."` : `"${t}"`;
}

/** The first zone written outside the timestamps and the stated length, if any. */
function looseZone(
  value: string,
  stamps: ScannedTimestamp[],
  stated: { offset: number; length: number } | undefined,
): { zone: string; zoneText: string } | undefined {
  // Spans sorted and walked with a cursor: linear however many timestamps there are.
  const taken = (stated ? [...stamps, stated] : [...stamps]).sort((a, b) => a.offset - b.offset);
  let k = 0;
  for (let i = 0; i < value.length; i++) {
    while (k < taken.length && taken[k].offset + taken[k].length <= i) k++;
    if (k < taken.length && taken[k].offset <= i) {
      i = taken[k].offset + taken[k].length - 1;
      continue;
    }
    const prev = i > 0 ? value[i - 1] : ' ';
    if (/[A-Za-z0-9_]/.test(prev) || !/[A-Za-z+(]/.test(value[i])) continue;
    const z = matchZoneAt(value, i);
    if (z?.zone && z.start === i) return { zone: z.zone, zoneText: z.zoneText };
  }
  return undefined;
}

/** Read the window from a field value. Offsets in the result are relative to `value`. */
export function parseWindowText(value: string): WindowText {
  const result: WindowText = {};
  if (typeof value !== 'string') return result;
  const found = findTimestamps(value);
  const stated = findLength(value, found);
  if (stated) {
    result.statedMinutes = stated.minutes;
    result.statedOffset = stated.offset;
    result.statedLength = stated.length;
  }

  // A date written once before the times (`April 10, 2024: 09:00 - 13:00`) belongs to the first time.
  const stamps: ScannedTimestamp[] = [];
  for (let i = 0; i < found.length; i++) {
    const next = found[i + 1];
    if (dateOnly(found[i]) && next?.time && !next.date && DATE_GLUE_RE.test(between(value, found[i], next))) {
      stamps.push({ ...next, date: found[i].date });
      i++;
    } else {
      stamps.push({ ...found[i] });
    }
  }

  // The two ends: the first neighbouring pair with a separator between them.
  let start: ScannedTimestamp | undefined;
  let end: ScannedTimestamp | undefined;
  let after: ScannedTimestamp | undefined;
  for (let i = 0; i + 1 < stamps.length; i++) {
    if (SEPARATOR_RE.test(between(value, stamps[i], stamps[i + 1]).trim())) {
      [start, end, after] = [stamps[i], stamps[i + 1], stamps[i + 2]];
      break;
    }
  }

  if (!start) {
    if (stamps.length > 1) {
      result.error = 'could not tell the start from the end: put a dash or "to" between the two times';
      return result;
    }
    // No timestamp or just one: look at the rest of the text, with the stated length blanked out.
    const blank = stated ? value.slice(0, stated.offset) + ' '.repeat(stated.length) + value.slice(stated.offset + stated.length) : value;
    const only = stamps[0];
    if (!only) {
      if (TIME_LIKE_RE.test(blank)) result.error = `${quoted(blank)} is not a time window (expected something like 09:00 - 13:00 UTC)`;
      return result;
    }
    // If a separator leads on to text that is not a time, that end is unreadable.
    const afterText = blank.slice(only.offset + only.length);
    const afterSep = LEADING_SEPARATOR_RE.exec(afterText);
    const endText = afterSep ? bare(afterText.slice(afterSep[0].length)) : '';
    if (endText && !OPEN_END_RE.test(endText)) {
      result.start = only;
      result.error = `the end of the window, ${quoted(endText)}, is not a time (expected something like 13:00 or 1:00 PM)`;
      return result;
    }
    const beforeText = blank.slice(0, only.offset);
    const beforeSep = TRAILING_SEPARATOR_RE.exec(beforeText);
    const startText = beforeSep ? bare(beforeText.slice(0, beforeSep.index)) : '';
    if (startText) {
      result.end = only;
      result.error = `the start of the window, ${quoted(startText)}, is not a time (expected something like 09:00 or 9:00 AM)`;
      return result;
    }
    start = only;
  }

  result.start = start;
  if (end) result.end = end;
  if (start.error) {
    result.error = `the start of the window is wrong: ${start.error}`;
    return result;
  }
  if (end?.error) {
    result.error = `the end of the window is wrong: ${end.error}`;
    return result;
  }

  // A date written once after both times (`09:00 - 13:00 UTC on April 10, 2024`) belongs to both.
  if (end && after && dateOnly(after) && !start.date && !end.date && TRAILING_DATE_GLUE_RE.test(between(value, end, after))) {
    start.date = after.date;
  }
  // The end inherits the start's date; crossing midnight is the caller's business.
  if (end && !end.date && start.date && end.time) end.date = start.date;

  // A zone written once (on either end) applies to both; written twice, it must agree to be the window's.
  const zoned = end?.zone ? end : start.zone ? start : undefined;
  if (!zoned && !start.zoneText && !end?.zoneText) {
    // Or written apart from both (`UTC: 09:00 - 13:00`, `09:00 - 13:00 (4 hours, UTC)`).
    const loose = looseZone(value, found, stated);
    if (loose) {
      result.zone = loose.zone;
      result.zoneText = loose.zoneText;
      start.zone = loose.zone;
      if (end) end.zone = loose.zone;
    }
  }
  if (zoned) {
    const other = zoned === end ? start : end;
    if (!other?.zone || other.zone === zoned.zone) {
      result.zone = zoned.zone;
      result.zoneText = zoned.zoneText;
      if (other && !other.zone) other.zone = zoned.zone;
    }
  }
  return result;
}
