// Summary fields -> the incident window: a Duration value (range, prose start with a length) or
// Start and End fields, dated from a Date field or the front matter; failing those, a window
// written as a sentence of the summary ("from 10:05 AM to 10:15 AM WAT").
import type { CivilDate, Field, IncidentWindow, Span } from '../model';
import { findLength, findProseWindow, findTimestamps, parseWindowText, scanLeadingTimestamp, type WindowText } from '../time';
import { nextDayOf, resolve, setInstant, toTimestamp } from './instants';
import type { SourceLine } from './lines';

/** A window from window text read at `base`: its ends, zone and stated length, with their spans. */
function windowOf(parsed: WindowText, base: number, source: IncidentWindow['source'], span: Span): IncidentWindow {
  return {
    source,
    span,
    start: parsed.start && toTimestamp(parsed.start, base),
    end: parsed.end && toTimestamp(parsed.end, base),
    zone: parsed.zone,
    statedMinutes: parsed.statedMinutes,
    statedSpan:
      parsed.statedOffset !== undefined && parsed.statedLength !== undefined
        ? { start: base + parsed.statedOffset, end: base + parsed.statedOffset + parsed.statedLength }
        : undefined,
  };
}

function dateFromText(value: string | undefined): CivilDate | undefined {
  if (!value) return undefined;
  const scanned = scanLeadingTimestamp(value);
  return scanned && !scanned.error ? scanned.date : undefined;
}

export function readWindow(fields: Field[], frontMatter: Record<string, string> | undefined): IncidentWindow | undefined {
  const duration = fields.find((field) => field.id === 'duration' && field.value.trim());
  const startField = fields.find((field) => field.id === 'start' && field.value.trim());
  const endField = fields.find((field) => field.id === 'end' && field.value.trim());
  const dateField = fields.find((field) => field.id === 'date');
  const fallbackDate = dateFromText(dateField?.value) ?? dateFromText(frontMatter?.date);

  let window: IncidentWindow | undefined;
  if (duration) {
    // Emphasis inside the value (`**10:00 am GMT** on **3rd June**`) is blanked, keeping offsets.
    const parsed = readWindowValue(duration.value.replace(/\*\*|__/g, '  '));
    const base = duration.valueSpan.start;
    // A value written below its label (`Duration:` then the times) is where the window is.
    const span = duration.valueSpan.start > duration.span.end ? duration.valueSpan : duration.span;
    window = { ...windowOf(parsed, base, 'duration', span), error: parsed.error };
    if (!window.start && !window.end && !window.statedMinutes && !window.error && !(startField && endField)) {
      window.error = `The duration "${duration.value.trim()}" gives no start and end time and no length.`;
    }
    if (window.start || window.error) return finishWindow(window, fallbackDate);
  }
  if (startField || endField) {
    const start = startField && scanLeadingTimestamp(startField.value);
    const end = endField && scanLeadingTimestamp(endField.value);
    window = {
      ...(window ?? {}),
      source: 'start/end',
      span: spanOver([startField, endField]),
      start: start ? toTimestamp(start, startField!.valueSpan.start) : window?.start,
      end: end ? toTimestamp(end, endField!.valueSpan.start) : window?.end,
      zone: window?.zone,
    };
    return finishWindow(window, fallbackDate);
  }
  return window && finishWindow(window, fallbackDate);
}

/**
 * The window as the time module reads it; failing that, prose with one start time, a date and a
 * length ("Started at 10:00 GMT on 3 June 2023, lasting 37 minutes") still gives a start and a length.
 */
export function readWindowValue(value: string): WindowText {
  const parsed = parseWindowText(value);
  if (!parsed.error || parsed.end) return parsed;
  // "The outage started at 11:45 AM and was resolved by 12:45 PM WAT": a sentence, not a range.
  const prose = findProseWindow(value);
  if (prose && !prose.error) return prose;
  const stamps = findTimestamps(value);
  const timed = stamps.filter((stamp) => stamp.time && !stamp.error);
  if (timed.length !== 1 || stamps.some((stamp) => stamp.error)) return parsed;
  const date = stamps.find((stamp) => stamp.date && !stamp.time)?.date;
  const stated = findLength(value, stamps);
  const start = { ...timed[0], date: timed[0].date ?? date };
  return { start, zone: start.zone, zoneText: start.zoneText, statedMinutes: stated?.minutes, statedOffset: stated?.offset, statedLength: stated?.length };
}

/** The smallest span covering the fields given (Start may come after End). */
function spanOver(fields: (Field | undefined)[]): Span {
  const present = fields.filter((field): field is Field => Boolean(field));
  return { start: Math.min(...present.map((f) => f.span.start)), end: Math.max(...present.map((f) => f.span.end)) };
}

function finishWindow(window: IncidentWindow, fallbackDate: CivilDate | undefined): IncidentWindow {
  const { start, end } = window;
  // A time read despite its error (`13:20pm`) leaves the window readable; timestamp-invalid says what is wrong.
  if (start?.error && !start.time && !window.error) window.error = start.error;
  if (end?.error && !end.time && !window.error) window.error = end.error;
  const zone = window.zone ?? start?.zone ?? end?.zone;
  window.zone = zone;
  if (start) resolve(start, start.date ?? end?.date ?? fallbackDate, zone);
  if (end) {
    resolve(end, end.date ?? start?.date ?? fallbackDate, zone);
    // `10:00 PM - 01:30 AM`: an end clock before the start with no date of its own is the next day.
    const endDateWritten = Boolean(scanLeadingTimestamp(end.raw)?.date);
    if (start?.epochMs !== undefined && end.epochMs !== undefined && end.epochMs < start.epochMs && !endDateWritten) {
      const nextDay = nextDayOf(end, zone);
      if (nextDay) setInstant(end, nextDay);
    }
  }
  return window;
}

/** Sentences of a line: split after `.`, `!` or `?` followed by a blank and a capital (not `a.m.`). */
function sentencesOf(text: string): { text: string; offset: number }[] {
  const result: { text: string; offset: number }[] = [];
  const boundary = /[.!?](?=[ \t]+[A-Z*_])/g;
  let from = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (/\b[ap]\.m$|\b(?:approx|e\.g|i\.e|vs|no)$/i.test(text.slice(Math.max(0, match.index - 6), match.index))) continue;
    result.push({ text: text.slice(from, match.index + 1), offset: from });
    from = match.index + 1;
  }
  result.push({ text: text.slice(from), offset: from });
  return result;
}

/**
 * The window written in the summary's prose (the lines given, in order): the first sentence that
 * states one. Lines of the timeline are not given: two entries there are not a window.
 */
export function readProseWindow(lines: SourceLine[], fallbackDate: CivilDate | undefined): IncidentWindow | undefined {
  for (const line of lines) {
    if (line.kind !== 'para' && line.kind !== 'item') continue;
    // Emphasis inside the text (`from **10:00** to **11:00**`) is blanked, keeping offsets.
    const plain = line.text.replace(/\*\*|__/g, '  ');
    for (const sentence of sentencesOf(plain)) {
      const parsed = findProseWindow(sentence.text);
      if (!parsed || parsed.error) continue;
      const base = line.start + sentence.offset;
      return finishWindow(windowOf(parsed, base, 'prose', { start: line.start, end: line.end }), fallbackDate);
    }
  }
  return undefined;
}
