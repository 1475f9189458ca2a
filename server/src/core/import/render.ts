// Imported entries as Markdown timeline lines in a timeline's style (style.ts): the time in the
// timeline's zone and clock, the zone suffix it uses, and a date line (or a date in each entry, for
// tables and dated timelines) wherever the date changes from the one the lines follow.
import { DateTime } from 'luxon';
import type { CivilDate } from '../model';
import type { ImportedEntry } from './entry';
import { civilDate, type DateFormat, type TimelineStyle } from './style';

const sameDate = (a: CivilDate | undefined, b: CivilDate | undefined) => Boolean(a && b && a.year === b.year && a.month === b.month && a.day === b.day);

export function formatDate(date: CivilDate, format: DateFormat): string {
  return DateTime.fromObject(date, { zone: 'UTC', locale: 'en-US' }).toFormat(format);
}

/** The clock (and zone suffix) of an instant, as the style writes it. */
export function formatClock(epochMs: number, style: TimelineStyle): string {
  const dateTime = DateTime.fromMillis(epochMs, { zone: style.zone, locale: 'en-US' });
  const seconds = style.seconds ? ':ss' : '';
  let clock: string;
  if (style.clock === '12h') {
    const meridiem = dateTime.hour < 12 ? 'AM' : 'PM';
    clock = `${dateTime.toFormat(`${style.padHour ? 'hh' : 'h'}:mm${seconds}`)}${style.meridiemGlued ? '' : ' '}${style.lowerMeridiem ? meridiem.toLowerCase() : meridiem}`;
  } else {
    clock = dateTime.toFormat(`HH:mm${seconds}`);
  }
  if (style.zoneSuffix === 'offset') clock += dateTime.offset === 0 ? ' UTC' : ` UTC${dateTime.toFormat('ZZ')}`;
  else if (style.zoneSuffix) clock += ` ${style.zoneSuffix}`;
  return clock;
}

/** Table cells cannot hold a pipe; the text is one line already. */
function cellText(text: string, style: TimelineStyle): string {
  return style.form === 'table' ? text.replace(/(?<!\\)\|/g, '\\|') : text;
}

export function entryLine(entry: ImportedEntry, style: TimelineStyle, withDate: boolean): string {
  const date = withDate ? `${formatDate(civilDate(entry.epochMs, style.zone), style.dateFormat)}${style.dateClockBetween}` : '';
  return `${style.prefix}${date}${formatClock(entry.epochMs, style)}${style.between}${cellText(entry.text, style)}${style.suffix}`;
}

export function dateLineText(date: CivilDate, style: TimelineStyle): string {
  return `${style.dateLine.prefix}${formatDate(date, style.dateLine.format)}${style.dateLine.suffix}`;
}

export interface RenderContext {
  /** The date the lines follow (the entry above them, or the timeline's base date); none: unknown. */
  date?: CivilDate;
  /** A date line must have a blank line before it (it would otherwise continue the list item above). */
  afterEntry?: boolean;
}

/**
 * Lines for `entries` (in time order). Lists and plain lines get a date line where the date
 * changes (and before the first entry when they span days and the context has no date); tables
 * and timelines whose entries carry dates get the date in the entry instead.
 */
export function renderEntries(entries: ImportedEntry[], style: TimelineStyle, context: RenderContext = {}): { lines: string[]; lastDate?: CivilDate } {
  const lines: string[] = [];
  let current = context.date;
  const spansDays = entries.some((entry) => !sameDate(civilDate(entry.epochMs, style.zone), civilDate(entries[0].epochMs, style.zone)));
  const inline = style.datesInEntries || style.form === 'table';
  let afterEntry = Boolean(context.afterEntry);
  for (const entry of entries) {
    const date = civilDate(entry.epochMs, style.zone);
    const changes = current ? !sameDate(current, date) : spansDays;
    if (inline) {
      lines.push(entryLine(entry, style, style.datesInEntries || changes));
    } else {
      if (changes) {
        if (afterEntry) lines.push('');
        lines.push(dateLineText(date, style), '');
      }
      lines.push(entryLine(entry, style, false));
    }
    current = date;
    afterEntry = true;
  }
  return { lines, lastDate: current };
}
