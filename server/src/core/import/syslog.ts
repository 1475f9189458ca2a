// syslog lines: RFC 3164 (`<34>May  2 14:04:11 host app[42]: text`, no year and no zone: they come
// from the options) and RFC 5424 (`<165>1 2024-05-02T14:04:11.003Z host app 42 ID47 - text`). The
// line reader is shared with journalctl.ts, whose short output has the RFC 3164 shape.
import type { CivilDate } from '../model';
import {
  MONTHS,
  failure,
  guessPhase,
  nearestYear,
  needs,
  numberedLines,
  oneLine,
  parseInstant,
  wallTimeMs,
  type ConvertOptions,
  type ConvertResult,
  type ImportedEntry,
} from './entry';

/** `<34>May  2 14:04:11 host rest`, `May 02 14:04:11.123456 host rest` (journalctl short, short-precise). */
export const BSD_LINE_RE = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d{1,6})? (\S+) (.*)$/;
/** `<165>1 2024-05-02T14:04:11.003Z host app procid msgid [sd] text`: RFC 5424. */
export const RFC5424_LINE_RE = /^<(\d{1,3})>(\d{1,2}) (\S+) (\S+) (\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: (.*))?$/;
/** `2024-05-02T16:04:11+0200 host rest` (journalctl short-iso), `2024-05-02T14:04:11.5Z host rest` (rsyslog). */
export const ISO_LINE_RE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) (\S+) (.*)$/;

/** `app[42]: text` -> `app: text`; a line without a tag is kept as it is. */
function tagged(rest: string): string {
  const match = /^([^\s:[\]]{1,64})(?:\[\d+\])?: ?(.*)$/.exec(rest);
  return match ? `${match[1]}: ${match[2]}` : rest;
}

/** The ISO head with an offset written `+0200` (journalctl) made RFC 3339. */
function isoInstant(text: string): number | undefined {
  return parseInstant(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

export interface LogLine {
  epochMs?: number;
  /** RFC 3164 shape: no year, no zone; the wall time to resolve with the options. */
  wall?: { month: number; day: number; hour: number; minute: number; second: number };
  text: string;
}

/** One log line read, or undefined when it has none of the shapes above. */
export function readLogLine(line: string): LogLine | undefined {
  let m = RFC5424_LINE_RE.exec(line);
  if (m) {
    const epochMs = m[3] === '-' ? undefined : parseInstant(m[3]);
    if (epochMs === undefined) return undefined;
    const host = m[4] === '-' ? '' : m[4];
    const app = m[5] === '-' ? '' : m[5];
    const message = (m[9] ?? '').replace(/^\uFEFF/, '');
    return { epochMs, text: [host, app && `${app}:`, message].filter(Boolean).join(' ') };
  }
  m = ISO_LINE_RE.exec(line);
  if (m) {
    const epochMs = isoInstant(m[1]);
    return epochMs === undefined ? undefined : { epochMs, text: `${m[2]} ${tagged(m[3])}` };
  }
  m = BSD_LINE_RE.exec(line);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    if (!month) return undefined;
    return { wall: { month, day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) }, text: `${m[7]} ${tagged(m[8])}` };
  }
  return undefined;
}

export interface LogOptions extends ConvertOptions {
  /** Lines to pass over (journalctl's `-- Boot … --` markers). */
  skip?: RegExp;
  /** What to call a line that cannot be read, in messages. */
  what: string;
}

/** Every line an entry; indented lines continue the one above (a multi-line message). */
export function convertLogLines(text: string, options: LogOptions): ConvertResult {
  const read: { line: number; log: LogLine }[] = [];
  for (const { number, text: line } of numberedLines(text)) {
    if (!line.trim() || options.skip?.test(line)) continue;
    const log = readLogLine(line);
    if (log) {
      read.push({ line: number, log });
      continue;
    }
    if (/^\s/.test(line) && read.length) {
      read[read.length - 1].log.text += ` ${line.trim()}`;
      continue;
    }
    return failure(`line ${number}`, `"${line.trim().slice(0, 60)}" is not ${options.what}`);
  }
  if (!read.length) return failure(undefined, `no ${options.what} found`);
  const walls = read.some(({ log }) => log.wall);
  if (walls && !options.zone) return needs('zone', 'these log lines carry no time zone');
  if (walls && !options.date) return needs('date', 'these log lines carry no year');
  const entries: ImportedEntry[] = [];
  for (const { line, log } of read) {
    let epochMs = log.epochMs;
    if (log.wall) {
      const { month, day, hour, minute, second } = log.wall;
      const date: CivilDate = { year: nearestYear(month, day, options.date!), month, day };
      epochMs = wallTimeMs(date, hour, minute, second, options.zone!);
      if (epochMs === undefined) return failure(`line ${line}`, 'the date does not exist');
    }
    const body = oneLine(log.text);
    entries.push({ epochMs: epochMs!, text: body, source: `line ${line}`, phase: guessPhase(body) });
  }
  return { ok: true, entries, problems: [] };
}

export function convertSyslog(text: string, options: ConvertOptions): ConvertResult {
  return convertLogLines(text, { ...options, what: 'a syslog line (RFC 3164 "May  2 14:04:11 host app: text" or RFC 5424)' });
}
