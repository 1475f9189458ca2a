// Recognising timestamps in text. Hand-written over small sticky regexes rather than one big
// pattern: every piece is bounded, so trying a timestamp at any offset costs constant time and
// scanning a line is linear whatever it holds.
import { DateTime } from 'luxon';
import type { CivilDate, ClockTime } from '../model';
import { matchZoneAt, type ZoneMatch } from './zones';
import { execAt } from './sticky';

/** A timestamp found in a piece of text. Offsets are relative to that text. */
export interface ScannedTimestamp {
  raw: string;
  offset: number;
  length: number;
  date?: CivilDate;
  time?: ClockTime;
  zoneText?: string;
  /** luxon zone name (IANA like `Africa/Nairobi`, or fixed like `UTC+3`). */
  zone?: string;
  /** Set when the text is shaped like a time or date but cannot be one; says what is wrong. */
  error?: string;
  /** Where the date is written within `raw` (weekday excluded), when it is: lets a fix rewrite it alone. */
  dateAt?: RawPart;
  /** Where the clock is written within `raw`, AM/PM included, zone excluded (`9:00 AM`, `11 AM`, `13:00`). */
  clockAt?: RawPart;
  /** A month and day written without a year (`January 10`, `25th Nov`): the caller may know the year. */
  monthDay?: { month: number; day: number };
  /** `03/04/2024`: both numbers could be the month. Read day first unless the zone is American. */
  ambiguousDate?: boolean;
  /** The weekday written before the date (`Friday, March 2nd, 2019`), 1 = Monday ... 7 = Sunday. */
  weekday?: number;
  /** `07:7:47`, read as 07:07:47: the reading as 07:47 (a digit typed twice), when that is a time. */
  slipTime?: ClockTime;
}

