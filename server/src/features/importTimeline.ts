// `postmortem/importTimeline`: the core's converters and merge (core/import) for an open document,
// answered as LSP ranges. The client shows, asks and applies; it never converts anything itself.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FORMAT_LABELS, IMPORT_FORMATS, importIntoDocument, isImportFormat, type ImportFormat } from '../core/import';
import { formatClock } from '../core/import/render';
import type { CivilDate } from '../core/model';
import type { Profile } from '../core/profiles';
import type { PhaseWords } from '../core/phases';
import { resolveZone, scanLeadingTimestamp } from '../core/time';
import type { ImportFormat as ProtocolFormat, ImportTimelineParams, ImportTimelineResult } from '../../../common/protocol';
import { toRange } from './convert';

const FORMATS = IMPORT_FORMATS.map((id) => ({ id, label: FORMAT_LABELS[id] }));

// The protocol names the formats for the client without importing the core: the two lists must agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const FORMATS_AGREE: Same<ImportFormat, ProtocolFormat> = true;
void FORMATS_AGREE;

/** A refusal before anything was converted (the document is not open, not a postmortem). */
export function importRefused(error: string): ImportTimelineResult {
  return { ok: false, error, formats: FORMATS };
}

/** At most this much text is imported at once (a paste of a whole log is refused, not frozen on). */
const MAX_IMPORT_CHARS = 5_000_000;

function dateOf(text: string): CivilDate | undefined {
  const scanned = /^\d{4}-\d\d-\d\d$/.test(text.trim()) ? scanLeadingTimestamp(text) : undefined;
  return scanned && !scanned.error && !scanned.time ? scanned.date : undefined;
}

export function importTimeline(
  document: TextDocument,
  profile: Profile,
  phaseWords: PhaseWords | undefined,
  params: ImportTimelineParams,
): ImportTimelineResult {
  const fail = (error: string, extra: { missing?: 'date' | 'zone' } = {}): ImportTimelineResult => ({ ok: false, error, formats: FORMATS, ...extra });
  if (typeof params?.text !== 'string' || !params.text.trim()) return fail('There is nothing to import.');
  if (params.text.length > MAX_IMPORT_CHARS)
    return fail(
      `The text is ${params.text.length.toLocaleString('en-US')} characters, more than the ${MAX_IMPORT_CHARS.toLocaleString('en-US')} an import takes.`,
    );
  if (params.format !== undefined && !isImportFormat(params.format)) return fail(`Unknown format "${String(params.format)}".`);
  const date = params.date?.trim() ? dateOf(params.date) : undefined;
  if (params.date?.trim() && !date) return fail(`"${params.date}" is not a date (expected YYYY-MM-DD).`, { missing: 'date' });
  const zone = params.zone?.trim() ? resolveZone(params.zone) : undefined;
  if (params.zone?.trim() && !zone) return fail(`"${params.zone}" is not a time zone (expected UTC, EAT, Europe/Paris, +03:00 ...).`, { missing: 'zone' });
  const outcome = importIntoDocument(
    document.getText(),
    profile,
    { sources: [{ text: params.text, format: params.format }], date, zone, zoneText: zone ? params.zone!.trim() : undefined },
    phaseWords,
  );
  if (!outcome.ok) return { ok: false, error: outcome.error, format: outcome.format, missing: outcome.missing, formats: FORMATS };
  const { merge } = outcome;
  return {
    ok: true,
    version: document.version,
    format: outcome.formats[0],
    edits: merge.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })),
    added: merge.added.map((entry) => ({ time: formatClock(entry.epochMs, merge.style), text: entry.text, phase: entry.phase })),
    duplicates: merge.duplicates.length,
    preview: merge.preview.join('\n'),
    createdSection: merge.createdSection,
    formats: FORMATS,
  };
}
