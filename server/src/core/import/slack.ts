// Slack, copied from the app: `Name  [11:22 AM]` (or `Name  11:22 AM`) header lines, `[16:00]`
// lines for the next message of the same person, continuation lines, "(edited)" marks and day
// dividers (`Thursday, May 2nd`, `Today`). The text has no date or zone: they come from the options.
import type { CivilDate } from '../model';
import { addDays } from '../time';
import { MONTHS, failure, guessPhase, needs, numberedLines, oneLine, wallTimeMs, type ConvertOptions, type ConvertResult, type ImportedEntry } from './entry';

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp])\.?[Mm]\.?)?`;
/**
 * `Alice Smith  [11:22 AM]`, `Alice Smith  11:22 AM`, `Alice (she/her) [16:00]`: a bracketed time, or
 * two blanks before it (as Slack copies), so that a message line ending "at 11:30" is not a header.
 */
export const SLACK_HEADER_RE = new RegExp(String.raw`^\s*(\S(?:.{0,80}?\S)?)(?:\s+\[${TIME}\]|(?:\s{2,}|\t)${TIME})\s*$`);
/** `[11:24 AM]` alone, or `[11:24 AM] more text`: the same person again. */
export const SLACK_BARE_TIME_RE = new RegExp(String.raw`^\s*\[${TIME}\]\s*(.*)$|^\s*${TIME}\s*$`);
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
/** `Thursday, May 2nd`, `May 2nd, 2024`, `----- Today -----`. */
export const SLACK_DIVIDER_RE = new RegExp(
  String.raw`^\s*-*\s*(?:(today|yesterday)|(?:${WEEKDAY},?\s+)?${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?)\s*-*\s*$`,
  'i',
);
const EDITED_RE = /\s*\(edited\)\s*$/i;
/** Thread and reaction chrome that copying brings along: `3 replies`, `View thread`, `:+1: 2`. */
const CHROME_RE = /^\s*(?:\d+ repl(?:y|ies)(?:\s+last reply.*)?|view thread|view newer replies|:[a-z0-9_+-]+:\s*\d+(?:\s+:[a-z0-9_+-]+:\s*\d+)*)\s*$/i;

function hour24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  return (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
}

function clockProblem(hour: number, minute: number, second: number, meridiem: string | undefined): string | undefined {
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return 'the hour is out of range';
  if (minute > 59 || second > 59) return 'the minutes or seconds are out of range';
  return undefined;
}

interface Message {
  author?: string;
  date: CivilDate | undefined;
  hour: number;
  minute: number;
  second: number;
  lines: string[];
  line: number;
}

export function convertSlack(text: string, options: ConvertOptions): ConvertResult {
  const messages: Message[] = [];
  let author: string | undefined;
  let date: CivilDate | undefined = options.date;
  let current: Message | undefined;
  let dividerSeen = false;
  let lastMinutes = -1;

  const start = (
    lineNumber: number,
    who: string | undefined,
    h: string,
    m: string,
    s: string | undefined,
    meridiem: string | undefined,
  ): string | undefined => {
    const [hour, minute, second] = [Number(h), Number(m), Number(s ?? 0)];
    const problem = clockProblem(hour, minute, second, meridiem);
    if (problem) return problem;
    const hour24Value = hour24(hour, meridiem);
    // No divider between two messages, yet the clock went back: the conversation crossed midnight.
    const minutes = hour24Value * 60 + minute;
    if (date && lastMinutes >= 0 && minutes < lastMinutes) date = addDays(date, 1);
    lastMinutes = minutes;
    current = { author: who, date, hour: hour24Value, minute, second, lines: [], line: lineNumber };
    messages.push(current);
    return undefined;
  };

  for (const { number, text: raw } of numberedLines(text)) {
    const line = raw.replace(EDITED_RE, '');
    if (!line.trim() || CHROME_RE.test(line)) continue;
    const divider = SLACK_DIVIDER_RE.exec(line);
    if (divider && (!current || !current.lines.length || messages.length === 0 || dividerLike(raw))) {
      const relative = divider[1]?.toLowerCase();
      if (relative) {
        if (!options.date) return needs('date', `line ${number}: the day divider "${line.trim()}" needs the date it stands for`);
        // "Today" is the document's date; "Yesterday" the day before it.
        date = relative === 'today' ? options.date : addDays(options.date, -1);
      } else {
        const month = MONTHS[divider[2].slice(0, 3).toLowerCase()];
        const day = Number(divider[3]);
        const year = divider[4] ? Number(divider[4]) : options.date?.year;
        if (year === undefined) return needs('date', `line ${number}: the day divider "${line.trim()}" has no year`);
        date = { year, month, day };
      }
      dividerSeen = true;
      lastMinutes = -1;
      current = undefined;
      continue;
    }
    const header = SLACK_HEADER_RE.exec(line);
    if (header && !/^\[/.test(line.trim())) {
      author = header[1].replace(/\s*\(.*\)$/, '').trim();
      const [h, m, sec, meridiem] = header[2] !== undefined ? header.slice(2, 6) : header.slice(6, 10);
      const problem = start(number, author, h, m, sec, meridiem);
      if (problem) return failure(`line ${number}`, `"${line.trim()}": ${problem}`);
      continue;
    }
    const bare = SLACK_BARE_TIME_RE.exec(line);
    if (bare) {
      const [h, m, s, meridiem, rest] = bare[1] !== undefined ? [bare[1], bare[2], bare[3], bare[4], bare[5]] : [bare[6], bare[7], bare[8], bare[9], ''];
      const problem = start(number, author, h, m, s, meridiem);
      if (problem) return failure(`line ${number}`, `"${line.trim()}": ${problem}`);
      if (rest?.trim()) current!.lines.push(rest.trim());
      continue;
    }
    if (!current) {
      return failure(
        `line ${number}`,
        `"${line.trim().slice(0, 60)}" is not a Slack message header (expected a name and a time, like "Alice Smith  11:22 AM")`,
      );
    }
    current.lines.push(line.trim());
  }
  if (!messages.length) return failure(undefined, 'no Slack messages found (expected lines like "Alice Smith  11:22 AM" followed by the message)');
  if (!options.zone) return needs('zone', 'Slack copies carry no time zone');
  if (messages.some((m) => !m.date))
    return needs('date', dividerSeen ? 'the messages before the first day divider have no date' : 'Slack copies carry no date');

  const entries: ImportedEntry[] = [];
  for (const message of messages) {
    const body = oneLine(message.lines.join(' '));
    if (!body) continue;
    const epochMs = wallTimeMs(message.date!, message.hour, message.minute, message.second, options.zone);
    if (epochMs === undefined) return failure(`line ${message.line}`, 'the time cannot be placed on its date');
    const text = message.author ? `${message.author}: ${body}` : body;
    entries.push({ epochMs, text, source: `line ${message.line}`, phase: guessPhase(body) });
  }
  return { ok: true, entries, problems: [] };
}

/** A divider line written as one (`--- Today ---`, a weekday): not a message that happens to say "May 2". */
function dividerLike(raw: string): boolean {
  return /^\s*-|today|yesterday|day,/i.test(raw);
}
