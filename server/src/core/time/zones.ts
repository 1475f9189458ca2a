// Zone text -> luxon zone name. The only hand-written offsets in this module are the ones in the
// abbreviation table below; every conversion is then done by luxon.
import { FixedOffsetZone, IANAZone } from 'luxon';
import { execAt } from './sticky';

const H = 60;

/**
 * Zone abbreviations people write after times.
 *
 * A number is a fixed offset in minutes; a string is an IANA zone.
 * - Abbreviations that come in a standard/daylight pair (PST/PDT, CET/CEST, AEST/AEDT ...) name one
 *   specific offset, so they map to that fixed offset: whoever wrote `PDT` chose UTC-7, even in January.
 * - Abbreviations without a seasonal twin (EAT, IST, JST ...) name a region, so they map to its IANA zone.
 * - The generic US names (PT, ET ...) follow daylight saving, so they map to the IANA zone too.
 * - Ambiguous ones take their most common meaning in incident reports:
 *   CST = US Central Standard (not China), IST = India (not Ireland/Israel), BST = British Summer Time.
 *
 *   UTC, UT, GMT, Z  UTC
 *   PST -8  PDT -7   MST -7  MDT -6   CST -6  CDT -5   EST -5  EDT -4   AKST -9  AKDT -8
 *   HST Pacific/Honolulu   PT America/Los_Angeles  MT America/Denver  CT America/Chicago  ET America/New_York
 *   WET 0  WEST +1   BST +1   CET +1  CEST +2   EET +2  EEST +3   MSK Europe/Moscow
 *   WAT Africa/Lagos   CAT Africa/Maputo   EAT Africa/Nairobi   SAST Africa/Johannesburg
 *   GST Asia/Dubai   PKT Asia/Karachi   IST Asia/Kolkata   ICT Asia/Bangkok   WIB Asia/Jakarta
 *   SGT Asia/Singapore   HKT Asia/Hong_Kong   PHT Asia/Manila   JST Asia/Tokyo   KST Asia/Seoul
 *   AWST Australia/Perth   ACST +9:30  ACDT +10:30   AEST +10  AEDT +11   NZST +12  NZDT +13
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number | string>> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  PST: -8 * H,
  PDT: -7 * H,
  MST: -7 * H,
  MDT: -6 * H,
  CST: -6 * H,
  CDT: -5 * H,
  EST: -5 * H,
  EDT: -4 * H,
  AKST: -9 * H,
  AKDT: -8 * H,
  HST: 'Pacific/Honolulu',
  PT: 'America/Los_Angeles',
  MT: 'America/Denver',
  CT: 'America/Chicago',
  ET: 'America/New_York',
  WET: 0,
  WEST: 1 * H,
  BST: 1 * H,
  CET: 1 * H,
  CEST: 2 * H,
  EET: 2 * H,
  EEST: 3 * H,
  MSK: 'Europe/Moscow',
  WAT: 'Africa/Lagos',
  CAT: 'Africa/Maputo',
  EAT: 'Africa/Nairobi',
  SAST: 'Africa/Johannesburg',
  GST: 'Asia/Dubai',
  PKT: 'Asia/Karachi',
  IST: 'Asia/Kolkata',
  ICT: 'Asia/Bangkok',
  WIB: 'Asia/Jakarta',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  PHT: 'Asia/Manila',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  AWST: 'Australia/Perth',
  ACST: 9 * H + 30,
  ACDT: 10 * H + 30,
  AEST: 10 * H,
  AEDT: 11 * H,
  NZST: 12 * H,
  NZDT: 13 * H,
};

/** Spelled-out zone names, lower-cased. Same rules as the abbreviations: a season named is a fixed offset. */
const ZONE_NAMES: Readonly<Record<string, number | string>> = {
  'pacific time': 'America/Los_Angeles',
  'pacific standard time': -8 * H,
  'pacific daylight time': -7 * H,
  'mountain time': 'America/Denver',
  'mountain standard time': -7 * H,
  'mountain daylight time': -6 * H,
  'central time': 'America/Chicago',
  'central standard time': -6 * H,
  'central daylight time': -5 * H,
  'eastern time': 'America/New_York',
  'eastern standard time': -5 * H,
  'eastern daylight time': -4 * H,
  'coordinated universal time': 0,
  'universal time': 0,
  'greenwich mean time': 0,
  'british summer time': 1 * H,
  'uk time': 'Europe/London',
  'central european time': 1 * H,
  'central european summer time': 2 * H,
  'east africa time': 'Africa/Nairobi',
  'west africa time': 'Africa/Lagos',
  'central africa time': 'Africa/Maputo',
  'east african time': 'Africa/Nairobi',
  'west african time': 'Africa/Lagos',
  'central african time': 'Africa/Maputo',
  'india standard time': 'Asia/Kolkata',
  'japan standard time': 'Asia/Tokyo',
  'moscow time': 'Europe/Moscow',
};

/** IANA areas: an `Area/Place` with one of these areas that luxon rejects is a misspelt zone, not prose. */
const IANA_AREAS = new Set(['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific', 'Etc']);

const MIN_OFFSET = -12 * H;
const MAX_OFFSET = 14 * H;

