// What the document says about the date and zone of its timeline, wherever it says it: the window,
// a "Date:" field or the front matter, the title, the summary's prose ("On June 9th, 2024 ..."),
// a zone declared for the timeline, in its heading ("Timeline (GMT)") or anywhere ("All times PDT."),
// or the zone written on the summary's times. Entries use these when they carry no date or zone.
import type { CivilDate, IncidentWindow, Section } from '../model';
import { civilDateOf, findFirstTimestamp, findZoneDeclaration, matchZoneAt, scanLeadingTimestamp } from '../time';
import type { SourceLine } from './lines';

export interface TimelineDefaults {
  /** The date of entries with none written (until a date line or a written date changes it). */
  date?: CivilDate;
  /** The year of month-and-day dates written without one (`January 10`). */
  year?: number;
  /** The zone of entries with none written. */
  zone?: string;
  /** The zone the timeline declares for itself (its heading or an "all times ..." sentence). */
  declaredZone?: string;
}

/** A zone written in a heading's own words: `Timeline (GMT)`, `Timeline - all times in UTC`. */
function headingZone(title: string): string | undefined {
  const declared = findZoneDeclaration(title);
  if (declared) return declared.zone;
  for (let i = 0; i < title.length; i++) {
    if (!/[A-Z(]/.test(title[i]) || (i > 0 && /[A-Za-z0-9]/.test(title[i - 1]))) continue;
    const zone = matchZoneAt(title, i);
    if (zone?.zone && zone.start === i && !/[A-Za-z0-9]/.test(title[zone.end] ?? ' ')) return zone.zone;
  }
  return undefined;
}

function firstFullDate(text: string): CivilDate | undefined {
  return findFirstTimestamp(text, (stamp) => Boolean(stamp.date && !stamp.error))?.date;
}

function firstZone(text: string): string | undefined {
  return findFirstTimestamp(text, (stamp) => Boolean(stamp.time && stamp.zone && !stamp.error))?.zone;
}

export function dateFromText(value: string | undefined): CivilDate | undefined {
  if (!value) return undefined;
  const scanned = scanLeadingTimestamp(value);
  return scanned && !scanned.error ? scanned.date : undefined;
}

/**
 * The defaults for the timeline's entries. `prose` are the lines before the timeline that describe
 * the incident (the summary, or the opening lines), `titleText` the document's first line or title.
 */
export function timelineDefaults(
  text: string,
  timeline: Section | undefined,
  window: IncidentWindow | undefined,
  prose: SourceLine[],
  titleText: string,
  fallbackDate: CivilDate | undefined,
): TimelineDefaults {
  const proseText = prose
    .map((line) => line.text)
    .join('\n')
    .slice(0, 20_000);
  const timelineText = timeline ? text.slice(timeline.bodySpan.start, Math.min(timeline.bodySpan.end, timeline.bodySpan.start + 20_000)) : '';

  const windowStart = window?.start;
  const windowDate = windowStart && !windowStart.dateAssumed && windowStart.instant ? civilDateOf(windowStart.instant) : undefined;
  const date = windowDate ?? fallbackDate ?? firstFullDate(titleText) ?? firstFullDate(proseText);
  const year = date?.year ?? firstFullDate(text.slice(0, 20_000))?.year;

  const declaredZone = findZoneDeclaration(timelineText)?.zone ?? (timeline ? headingZone(timeline.title) : undefined);
  const zone = declaredZone ?? window?.zone ?? findZoneDeclaration(text.slice(0, 20_000))?.zone ?? firstZone(proseText);
  return { date, year, zone, declaredZone };
}
