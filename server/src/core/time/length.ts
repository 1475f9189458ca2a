// Lengths of time as people write them (`4 hours`, `2h 30m`, `about 1.5 hours`) and the one
// formatter every message uses, so the product never shows the same length two ways.
import { execAt } from './sticky';

/** Minutes per unit, biggest first: components must come in this order (`2 h 30 min`, not `30 min 2 h`). */
const UNITS: Array<[RegExp, number]> = [
  [/^(?:days?|d)$/i, 24 * 60],
  [/^(?:hours?|hrs?|h)$/i, 60],
  [/^(?:minutes?|mins?|m)$/i, 1],
  [/^(?:seconds?|secs?|s)$/i, 1 / 60],
];

// Bounded pieces, tried at one offset at a time: linear over any input.
const QUALIFIER_RE = /(?:about|approximately|approx\.?|around|roughly|nearly|almost|~|\u2248)[ \t]{0,2}/iy;
/** `4 hours`, `1.5h`, `30 s`. */
const NUMBER_COMPONENT_RE = /(\d{1,6}(?:\.\d{1,4})?)[ \t]{0,2}(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![A-Za-z])/iy;
/** `an hour`, `half an hour`, `one day`: spelled-out counts take only spelled-out units. */
const WORD_COMPONENT_RE = /(half an?|an?|one)[ \t]{1,2}(days?|hours?|minutes?|seconds?)(?![A-Za-z])/iy;
/** Between components: `2h 30m`, `2 hours, 30 minutes`, `1 hour and 15 minutes`. */
const JOINER_RE = /[ \t]{0,3}(?:,[ \t]{0,3})?(?:and[ \t]{1,3})?/iy;

function unitMinutes(unit: string): number {
  for (const [re, minutes] of UNITS) if (re.test(unit)) return minutes;
  return NaN;
}

function wordCount(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return w.startsWith('half') ? 0.5 : 1;
}

function componentAt(text: string, pos: number): { minutes: number; unit: number; end: number } | undefined {
  let m = execAt(NUMBER_COMPONENT_RE, text, pos);
  if (m) {
    const unit = unitMinutes(m[2]);
    return { minutes: Number(m[1]) * unit, unit, end: pos + m[0].length };
  }
  m = execAt(WORD_COMPONENT_RE, text, pos);
  if (m) {
    const unit = unitMinutes(m[2]);
    return { minutes: wordCount(m[1]) * unit, unit, end: pos + m[0].length };
  }
  return undefined;
}

/** A length starting exactly at `pos`: its minutes and where it ends. */
export function lengthAt(text: string, pos: number): { minutes: number; end: number } | undefined {
  let p = pos;
  const qualifier = execAt(QUALIFIER_RE, text, p);
  if (qualifier) p += qualifier[0].length;
  const first = componentAt(text, p);
  if (!first) return undefined;
  let minutes = first.minutes;
  let unit = first.unit;
  let end = first.end;
  for (;;) {
    const joiner = execAt(JOINER_RE, text, end);
    const next = componentAt(text, end + (joiner?.[0].length ?? 0));
    if (!next || next.unit >= unit) break;
    minutes += next.minutes;
    unit = next.unit;
    end = next.end;
  }
  // `4 h5` or `2h30` trail off into digits: not a length we can read.
  const after = text.charCodeAt(end);
  if (after >= 48 && after <= 57) return undefined;
  return { minutes, end };
}

/** Minutes in a length (`4 hours`, `2h 30m`, `1 hour and 15 minutes`, `30 seconds` = 0.5); undefined otherwise. */
export function parseLength(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start >= end) return undefined;
  const found = lengthAt(text, start);
  return found && found.end === end ? found.minutes : undefined;
}

/**
 * The first length written in `text` outside the `skip` spans (timestamps), with where it is.
 * The qualifier (`about`) is part of it, so a fix can replace the whole phrase.
 */
export function findLength(
  text: string,
  skip: ReadonlyArray<{ offset: number; length: number }> = [],
): { minutes: number; offset: number; length: number } | undefined {
  if (typeof text !== 'string') return undefined;
  // Skip spans sorted by offset and walked with a cursor: linear even with thousands of them.
  const spans = [...skip].sort((a, b) => a.offset - b.offset);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    while (k < spans.length && spans[k].offset + spans[k].length <= i) k++;
    if (k < spans.length && spans[k].offset <= i) {
      i = spans[k].offset + spans[k].length - 1;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    // A length starts a word or number: not `v1.5h`, not the `30` of `2:30 hours`.
    if (isWordOrJoint(prev) || !startsLength(text.charCodeAt(i))) continue;
    const found = lengthAt(text, i);
    if (!found) continue;
    // A length that runs into a timestamp is not one (`2 h` cannot straddle `09:00`).
    if (k < spans.length && spans[k].offset < found.end) continue;
    return { minutes: found.minutes, offset: i, length: found.end - i };
  }
  return undefined;
}

function isWordOrJoint(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 58;
}

function startsLength(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 126 || code === 0x2248;
}

/** The one way lengths are shown: `0 min`, `30 min`, `4 h`, `1 h 05 min`, `2 d 3 h`, `-45 min`. */
export function formatLength(minutes: number): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? '-' : '';
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  let text: string;
  // Beyond a day, minutes are noise: the reader wants the order of magnitude.
  if (days > 0) text = hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  else if (hours === 0) text = `${mins} min`;
  else if (mins === 0) text = `${hours} h`;
  else text = `${hours} h ${String(mins).padStart(2, '0')} min`;
  return sign + text;
}
