// Summary fields -> the incident window: a Duration value (range, prose start with a length) or
// Start and End fields, dated from a Date field or the front matter.
import type { CivilDate, Field, IncidentWindow, Span } from '../model';
import { findLength, findTimestamps, parseWindowText, scanLeadingTimestamp, type WindowText } from '../time';
import { nextDayOf, resolve, setInstant, toTimestamp } from './instants';

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
    window = {
      source: 'duration',
      span: duration.span,
      start: parsed.start && toTimestamp(parsed.start, base),
      end: parsed.end && toTimestamp(parsed.end, base),
      zone: parsed.zone,
      statedMinutes: parsed.statedMinutes,
      statedSpan:
        parsed.statedOffset !== undefined && parsed.statedLength !== undefined
          ? { start: base + parsed.statedOffset, end: base + parsed.statedOffset + parsed.statedLength }
          : undefined,
      error: parsed.error,
    };
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
  if (start?.error && !window.error) window.error = start.error;
  if (end?.error && !window.error) window.error = end.error;
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
