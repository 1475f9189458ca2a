// How a document's timeline is written, read from its own entries: list, table or plain lines; the
// markup around the time; 12- or 24-hour clock; seconds; the zone written after times (and so the
// zone new entries are converted into); dates in each entry or on date lines of their own. Imported
// entries are written the same way. A document without entries gets `- 14:04 UTC: text`.
import { DateTime } from 'luxon';
import type { CivilDate, PostmortemModel, TimelineEntry } from '../model';
import { incidentMetrics } from '../metrics';
import { scanLeadingTimestamp } from '../time';

export type DateFormat = 'yyyy-MM-dd' | 'MMMM d, yyyy' | 'MMM d, yyyy' | 'd MMMM yyyy' | 'd MMM yyyy';

export interface TimelineStyle {
  form: 'list' | 'table' | 'line';
  /** What comes before the time (`- `, `- **`, `| `), and between the time and the text (`: `, `** - `, ` | `). */
  prefix: string;
  between: string;
  /** Table rows: what follows the text cell (` |`, ` | |` for a third column). */
  suffix: string;
  clock: '12h' | '24h';
  /** 12-hour clocks: `09:05 AM` rather than `9:05 AM`; `am` in lower case; no blank before it. */
  padHour: boolean;
  lowerMeridiem: boolean;
  meridiemGlued: boolean;
  seconds: boolean;
  /** The zone times are written in (luxon name). */
  zone: string;
  /** Written after each time (`UTC`, `EAT`); `offset` writes `UTC+03:00` from the instant; none when the timeline declares its zone. */
  zoneSuffix?: string | 'offset';
  /** Each entry carries its date (`2024-05-02 14:04 UTC`), in this format, with this between date and clock. */
  datesInEntries: boolean;
  dateFormat: DateFormat;
  dateClockBetween: string;
  /** Date lines: what surrounds the date (`**…**`, `### …`). */
  dateLine: { prefix: string; suffix: string; format: DateFormat };
  /** The date the timeline's first entries are on when no date line says otherwise (the window's). */
  baseDate?: CivilDate;
  eol: string;
}

export interface StyleFallback {
  /** Zone when the document has none (luxon name), and how to write it (`EAT`); default: its offset. */
  zone?: string;
  zoneText?: string;
  date?: CivilDate;
}

function majority<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

