// An import as the CLI and the language server run it: the format detected (or given), the date and
// zone for times that lack them taken from the document (its window's date, its timeline's or
// window's zone) unless given, the entries converted, then merged into the document's timeline, or
// rendered on their own in the default style.
import type { CivilDate } from '../model';
import { incidentMetrics } from '../metrics';
import { parse, type PhaseWords } from '../parse';
import type { Profile } from '../profiles/profile';
import { detectFormat } from './detect';
import type { ImportFormat, ImportProblem } from './entry';
import { FORMAT_LABELS, convertImport } from './convert';
import { mergeIntoTimeline, type MergeResult } from './merge';
import { renderEntries } from './render';
import { readTimelineStyle } from './style';

export interface ImportRequest {
  /** The text to import (a paste, a file's content). */
  source: string;
  format?: ImportFormat;
  /** Override the document's date and zone for times written without them. */
  date?: CivilDate;
  zone?: string;
  slackUsers?: Record<string, string>;
}

export type ImportOutcome =
  | { ok: true; format: ImportFormat; merge: MergeResult; problems: ImportProblem[] }
  | { ok: false; error: string; format?: ImportFormat; missing?: 'date' | 'zone' };

function formatOf(request: ImportRequest): { format: ImportFormat } | { ok: false; error: string } {
  const format = request.format ?? detectFormat(request.source);
  if (format) return { format };
  const known = Object.values(FORMAT_LABELS).join('; ');
  return { ok: false, error: `could not tell what format this is (known: ${known}); choose the format` };
}

/** Converts `request.source` and merges it into `documentText`'s timeline. */
export function importIntoDocument(documentText: string, profile: Profile, request: ImportRequest, phaseWords?: PhaseWords): ImportOutcome {
  const chosen = formatOf(request);
  if (!('format' in chosen)) return chosen;
  const { format } = chosen;
  const { model } = parse(documentText, profile, phaseWords);
  const metrics = incidentMetrics(model);
  const date = request.date ?? metrics.date;
  const zone = request.zone ?? metrics.zone;
  const converted = convertImport(request.source, format, { date, zone, slackUsers: request.slackUsers });
  if (!converted.ok) return { ok: false, error: converted.error, format, missing: converted.missing };
  if (!converted.entries.length) return { ok: false, error: 'nothing to import: no entries were found', format };
  const merge = mergeIntoTimeline(documentText, model, converted.entries, { profile, zone, date });
  return { ok: true, format, merge, problems: converted.problems };
}

export type StandaloneOutcome =
  | { ok: true; format: ImportFormat; lines: string[]; count: number; problems: ImportProblem[] }
  | { ok: false; error: string; format?: ImportFormat; missing?: 'date' | 'zone' };

/** Converts `request.source` into timeline lines of their own (`- 14:04 UTC: text`), date lines when they span days. */
export function importStandalone(profile: Profile, request: ImportRequest): StandaloneOutcome {
  const chosen = formatOf(request);
  if (!('format' in chosen)) return chosen;
  const { format } = chosen;
  const converted = convertImport(request.source, format, { date: request.date, zone: request.zone, slackUsers: request.slackUsers });
  if (!converted.ok) return { ok: false, error: converted.error, format, missing: converted.missing };
  const style = readTimelineStyle('', parse('', profile).model, { zone: request.zone });
  const { lines } = renderEntries(converted.entries, style);
  return { ok: true, format, lines, count: converted.entries.length, problems: converted.problems };
}