/** A part of a timestamp's `raw`: offset from the start of `raw`, and length. */
export interface RawPart {
  offset: number;
  length: number;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Longest names first so that `March` is not read as `Mar` + `ch`.
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const WEEKDAY_RE = /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?[ \t]{1,3}/iy;
/** `2024-04-10`, `2024/04/10` (the same separator twice). */
const ISO_DATE_RE = /(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![0-9])/y;
/** `April 10, 2024`, `Apr 10 2024`, `Sept. 27th, 2017`. */
const MONTH_DAY_YEAR_RE = new RegExp(`${MONTH}[ \\t]{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![0-9A-Za-z]),?[ \\t]{0,3}(\\d{4})(?![0-9])`, 'iy');
/** `10 April 2024`, `10th Apr, 2024`. */
const DAY_MONTH_YEAR_RE = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t]{1,3}${MONTH}(?![A-Za-z]),?[ \\t]{1,3}(\\d{4})(?![0-9])`, 'iy');
/** `05-02-2022`, `02/02/2022`, `01–11–2021`, `16.03.2020`: day and month in an order to be decided. */
const NUMERIC_DATE_RE = /(\d{1,2})([-/.\u2013])(\d{1,2})\2(\d{4})(?![0-9])/y;
/** `06/May/2022`, `6-May-2022`. */
const DAY_NAMED_MONTH_YEAR_RE = new RegExp(`(\\d{1,2})([-/])${MONTH}\\2(\\d{4})(?![0-9])`, 'iy');
/** `15Sep94`, `03MAR2020`: the military style, day, month and year run together. */
const COMPACT_DATE_RE = new RegExp(`(\\d{1,2})${MONTH.replace('\\.?', '')}(\\d{4}|\\d{2})(?![0-9A-Za-z])`, 'iy');
/** `January 10`, `Sept. 27th` without a year: the month must be capitalised (`may 5` is prose). */
const MONTH_DAY_RE = new RegExp(`${MONTH}[ \\t]{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![0-9A-Za-z%:.])`, 'iy');
/** `25 November`, `3rd of June` without a year. */
const DAY_MONTH_RE = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t]{1,3}(?:of[ \\t]{1,3})?${MONTH}(?![A-Za-z])`, 'iy');
/** Between a date and its time: `T`, blanks, a comma, ` at `; after an ISO date also `/` (`2023-01-04/11:34`). */
const DATE_TIME_SEP_RE = /T|\/(?=\d)|[ \t]{0,3},?[ \t]{0,3}(?:(?:at|@)[ \t]{1,3})?/y;
/** `0330hrs`, `1400 hrs`, `0233h`: a 24-hour clock without its colon, only with the hours word after it. */
const MILITARY_RE = /([01]\d|2[0-3])([0-5]\d)[ \t]?(?:hrs|hr|h)(?![A-Za-z0-9])/iy;
/** `4: 45 am`: a blank after the colon, only before AM/PM. */
const SPACED_CLOCK_RE = /(\d{1,2}):[ \t](\d{2})(?=[ \t]{0,2}[AaPp]\.?[Mm](?![A-Za-z]))/y;
/** `09:00`, `9:00:13`, `09:00:13.250`. Minutes and seconds need two digits (`1:2` is not a time). */
const CLOCK_RE = /(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?/y;
/** `07:7:47`: a one-digit middle between the hour and two more digits, a slip of the keyboard. */
const SLIPPED_CLOCK_RE = /(\d{1,2}):(\d):(\d{2})(?![0-9])/y;
/** `9` before a required AM/PM (`9 AM`). */
const HOUR_RE = /(\d{1,2})/y;
/** `AM`, `pm`, `a.m.`, with up to two blanks before it. A final dot only belongs to the dotted form (`9 AM.` ends a sentence). */
const MERIDIEM_RE = /[ \t]{0,2}(?:([AaPp])\.[Mm]\.?|([AaPp])[Mm])(?![A-Za-z])/y;

/** Month numbers by the first three letters of their English names. */
export const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWordCode(code: number): boolean {
  return isDigit(code) || isLetter(code) || code === 95;
}

/** A timestamp must not run on into a word or number: `09:00x`, `09:000`, `1:23:45:67`, `12:34.5`. */
function endsCleanly(text: string, end: number): boolean {
  const code = text.charCodeAt(end);
  if (Number.isNaN(code)) return true;
  // `_5:30 PM_`: an underscore right after a time closes emphasis.
  if (isWordCode(code) && code !== 95) return false;
  if ((code === 58 || code === 46) && isDigit(text.charCodeAt(end + 1))) return false;
  return true;
}

interface DatePart {
  start: number;
  end: number;
  /** 0 when no year was written (`January 10`). */
  year: number;
  month: number;
  day: number;
  /** The date was ISO-like, so a following `T` introduces the time. */
  iso: boolean;
  /** `03/04/2024`: month and day could be either way round (read here day first). */
  ambiguous?: boolean;
  /** The weekday written before it, 1 = Monday ... 7 = Sunday. */
  weekday?: number;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function matchDate(text: string, pos: number): DatePart | undefined {
  let p = pos;
  const weekday = isLetter(text.charCodeAt(p)) ? execAt(WEEKDAY_RE, text, p) : null;
  if (weekday) p += weekday[0].length;
  const date = matchDateAt(text, p);
  if (date && weekday) date.weekday = WEEKDAYS.indexOf(weekday[0].slice(0, 3).toLowerCase()) + 1;
  return date;
}

function matchDateAt(text: string, p: number): DatePart | undefined {
  const first = text.charCodeAt(p);
  // Each shape is tried only where its first characters allow it: this runs at every digit and word.
  if (isLetter(first)) {
    let m = execAt(MONTH_DAY_YEAR_RE, text, p);
    if (m) return { start: p, end: p + m[0].length, year: Number(m[3]), month: monthNumber(m[1]), day: Number(m[2]), iso: false };
    m = isUpper(first) ? execAt(MONTH_DAY_RE, text, p) : null;
    if (m) return { start: p, end: p + m[0].length, year: 0, month: monthNumber(m[1]), day: Number(m[2]), iso: false };
    return undefined;
  }
  if (!isDigit(first)) return undefined;
  let digits = 1;
  while (digits < 5 && isDigit(text.charCodeAt(p + digits))) digits++;
  if (digits === 4) {
    const m = execAt(ISO_DATE_RE, text, p);
    return m ? { start: p, end: p + m[0].length, year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), iso: true } : undefined;
  }
  if (digits > 2) return undefined;
  const next = text[p + digits];
  if (next === '-' || next === '/' || next === '.' || next === '\u2013') {
    let m = execAt(NUMERIC_DATE_RE, text, p);
    if (m) {
      const [a, b] = [Number(m[1]), Number(m[3])];
      // Day first unless that cannot be (`12/25/2024`); both readable is ambiguous.
      const monthFirst = a <= 12 && b > 12;
      return {
        start: p,
        end: p + m[0].length,
        year: Number(m[4]),
        month: monthFirst ? a : b,
        day: monthFirst ? b : a,
        iso: false,
        ambiguous: a <= 12 && b <= 12 && a !== b,
      };
    }
    m = execAt(DAY_NAMED_MONTH_YEAR_RE, text, p);
    if (m) return { start: p, end: p + m[0].length, year: Number(m[4]), month: monthNumber(m[3]), day: Number(m[1]), iso: false };
    return undefined;
  }
  const compact = isLetter(text.charCodeAt(p + digits)) ? execAt(COMPACT_DATE_RE, text, p) : null;
  if (compact) {
    // A two-digit year is of this century up to 69 (`15Sep94` is 1994).
    const year = compact[3].length === 2 ? Number(compact[3]) + (Number(compact[3]) < 70 ? 2000 : 1900) : Number(compact[3]);
    return { start: p, end: p + compact[0].length, year, month: monthNumber(compact[2]), day: Number(compact[1]), iso: false };
  }
  if (next !== ' ' && next !== '\t' && !/[sndrt]/i.test(next ?? '')) return undefined;
  let m = execAt(DAY_MONTH_YEAR_RE, text, p);
  if (m) return { start: p, end: p + m[0].length, year: Number(m[3]), month: monthNumber(m[2]), day: Number(m[1]), iso: false };
  m = execAt(DAY_MONTH_RE, text, p);
  if (m && isUpper(m[0].charCodeAt(m[0].lastIndexOf(m[2])))) {
    return { start: p, end: p + m[0].length, year: 0, month: monthNumber(m[2]), day: Number(m[1]), iso: false };
  }
  return undefined;
}

interface TimePart {
  start: number;
  end: number;
  hour: number;
  minute: number;
  second: number;
  /** The hour digits as written, and the AM/PM as written (for the `did you mean` hint). */
  hourText: string;
  meridiem?: 'a' | 'p';
  /** Written with a one-digit middle (`07:7:47`). */
  slipped?: boolean;
}

function matchTime(text: string, pos: number): TimePart | undefined {
  const military = execAt(MILITARY_RE, text, pos);
  if (military) {
    return { start: pos, end: pos + military[0].length, hour: Number(military[1]), minute: Number(military[2]), second: 0, hourText: military[1] };
  }
  const slipped = execAt(SLIPPED_CLOCK_RE, text, pos);
  if (slipped) {
    const slipEnd = pos + slipped[0].length;
    return { start: pos, end: slipEnd, hour: Number(slipped[1]), minute: Number(slipped[2]), second: Number(slipped[3]), hourText: slipped[1], slipped: true };
  }
  const clock = execAt(CLOCK_RE, text, pos) ?? execAt(SPACED_CLOCK_RE, text, pos);
  let end: number;
  let hourText: string;
  let minute = 0;
  let second = 0;
  if (clock) {
    end = pos + clock[0].length;
    if (isDigit(text.charCodeAt(end))) return undefined;
    hourText = clock[1];
    minute = Number(clock[2]);
    second = Number(clock[3] ?? 0);
  } else {
    const hour = execAt(HOUR_RE, text, pos);
    if (!hour) return undefined;
    end = pos + hour[0].length;
    hourText = hour[1];
  }
  const meridiem = execAt(MERIDIEM_RE, text, end);
  if (meridiem) end += meridiem[0].length;
  else if (!clock) return undefined; // a bare number is only a time with AM/PM (`9 AM`)
  return {
    start: pos,
    end,
    hour: Number(hourText),
    minute,
    second,
    hourText,
    meridiem: meridiem ? ((meridiem[1] ?? meridiem[2]).toLowerCase() as 'a' | 'p') : undefined,
  };
}

/** Days per month and year, asked of luxon once each: building a DateTime per date found is costly. */
const monthLengths = new Map<number, number>();
function daysIn(year: number, month: number): number {
  const key = year * 16 + month;
  let days = monthLengths.get(key);
  if (days === undefined) monthLengths.set(key, (days = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' }).daysInMonth ?? 31));
  return days;
}

function dateProblem(d: DatePart): string | undefined {
  if (d.month < 1 || d.month > 12) return 'the month must be 1 to 12';
  // Without a year, February may have 29 days.
  const days = d.year ? daysIn(d.year, d.month) : daysIn(2000, d.month);
  if (d.day < 1) return `the day must be 1 to ${days}`;
  if (d.day > days) return d.year ? `${MONTH_NAMES[d.month - 1]} ${d.year} has ${days} days` : `${MONTH_NAMES[d.month - 1]} has ${days} days`;
  return undefined;
}

/** Zones of the Americas: whoever writes one writes dates month first. */
function isAmericanZone(zone: string | undefined): boolean {
  if (!zone) return false;
  if (zone.startsWith('America/')) return true;
  const fixed = /^UTC-(\d{1,2})$/.exec(zone);
  return Boolean(fixed && Number(fixed[1]) >= 3 && Number(fixed[1]) <= 10);
}

function timeProblem(text: string, t: TimePart): string | undefined {
  if (t.meridiem) {
    if (t.hour < 1 || t.hour > 12) {
      const problem = "a 12-hour time's hour must be 1 to 12";
      // `0:15 AM` is a 24-hour habit leaking into a 12-hour time: midnight is `12:15 AM`.
      if (t.hour === 0) return `${problem} (did you mean 12${text.slice(t.start + t.hourText.length, t.end)}?)`;
      return problem;
    }
  } else if (t.hour > 23) {
    if (t.hour === 24 && t.minute === 0 && t.second === 0) return 'the hour must be 0 to 23 (midnight is 00:00 of the next day)';
    return 'the hour must be 0 to 23';
  }
  if (t.minute > 59) return 'the minutes must be 0 to 59';
  if (t.second > 59) return 'the seconds must be 0 to 59';
  return undefined;
}

/** The 24-hour hour of a clock time: `12:xx AM` is 00:xx, `12:xx PM` is 12:xx. */
function toHour24(t: TimePart): number {
  if (!t.meridiem) return t.hour;
  return (t.hour % 12) + (t.meridiem === 'p' ? 12 : 0);
}

function build(text: string, start: number, end: number, d?: DatePart, t?: TimePart, z?: ZoneMatch): ScannedTimestamp {
  const raw = text.slice(start, end);
  const ts: ScannedTimestamp = { raw, offset: start, length: end - start };
  const problems: string[] = [];
  if (d) ts.dateAt = { offset: d.start - start, length: d.end - d.start };
  if (t) ts.clockAt = { offset: t.start - start, length: t.end - t.start };
  if (z) {
    ts.zoneText = z.zoneText;
    if (z.zone) ts.zone = z.zone;
  }
  if (d) {
    // An ambiguous numeric date is read month first where the zone is American (`01-11-2021 PDT`).
    if (d.ambiguous) {
      ts.ambiguousDate = true;
      if (isAmericanZone(ts.zone)) [d.month, d.day] = [d.day, d.month];
    }
    const problem = dateProblem(d);
    if (problem) problems.push(problem);
    else if (d.year) ts.date = { year: d.year, month: d.month, day: d.day };
    else ts.monthDay = { month: d.month, day: d.day };
    if (d.weekday) ts.weekday = d.weekday;
  }
  if (t?.slipped) {
    // Either a missing zero (07:07:47) or a digit typed twice (07:47): the timeline decides by the neighbours.
    problems.push('the minutes must have two digits');
    if (t.hour <= 23) {
      ts.time = { hour: t.hour, minute: t.minute, second: t.second <= 59 ? t.second : 0, clock: '24h' };
      if (t.second <= 59) ts.slipTime = { hour: t.hour, minute: t.second, second: 0, clock: '24h' };
    }
  } else if (t) {
    const problem = timeProblem(text, t);
    if (problem) problems.push(problem);
    else ts.time = { hour: toHour24(t), minute: t.minute, second: t.second, clock: t.meridiem ? '12h' : '24h' };
    // `13:20 PM`: wrong, but it can only mean 13:20; keep that reading beside the error.
    if (problem && t.meridiem === 'p' && t.hour >= 13 && t.hour <= 23 && !timeProblem(text, { ...t, meridiem: undefined })) {
      ts.time = { hour: t.hour, minute: t.minute, second: t.second, clock: '24h' };
    }
  }
  if (z?.error) problems.push(z.error);
  if (problems.length) ts.error = `${raw}: ${problems[0]}`;
  return ts;
}

/** Time, then an optional zone, then a clean end. */
function matchTimeWithZone(text: string, pos: number, isoT: boolean): { t: TimePart; z?: ZoneMatch; end: number } | undefined {
  const t = matchTime(text, pos);
  if (!t) return undefined;
  const z = matchZoneAt(text, t.end, { glued: true, isoT });
  if (z && endsCleanly(text, z.end)) return { t, z, end: z.end };
  if (!endsCleanly(text, t.end)) return undefined;
  return { t, end: t.end };
}

/** The timestamp starting exactly at `pos`, if any. */
function parseAt(text: string, pos: number): ScannedTimestamp | undefined {
  const d = matchDate(text, pos);
  if (d) {
    const sep = execAt(DATE_TIME_SEP_RE, text, d.end);
    if (sep) {
      const isoT = sep[0] === 'T';
      if ((isoT || sep[0] === '/') && !d.iso) return undefined;
      const tz = matchTimeWithZone(text, d.end + sep[0].length, isoT);
      if (tz) return build(text, pos, tz.end, d, tz.t, tz.z);
    }
    return endsCleanly(text, d.end) ? build(text, pos, d.end, d) : undefined;
  }
  // Every clock starts with a digit.
  if (!isDigit(text.charCodeAt(pos))) return undefined;
  const tz = matchTimeWithZone(text, pos, false);
  return tz && build(text, pos, tz.end, undefined, tz.t, tz.z);
}

/** A timestamp at the start of `text` (after blanks), or undefined when the text does not start with one. */
export function scanLeadingTimestamp(text: string): ScannedTimestamp | undefined {
  if (typeof text !== 'string') return undefined;
  const p = text.search(/\S/);
  return p < 0 ? undefined : parseAt(text, p);
}

/** Spans of URLs (`scheme://...`), where digits are paths and ports, not times. */
function urlRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (let i = text.indexOf('://', from); i >= 0; i = text.indexOf('://', from)) {
    let s = i;
    while (s > 0 && i - s < 32 && /[A-Za-z0-9+.\-]/.test(text[s - 1])) s--;
    let e = i + 3;
    while (e < text.length && !/[\s<>"'`)\]]/.test(text[e])) e++;
    if (s < i) ranges.push([s, e]);
    from = e;
  }
  return ranges;
}

/** Whether a timestamp may start at `i`: not inside a word, a number, `1.2.3` or `1:2:3`. */
function startsCleanly(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  if (isWordCode(prev)) return false;
  if ((prev === 58 || prev === 46) && isDigit(text.charCodeAt(i - 2))) return false;
  return true;
}

/**
 * How far past a word's first letter its first digit can be for a timestamp to start there: a
 * weekday (`Wednesday., ` 14) then a month name (`September. ` 13). Every form holds a digit.
 */
const MAX_LETTERS_BEFORE_DIGIT = 27;

/** Whether a letter can start a month's or a weekday's name (a, d, f, j, m, n, o, s, t, w; any case): no other word starts a timestamp. */
function startsName(code: number): boolean {
  const lower = code | 32;
  return (
    lower === 97 ||
    lower === 100 ||
    lower === 102 ||
    lower === 106 ||
    lower === 109 ||
    lower === 110 ||
    lower === 111 ||
    lower === 115 ||
    lower === 116 ||
    lower === 119
  );
}

/** Every timestamp in `text`, left to right, not overlapping. */
export function findTimestamps(text: string): ScannedTimestamp[] {
  const found: ScannedTimestamp[] = [];
  scanTimestamps(text, (ts) => {
    found.push(ts);
    return false;
  });
  return found;
}

/**
 * The first of `findTimestamps(text)` that `accept` takes, scanning no further than it: asking
 * whether a document gives a full date anywhere need not read every timestamp after the first.
 */
export function findFirstTimestamp(text: string, accept: (stamp: ScannedTimestamp) => boolean): ScannedTimestamp | undefined {
  let first: ScannedTimestamp | undefined;
  scanTimestamps(text, (ts) => {
    if (!accept(ts)) return false;
    first = ts;
    return true;
  });
  return first;
}

/** Hands each timestamp of `text` to `onFound`, left to right, until it returns true. */
function scanTimestamps(text: string, onFound: (stamp: ScannedTimestamp) => boolean): void {
  if (typeof text !== 'string') return;
  // Most prose lines hold no digit, so no timestamp: not worth trying one at every word.
  let nextDigit = text.search(/\d/);
  if (nextDigit < 0) return;
  const urls = urlRanges(text);
  let u = 0;
  let i = 0;
  while (i < text.length) {
    while (u < urls.length && urls[u][1] <= i) u++;
    if (u < urls.length && urls[u][0] <= i) {
      i = urls[u][1];
      continue;
    }
    const code = text.charCodeAt(i);
    const digit = isDigit(code);
    if (!digit && !isLetter(code)) {
      i++;
      continue;
    }
    if (nextDigit < i) {
      nextDigit = i;
      while (nextDigit < text.length && !isDigit(text.charCodeAt(nextDigit))) nextDigit++;
      // No digit left: no timestamp left either.
      if (nextDigit === text.length) break;
    }
    if ((digit || (nextDigit - i <= MAX_LETTERS_BEFORE_DIGIT && startsName(code))) && startsCleanly(text, i)) {
      const ts = parseAt(text, i);
      // A month and day alone (`May 10`) is too loose to count as a timestamp in running text.
      if (ts && ts.monthDay && !ts.time && !ts.error) {
        i += Math.max(1, ts.length);
        continue;
      }
      if (ts) {
        if (onFound(ts)) return;
        i += Math.max(1, ts.length);
        continue;
      }
    }
    // Skip the rest of this number or word: a timestamp never starts inside one.
    i++;
    while (i < text.length && (digit ? isDigit(text.charCodeAt(i)) : isLetter(text.charCodeAt(i)))) i++;
  }
}