/** luxon's name for a fixed offset: `UTC`, `UTC+3`, `UTC-8`, `UTC+5:30`. */
export function fixedZone(minutes: number): string {
  return FixedOffsetZone.instance(minutes).name;
}

function tableZone(value: number | string): string {
  return typeof value === 'number' ? fixedZone(value) : value;
}

export interface ZoneMatch {
  /** Where the zone starts and ends, parentheses included. */
  start: number;
  end: number;
  /** The zone as written, without parentheses. */
  zoneText: string;
  zone?: string;
  /** Why the zone cannot be used (an offset out of range, a misspelt IANA name), as a phrase. */
  error?: string;
  /** The zone is a misspelling of `zone` (`UC/Pacific` for `US/Pacific`), read as that zone. */
  misspelt?: boolean;
}

export interface ZoneContext {
  /** The zone follows the time with no space (`09:00Z`, `09:00+03:00`). */
  glued?: boolean;
  /** The timestamp is ISO 8601 with a `T`, so `-05:00` can only be an offset. */
  isoT?: boolean;
  /** Accept lower-case abbreviations (`pst`): only where the context already says a zone follows. */
  anyCase?: boolean;
}

// Every pattern is sticky and bounded so that trying a zone at any offset costs constant time.
const UTC_OFFSET_RE = /(UTC|GMT|UT)(?:([+\-\u2212])(\d{1,2})(?::?(\d{2}))?)?(?![A-Za-z0-9]|:\d)/iy;
const BARE_OFFSET_RE = /([+\-\u2212])(\d{2})(?:(:?)(\d{2}))?(?![0-9]|:\d)/y;
const IANA_RE = /([A-Z][A-Za-z]{1,13})\/([A-Z][A-Za-z_\-]{0,29}[A-Za-z](?:\/[A-Z][A-Za-z_\-]{0,29}[A-Za-z])?)(?![A-Za-z0-9\/])/y;
const NAME_RE = /([A-Za-z][a-z]{1,12}(?:[ \t][A-Za-z][a-z]{1,12}){0,3})[ \t][Tt]ime(?![A-Za-z])/y;
const ABBR_RE = /([A-Za-z]{2,4})(?![A-Za-z0-9])/y;
const Z_RE = /Z(?![A-Za-z0-9])/y;

function offsetMinutes(sign: string, hours: string, minutes: string | undefined): number {
  const m = Number(hours) * H + Number(minutes ?? 0);
  return sign === '+' ? m : -m;
}

/** Areas of zone names, with the old `US/` links people still write (`US/Pacific`). */
const AREAS_AND_LINKS = [...IANA_AREAS, 'US'];

/** Whether two words differ by one letter replaced or two neighbours swapped. */
/**
 * luxon's `IANAZone.isValidZone`, remembered: it builds an `Intl.DateTimeFormat` on every call,
 * and the few zone names a document writes are asked about again at every timestamp.
 */
const zoneValidity = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1024;
function isZoneName(name: string): boolean {
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    if (zoneValidity.size >= MAX_REMEMBERED_ZONES) zoneValidity.clear();
    zoneValidity.set(name, (valid = IANAZone.isValidZone(name)));
  }
  return valid;
}

export function oneSlipApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** The zone meant by `Area/City` whose area is one slip from a real one (`UC/Pacific`, `Amercia/Denver`). */
function misspeltArea(area: string, city: string): string | undefined {
  const meant = AREAS_AND_LINKS.filter((known) => oneSlipApart(known, area) && isZoneName(`${known}/${city}`));
  return meant.length === 1 ? `${meant[0]}/${city}` : undefined;
}

/** A zone body (no parentheses) starting exactly at `pos`. */
function matchZoneBody(text: string, pos: number, ctx: ZoneContext): Omit<ZoneMatch, 'start'> | undefined {
  let m = execAt(UTC_OFFSET_RE, text, pos);
  if (m) {
    const end = pos + m[0].length;
    const zoneText = m[0];
    if (!m[2]) return { end, zoneText, zone: 'UTC' };
    if (Number(m[4] ?? 0) > 59) return { end, zoneText, error: `the minutes of the offset ${zoneText} must be 0 to 59` };
    const minutes = offsetMinutes(m[2], m[3], m[4]);
    if (minutes < MIN_OFFSET || minutes > MAX_OFFSET) {
      return { end, zoneText, error: `the offset ${zoneText} must be between UTC-12 and UTC+14` };
    }
    return { end, zoneText, zone: fixedZone(minutes) };
  }
  if (ctx.glued && execAt(Z_RE, text, pos)) return { end: pos + 1, zoneText: 'Z', zone: 'UTC' };
  m = execAt(BARE_OFFSET_RE, text, pos);
  if (m) {
    // `09:00-13:00` is a range, not an offset: a minus only reads as an offset after an ISO `T`
    // or without the colon (`-0500`), where no time could be meant.
    const plus = m[1] === '+';
    if (plus || ctx.isoT || (m[4] !== undefined && m[3] === '')) {
      const minutes = offsetMinutes(plus ? '+' : '-', m[2], m[4]);
      if (Number(m[4] ?? 0) <= 59 && minutes >= MIN_OFFSET && minutes <= MAX_OFFSET) {
        return { end: pos + m[0].length, zoneText: m[0], zone: fixedZone(minutes) };
      }
    }
    return undefined;
  }
  m = execAt(IANA_RE, text, pos);
  if (m) {
    const end = pos + m[0].length;
    if (isZoneName(m[0])) return { end, zoneText: m[0], zone: m[0] };
    if (IANA_AREAS.has(m[1])) return { end, zoneText: m[0], error: `there is no time zone named ${m[0]}` };
    const meant = misspeltArea(m[1], m[2]);
    return meant ? { end, zoneText: m[0], zone: meant, misspelt: true } : undefined;
  }
  m = execAt(NAME_RE, text, pos);
  if (m) {
    const value = ZONE_NAMES[m[0].toLowerCase().replace(/[ \t]+/g, ' ')];
    if (value !== undefined) return { end: pos + m[0].length, zoneText: m[0], zone: tableZone(value) };
  }
  m = execAt(ABBR_RE, text, pos);
  if (m) {
    // Upper case only, unless told otherwise: `est` or `cat` in prose are words, not zones.
    const key = ctx.anyCase ? m[1].toUpperCase() : m[1];
    const value = ZONE_ABBREVIATIONS[key];
    if (value !== undefined && key !== 'Z') return { end: pos + m[0].length, zoneText: m[0], zone: tableZone(value) };
  }
  return undefined;
}

