// The incident window as written in a `Duration:` field: two timestamps with a separator, a zone
// that may be written once for both, and perhaps a stated length.
import { findLength } from './length';
import { findTimestamps, scanLeadingTimestamp, type ScannedTimestamp } from './scan';
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
  const t = trimmed
    .slice(0, 60)
    .replace(/^[(\[]+|[)\],.;]+$/g, '')
    .trim();
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
      // `September 28th to September 29th, 2023`: a month and day that takes the end's year.
      const endDate = only.time ? undefined : only.date;
      const monthDay = endDate && scanLeadingTimestamp(startText);
      if (endDate && monthDay?.monthDay && !monthDay.time && !monthDay.error && monthDay.length === startText.length) {
        const { month, day } = monthDay.monthDay;
        // December 30th to January 2nd, 2024: the start is in the year before.
        const year = month > endDate.month ? endDate.year - 1 : endDate.year;
        start = { ...monthDay, offset: beforeText.indexOf(startText), date: { year, month, day } };
        delete start.monthDay;
        end = only;
      } else {
        result.end = only;
        result.error = `the start of the window, ${quoted(startText)}, is not a time (expected something like 09:00 or 9:00 AM)`;
        return result;
      }
    } else start = only;
  }

  result.start = start;
  if (end) result.end = end;
  // A time read despite its error (`13:20pm`) is reported as an invalid timestamp, not an unreadable window.
  if (start.error && !start.time) {
    result.error = `the start of the window is wrong: ${start.error}`;
    return result;
  }
  if (end?.error && !end.time) {
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

// ---- windows written as prose ------------------------------------------------------------------

/** Between two times, a plain range: `10:05 AM to 10:15 AM`, `15:30 - 17:45`, `~`. */
const PROSE_RANGE_RE = /^(?:-{1,2}|\u2013|\u2014|~|to|until|till|through|thru)$/i;
/** Between two times, an end clause: `... and ended at`, `, and was resolved by`, `and lasted until`. */
const PROSE_END_RE =
  /^[,;]?[ \t]{0,3}(?:and[ \t]{1,3}|but[ \t]{1,3})?(?:(?:was|were|is|got|had|has|been|then|finally|fully|only|service|it|the[ \t]+\w+)[ \t]{1,3}){0,4}(?:end(?:ed|ing|s)?|resolved|restored|recovered|fixed|mitigated|stopped|concluded|finished|over|back(?:[ \t]+(?:up|online))?|lasted[ \t]{1,3}until)\b[^.!?]{0,30}?[ \t](?:at|by|around|about|approximately|on)[ \t]{0,3}(?:[^.!?]{0,30}?[ \t](?:at|by)[ \t]{0,3})?$/i;
/** Before the first time, words that make it the start: `from`, `between`, `started at`, `began around`. */
const PROSE_START_RE =
  /(?:\b(?:from|between|since)|\b(?:start(?:ed|ing|s)?|beg[ai]n(?:ning|s)?|begun|commenc\w*|occurr\w*|happened|went[ \t]+down|outage[ \t]+(?:at|was))\b[^.!?]{0,40}?)[ \t]{0,3}$/i;
/** Before a length, words that make it the incident's length: `lasting 37 minutes`, `for 45 minutes`. */
const PROSE_LENGTH_RE = /\b(?:lasting|lasted|for|duration\s+of|total\s+of|within)(?:\s+(?:for|about|approximately|around|roughly|nearly|an?))?\s*$/i;

function proseDate(stamps: ScannedTimestamp[]): ScannedTimestamp['date'] {
  const dates = stamps.filter(dateOnly);
  return dates.length === 1 ? dates[0].date : undefined;
}

/**
 * The incident window written in a sentence: "from 10:05 AM to 10:15 AM WAT", "started at 08:00
 * GMT and ended at 10:00 GMT", "started at 11:45 AM, lasting 45 minutes". Two times that are not
 * joined as a range are not a window. Offsets are relative to `sentence`; undefined when none.
 */
export function findProseWindow(sentence: string): WindowText | undefined {
  if (typeof sentence !== 'string' || sentence.length > 2000) return undefined;
  const stamps = findTimestamps(sentence);
  const timed = stamps.filter((stamp) => stamp.time);
  if (!timed.length) return undefined;
  const date = proseDate(stamps);
  const withDate = (stamp: ScannedTimestamp): ScannedTimestamp => ({ ...stamp, date: stamp.date ?? date });
  for (let i = 0; i + 1 < timed.length; i++) {
    const gap = between(sentence, timed[i], timed[i + 1]).trim();
    const before = sentence.slice(Math.max(0, timed[i].offset - 60), timed[i].offset);
    const range = PROSE_RANGE_RE.test(gap) || (/^and$/i.test(gap) && /\bbetween[ \t]{1,3}$/i.test(before));
    const clauses = !range && PROSE_START_RE.test(before) && PROSE_END_RE.test(` ${gap} `.replace(/[ \t]+$/, ' '));
    if (!range && !clauses) continue;
    const start = withDate(timed[i]);
    const end = { ...timed[i + 1], date: timed[i + 1].date ?? start.date };
    // The zone written on either end, or once elsewhere in the sentence.
    const zoned = end.zone ? end : start.zone ? start : undefined;
    const loose = zoned ? undefined : looseZone(sentence, stamps, undefined);
    const zone = zoned?.zone ?? loose?.zone;
    if (zone) {
      if (!start.zone) start.zone = zone;
      if (!end.zone) end.zone = zone;
    }
    const result: WindowText = { start, end, zone, zoneText: zoned?.zoneText ?? loose?.zoneText };
    const stated = findLength(sentence, stamps);
    if (stated && PROSE_LENGTH_RE.test(sentence.slice(0, stated.offset))) {
      Object.assign(result, { statedMinutes: stated.minutes, statedOffset: stated.offset, statedLength: stated.length });
    }
    if ((start.error && !start.time) || (end.error && !end.time)) {
      result.error = `the ${start.error && !start.time ? 'start' : 'end'} of the window is wrong: ${(start.error ?? end.error)!}`;
    }
    return result;
  }
  // One time said to be the start, with the length the incident lasted.
  if (timed.length !== 1) return undefined;
  const only = timed[0];
  const stated = findLength(sentence, stamps);
  const before = sentence.slice(Math.max(0, only.offset - 60), only.offset);
  if (!stated || !PROSE_LENGTH_RE.test(sentence.slice(0, stated.offset)) || !PROSE_START_RE.test(before)) return undefined;
  const start = withDate(only);
  const loose = start.zone ? undefined : looseZone(sentence, stamps, stated);
  if (loose) start.zone = loose.zone;
  return {
    start,
    zone: start.zone,
    zoneText: start.zoneText ?? loose?.zoneText,
    statedMinutes: stated.minutes,
    statedOffset: stated.offset,
    statedLength: stated.length,
    error: start.error && !start.time ? `the start of the window is wrong: ${start.error}` : undefined,
  };
}
