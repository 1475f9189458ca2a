// What every converter produces: timeline entries (an instant, a text, where it came from, a phase
// guess) and what it could not read, each with the line or field. Shared by the converters in this
// folder; pure (luxon only), like the rest of the core.
import { DateTime } from 'luxon';
import type { CivilDate, Phase } from '../model';
import { phaseOf } from '../phases';
import { resolveZone, toDateTime } from '../time';

export type ImportFormat = 'slack' | 'slack-json' | 'pagerduty' | 'alertmanager' | 'syslog' | 'journalctl' | 'kubectl';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['slack', 'slack-json', 'pagerduty', 'alertmanager', 'syslog', 'journalctl', 'kubectl'];

export interface ImportedEntry {
  /** Milliseconds since the epoch. */
  epochMs: number;
  /** One line of text (no line breaks), as it will be written after the time. */
  text: string;
  /** Where it came from: `line 4`, `log_entries[2]`, `alerts[0].endsAt`. */
  source: string;
  phase?: Phase;
}

/** Something the converter could not read, and where. */
export interface ImportProblem {
  /** `line 3`, `alerts[1].startsAt`. */
  where: string;
  message: string;
}

/** What a converter was given besides the text: the date and zone for times that lack them. */
export interface ConvertOptions {
  /** The date of times written without one (a Slack copy, a syslog line's year). */
  date?: CivilDate;
  /** The zone of times written without one (luxon name). */
  zone?: string;
}

export type ConvertResult =
  | { ok: true; entries: ImportedEntry[]; problems: ImportProblem[] }
  /** `missing`: the input needs a date or zone that was not given (ask, or use a flag). */
  | { ok: false; error: string; where?: string; missing?: 'date' | 'zone' };

export type Converter = (text: string, options: ConvertOptions) => ConvertResult;

export function failure(where: string | undefined, message: string): ConvertResult {
  return { ok: false, error: where ? `${where}: ${message}` : message, where };
}

export function needs(what: 'date' | 'zone', why: string): ConvertResult {
  return { ok: false, error: why, missing: what };
}

/** Whitespace (line breaks included) collapsed: an entry is one Markdown line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function guessPhase(text: string): Phase | undefined {
  return phaseOf(text);
}

/** An RFC 3339 / ISO 8601 instant with its own offset (`2024-05-02T14:04:11.5+02:00`, `...Z`), or undefined. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(value.trim())) return undefined;
  const dateTime = DateTime.fromISO(value.trim().replace(' ', 'T'), { setZone: true });
  return dateTime.isValid ? dateTime.toMillis() : undefined;
}

/** A JSON text, or a problem naming where it broke (`line 3`). */
export function parseJson(text: string): { value: unknown } | { error: string; where?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position) {
      const line = text.slice(0, Number(position[1])).split('\n').length;
      return { error: `not valid JSON (${message})`, where: `line ${line}` };
    }
    return { error: `not valid JSON (${message})` };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A wall time (date, clock, zone) -> epoch ms, through the time module's one wall-time resolver. */
export function wallTimeMs(date: CivilDate, hour: number, minute: number, second: number, zone: string): number | undefined {
  return toDateTime(date, { hour, minute, second, clock: '24h' }, zone)?.toMillis();
}

/** A zone as written (`+0200`, `UTC`, `Europe/Paris`) -> a luxon zone, through the time module. */
export function zoneOf(text: string): string | undefined {
  return resolveZone(text.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2'));
}

// The month table is the time scanner's: one list of month names.
export { MONTHS } from '../time/scan';

/** The year that puts `month`/`day` nearest to `near` (syslog lines carry no year: December logs read in January). */
export function nearestYear(month: number, day: number, near: CivilDate): number {
  const base = DateTime.fromObject(near, { zone: 'UTC' });
  let best = near.year;
  let bestGap = Infinity;
  for (const year of [near.year - 1, near.year, near.year + 1]) {
    const candidate = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
    if (!candidate.isValid) continue;
    const gap = Math.abs(candidate.diff(base, 'days').days);
    if (gap < bestGap) [best, bestGap] = [year, gap];
  }
  return best;
}

/** Entries in time order; entries at the same instant keep their input order. */
export function sortEntries(entries: ImportedEntry[]): ImportedEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.epochMs - b.entry.epochMs || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Splits text into lines (LF or CRLF), keeping 1-based numbers. */
export function numberedLines(text: string): { number: number; text: string }[] {
  return text.split(/\r?\n/).map((line, index) => ({ number: index + 1, text: line }));
}