/** A zone at `pos`, after up to two blanks, optionally in parentheses: `UTC`, ` (EAT)`, `+03:00`. */
export function matchZoneAt(text: string, pos: number, ctx: ZoneContext = {}): ZoneMatch | undefined {
  let p = pos;
  while (p < text.length && p - pos < 2 && (text[p] === ' ' || text[p] === '\t')) p++;
  const glued = p === pos && !!ctx.glued;
  if (text[p] === '(') {
    let q = p + 1;
    if (text[q] === ' ') q++;
    const body = matchZoneBody(text, q, { ...ctx, glued: false, isoT: true });
    if (!body) return undefined;
    let r = body.end;
    if (text[r] === ' ') r++;
    if (text[r] !== ')') return undefined;
    return { ...body, start: p, end: r + 1 };
  }
  const body = matchZoneBody(text, p, { ...ctx, glued });
  return body && { ...body, start: p };
}

/** Zone text (any form above, with or without parentheses) -> a valid luxon zone name. */
export function resolveZone(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  let t = text.trim();
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  if (!t || t.length > 100) return undefined;
  for (const candidate of [t, t.replace(/[ \t]*([+\-\u2212])[ \t]*/g, '$1')]) {
    const body = matchZoneBody(candidate, 0, { glued: true, isoT: true, anyCase: true });
    if (body && body.end === candidate.length && body.zone) return body.zone;
  }
  // Anything else luxon itself understands, written in any case (`europe/paris`, `Etc/GMT+3`).
  return isZoneName(t) ? t : undefined;
}

// `All times in PST`, `(all times UTC)`, `Times are in EAT`, `Timestamps are shown in UTC+1`.
const DECLARATION_RE = /(?<![A-Za-z])(?:(all)[ \t]{1,3})?(?:times|timestamps)\b/gi;
const DECLARATION_TAIL_RE =
  /[ \t]{0,3}(?:(?:are|is)[ \t]{1,3})?(?:(?:shown|given|listed|written|expressed|recorded|reported|displayed|stated|noted)[ \t]{1,3})?(?:(?:in|as)[ \t]{1,3})?(?:the[ \t]{1,3})?/iy;
// `Time zone: UTC`, `Timezone is EAT`.
const TIMEZONE_LABEL_RE = /(?<![A-Za-z])time[ \t\-]?zone\b[ \t]{0,3}(?::|=|-|is\b)?[ \t]{0,3}/gi;

/** Whether `pos` starts a clause: start of text or line, or after `(`, `:`, `.`, emphasis markers. */
function startsClause(text: string, pos: number): boolean {
  let p = pos - 1;
  while (p >= 0 && pos - p <= 4 && (text[p] === ' ' || text[p] === '\t')) p--;
  return p < 0 || '\n\r([.:;*_>|-#'.includes(text[p]);
}

/** A sentence that sets the default zone of a timeline. */
export function findZoneDeclaration(text: string): { zone: string; zoneText: string; offset: number; length: number } | undefined {
  if (typeof text !== 'string') return undefined;
  for (const re of [DECLARATION_RE, TIMEZONE_LABEL_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const ok = re === TIMEZONE_LABEL_RE || m[1] !== undefined || startsClause(text, m.index);
      if (!ok) continue;
      let p = m.index + m[0].length;
      if (re === DECLARATION_RE) p += execAt(DECLARATION_TAIL_RE, text, p)?.[0].length ?? 0;
      const zone = matchZoneAt(text, p, { anyCase: true });
      if (zone?.zone) return { zone: zone.zone, zoneText: zone.zoneText, offset: zone.start, length: zone.end - zone.start };
    }
  }
  return undefined;
}
