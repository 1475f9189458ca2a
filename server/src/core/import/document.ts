// An import as the CLI and the language server run it: each source's format detected (or given),
// the date and zone for times that lack them taken from the document (its window's date, its
// timeline's or window's zone) unless given, the entries converted, then merged into the
// document's timeline or rendered on their own in the default style. Any unreadable part fails the
// whole import, naming the source and the line or field: nothing half-imported.
import type { CivilDate } from '../model';
import { incidentMetrics } from '../metrics';
import { parse } from '../parse';
import type { PhaseWords } from '../phases';
import type { Profile } from '../profiles/profile';
import { detectFormat } from './detect';
import { sortEntries, type ImportFormat, type ImportedEntry } from './entry';
import { FORMAT_LABELS, convertImport } from './convert';
import { mergeIntoTimeline, type MergeResult } from './merge';
import { renderEntries } from './render';
import { readTimelineStyle } from './style';

export interface ImportSource {
  /** The text to import (a paste, a file's content). */
  text: string;
  format?: ImportFormat;
  /** How to name it in messages (a file name); none for a single paste. */
  name?: string;
  /** Slack export user ids -> names (users.json). */
  slackUsers?: Record<string, string>;
}

export interface ImportRequest {
  sources: ImportSource[];
  /** Override the document's date and zone for times written without them. */
  date?: CivilDate;
  zone?: string;
  /** `zone` as the user wrote it (`EAT`), to write after times when the document names no zone. */
  zoneText?: string;
}

export type ImportFailure = { ok: false; error: string; format?: ImportFormat; missing?: 'date' | 'zone' };

export type ImportOutcome = { ok: true; formats: ImportFormat[]; merge: MergeResult } | ImportFailure;

export type StandaloneOutcome = { ok: true; formats: ImportFormat[]; lines: string[]; entries: ImportedEntry[] } | ImportFailure;

const KNOWN = Object.values(FORMAT_LABELS).join('; ');

/** A source in no format it can tell, checked before the document is parsed (most pastes are prose). */
function undetected(request: ImportRequest): ImportFailure | undefined {
  const source = request.sources.find((s) => !s.format && !detectFormat(s.text));
  if (!source) return undefined;
  const message = `could not tell what format this is (known: ${KNOWN}); choose the format`;
  return { ok: false, error: source.name ? `${source.name}: ${message}` : message };
}

function convertAll(
  request: ImportRequest,
  date: CivilDate | undefined,
  zone: string | undefined,
): { entries: ImportedEntry[]; formats: ImportFormat[] } | ImportFailure {
  const entries: ImportedEntry[] = [];
  const formats: ImportFormat[] = [];
  for (const source of request.sources) {
    const named = (message: string) => (source.name ? `${source.name}: ${message}` : message);
    const format = source.format ?? detectFormat(source.text);
    if (!format) return { ok: false, error: named(`could not tell what format this is (known: ${KNOWN}); choose the format`) };
    const converted = convertImport(source.text, format, { date, zone, slackUsers: source.slackUsers });
    if (!converted.ok) return { ok: false, error: named(converted.error), format, missing: converted.missing };
    if (converted.problems.length) {
      const [first] = converted.problems;
      const more = converted.problems.length > 1 ? ` (and ${converted.problems.length - 1} more)` : '';
      return { ok: false, error: named(`${first.where}: ${first.message}${more}`), format };
    }
    formats.push(format);
    entries.push(...converted.entries);
  }
  if (!entries.length) return { ok: false, error: 'nothing to import: no entries were found', format: formats[0] };
  return { entries: sortEntries(entries), formats };
}

/** Converts the sources and merges them into `documentText`'s timeline. */
export function importIntoDocument(documentText: string, profile: Profile, request: ImportRequest, phaseWords?: PhaseWords): ImportOutcome {
  const unknown = undetected(request);
  if (unknown) return unknown;
  const { model } = parse(documentText, profile, phaseWords);
  const metrics = incidentMetrics(model);
  const date = request.date ?? metrics.date;
  const zone = request.zone ?? metrics.zone;
  const converted = convertAll(request, date, zone);
  if ('ok' in converted) return converted;
  const merge = mergeIntoTimeline(documentText, model, converted.entries, { profile, zone, date, zoneText: request.zone ? request.zoneText : undefined });
  return { ok: true, formats: converted.formats, merge };
}

/** Converts the sources into timeline lines of their own (`- 14:04 UTC: text`), date lines when they span days. */
export function importStandalone(profile: Profile, request: ImportRequest): StandaloneOutcome {
  const converted = convertAll(request, request.date, request.zone);
  if ('ok' in converted) return converted;
  const style = readTimelineStyle('', parse('', profile).model, { zone: request.zone, zoneText: request.zoneText });
  const { lines } = renderEntries(converted.entries, style);
  return { ok: true, formats: converted.formats, lines, entries: converted.entries };
}