export function dateFormatOf(raw: string): DateFormat {
  if (/^\s*(?:[A-Za-z]+\.?,?\s+)?\d{4}[-/]/.test(raw)) return 'yyyy-MM-dd';
  const dayFirst = /^\s*(?:[A-Za-z]+\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+([A-Za-z]+)/.exec(raw);
  if (dayFirst) return dayFirst[1].length > 3 ? 'd MMMM yyyy' : 'd MMM yyyy';
  const monthFirst = /^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?([A-Za-z]+)/i.exec(raw);
  if (monthFirst) return monthFirst[1].length > 3 ? 'MMMM d, yyyy' : 'MMM d, yyyy';
  return 'yyyy-MM-dd';
}

/** Lines in the timeline that hold a date and nothing else (`**May 2, 2024**`, `### 2024-05-02`). */
export interface DateLine {
  start: number;
  end: number;
  date: CivilDate;
  prefix: string;
  suffix: string;
  raw: string;
}

const LEAD = /^(?:\s|#|>|\*\*|__|[*_])*/;

export function dateLinesIn(text: string, from: number, to: number): DateLine[] {
  const found: DateLine[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    const line = text.slice(start, end).replace(/\r$/, '');
    const lead = LEAD.exec(line)?.[0].length ?? 0;
    const scanned = lead < line.length ? scanLeadingTimestamp(line.slice(lead)) : undefined;
    if (scanned?.date && !scanned.time && !scanned.error) {
      const after = line.slice(lead + scanned.offset + scanned.length);
      if (/^[\s*_:#]*$/.test(after)) {
        found.push({ start, end: start + line.length, date: scanned.date, prefix: line.slice(0, lead + scanned.offset), suffix: after, raw: scanned.raw });
      }
    }
    start = end + 1;
  }
  return found;
}

/** Where the line holding `offset` starts (a list item's span starts after its marker). */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function templateOf(text: string, entry: TimelineEntry): { prefix: string; between: string; suffix: string } {
  const lineStart = lineStartOf(text, entry.span.start);
  const line = text.slice(lineStart, entry.span.end);
  const a = entry.timestamp.span.start - lineStart;
  const b = entry.timestamp.span.end - lineStart;
  const prefix = line.slice(0, a);
  if (entry.form === 'table-row') {
    const pipe = line.indexOf('|', b);
    const between = pipe >= 0 ? `${line.slice(b, pipe + 1).trimEnd()} ` : ' | ';
    // Cells after the text cell stay empty; a row without a closing pipe gets none.
    const cells = line.slice(pipe + 1).split(/(?<!\\)\|/).length - 1;
    const closing = line.trimEnd().endsWith('|');
    const extra = Math.max(0, cells - (closing ? 1 : 0));
    return { prefix, between, suffix: ' |'.repeat(extra) + (closing ? ' |' : '') };
  }
  const at = entry.text ? line.indexOf(entry.text, b) : -1;
  const between = at > b ? line.slice(b, at) : ': ';
  return { prefix: entry.form === 'heading' ? '- ' : prefix, between, suffix: '' };
}

/** The luxon zone and the suffix to write, from what the entries and the document say. */
function zoneOf(model: PostmortemModel, fallback: StyleFallback, timed: TimelineEntry[]): { zone: string; zoneSuffix?: string } {
  const written = timed.filter((entry) => entry.timestamp.zoneText && entry.timestamp.zone);
  if (timed.length && written.length * 2 >= timed.length) {
    const text = majority(written.map((entry) => entry.timestamp.zoneText!))!;
    const zone = written.find((entry) => entry.timestamp.zoneText === text)!.timestamp.zone!;
    return { zone, zoneSuffix: text };
  }
  const documentZone = incidentMetrics(model).zone;
  // Entries written without zones: so are the new ones, in the document's zone (or the one given).
  if (timed.length) return { zone: documentZone ?? fallback.zone ?? 'UTC' };
  if (model.timelineZone) return { zone: model.timelineZone };
  const zone = documentZone ?? fallback.zone ?? 'UTC';
  const windowText = model.window?.start?.zoneText ?? model.window?.end?.zoneText;
  if (windowText && model.window?.zone === zone) return { zone, zoneSuffix: windowText };
  if (fallback.zoneText && zone === fallback.zone) return { zone, zoneSuffix: fallback.zoneText };
  return { zone, zoneSuffix: zone === 'UTC' ? 'UTC' : 'offset' };
}

export function readTimelineStyle(text: string, model: PostmortemModel, fallback: StyleFallback = {}): TimelineStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const timed = model.entries.filter((entry) => entry.timestamp.time && !entry.timestamp.error);
  const forms = timed.map((entry) => (entry.form === 'table-row' ? 'table' : entry.form === 'line' ? 'line' : 'list'));
  const form = majority(forms) ?? 'list';
  const sample = [...timed].reverse().find((entry) => (entry.form === 'table-row' ? 'table' : entry.form === 'line' ? 'line' : 'list') === form);
  const template = sample ? templateOf(text, sample) : { prefix: '- ', between: ': ', suffix: '' };
  // An ordered list is numbered from its first item: new items carry that number, so one put first
  // does not renumber the list (`2.` before `1.` would start it at 2).
  const ordered = /^(\s*)\d{1,9}([.)])/.exec(template.prefix);
  const firstItem = ordered && timed.find((entry) => entry.form === 'list-item');
  const firstNumber = firstItem && /^\s*(\d{1,9})[.)]/.exec(text.slice(lineStartOf(text, firstItem.span.start), firstItem.span.start));
  if (ordered && firstNumber) template.prefix = template.prefix.replace(/\d{1,9}/, firstNumber[1]);
  const raws = timed.map((entry) => entry.timestamp.raw);
  const clock = majority(timed.map((entry) => entry.timestamp.time!.clock)) ?? '24h';
  const twelve = raws.filter((_, i) => timed[i].timestamp.time!.clock === '12h');
  const metrics = incidentMetrics(model);
  const { zone, zoneSuffix } = zoneOf(model, fallback, timed);
  const dated = timed.filter((entry) => entry.timestamp.date);
  const datedSample = dated.length ? scanLeadingTimestamp(dated[dated.length - 1].timestamp.raw) : undefined;
  const timeline = model.sections.find((section) => section.canonical === 'timeline');
  const dateLines = timeline ? dateLinesIn(text, timeline.bodySpan.start, timeline.bodySpan.end) : [];
  const lastDateLine = dateLines[dateLines.length - 1];
  let dateClockBetween = ' ';
  if (datedSample?.dateAt && datedSample.clockAt) {
    dateClockBetween = datedSample.raw.slice(datedSample.dateAt.offset + datedSample.dateAt.length, datedSample.clockAt.offset) || ' ';
  }
  const windowStart = model.window?.start;
  const baseDate = metrics.date ?? (windowStart?.instant && !windowStart.dateAssumed ? civilDate(windowStart.epochMs!, zone) : undefined) ?? fallback.date;
  return {
    form,
    prefix: template.prefix,
    between: template.between,
    suffix: template.suffix,
    clock,
    padHour: twelve.some((raw) => /^0\d/.test(clockPart(raw))),
    lowerMeridiem: twelve.some((raw) => /\d\s?(?:am|pm|a\.m\.|p\.m\.)/.test(raw)),
    meridiemGlued: twelve.length > 0 && twelve.every((raw) => /\d(?:am|pm|AM|PM)/.test(raw)),
    seconds: timed.some((entry) => entry.timestamp.time!.second !== 0 || /\d:\d\d:\d\d/.test(entry.timestamp.raw)),
    zone,
    zoneSuffix,
    datesInEntries: timed.length > 0 && dated.length * 2 > timed.length,
    dateFormat: datedSample ? dateFormatOf(datedSample.raw) : 'yyyy-MM-dd',
    dateClockBetween,
    dateLine: lastDateLine
      ? { prefix: lastDateLine.prefix, suffix: lastDateLine.suffix, format: dateFormatOf(lastDateLine.raw) }
      : { prefix: '**', suffix: '**', format: 'yyyy-MM-dd' },
    baseDate,
    eol,
  };
}

function clockPart(raw: string): string {
  const scanned = scanLeadingTimestamp(raw);
  return scanned?.clockAt ? raw.slice(scanned.clockAt.offset) : raw;
}

export function civilDate(epochMs: number, zone: string): CivilDate {
  const dateTime = DateTime.fromMillis(epochMs, { zone });
  return { year: dateTime.year, month: dateTime.month, day: dateTime.day };
}
