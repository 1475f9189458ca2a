// Alertmanager and Grafana webhook JSON: `alerts[]` with `status`, `labels`, `annotations`,
// `startsAt` and `endsAt` (RFC 3339, offsets and fractions). An alert gives an entry when it fired
// and one when it resolved; the zero end `0001-01-01T00:00:00Z` (or a firing status) means it
// still fires. Several payloads (a JSON array of them) are read together, repeated alerts once.
import {
  failure,
  isObject,
  oneLine,
  parseInstant,
  parseJson,
  sortEntries,
  stringField,
  type ConvertResult,
  type ImportProblem,
  type ImportedEntry,
} from './entry';

function payloadsOf(value: unknown): Record<string, unknown>[] | undefined {
  if (isObject(value) && Array.isArray(value.alerts)) return [value];
  if (Array.isArray(value) && value.length && value.every((item) => isObject(item) && Array.isArray(item.alerts))) return value as Record<string, unknown>[];
  return undefined;
}

export function isAlertPayload(value: unknown): boolean {
  return payloadsOf(value) !== undefined;
}

const ZERO_TIME = /^0001-01-01T00:00:00(?:\.0+)?Z$/;

function record(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(value)) for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

export function convertAlertmanager(text: string): ConvertResult {
  const parsed = parseJson(text);
  if (!('value' in parsed)) return failure(parsed.where, parsed.error);
  const payloads = payloadsOf(parsed.value);
  if (!payloads) return failure(undefined, 'no "alerts" array (expected an Alertmanager or Grafana webhook payload)');
  const entries: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const add = (key: string, entry: ImportedEntry) => {
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(entry);
  };
  payloads.forEach((payload, p) => {
    const prefix = payloads.length > 1 ? `[${p}].` : '';
    (payload.alerts as unknown[]).forEach((alert, index) => {
      const where = `${prefix}alerts[${index}]`;
      if (!isObject(alert)) {
        problems.push({ where, message: 'not an alert object' });
        return;
      }
      const labels = record(alert.labels);
      const annotations = record(alert.annotations);
      const name = labels.alertname ?? stringField(alert.fingerprint) ?? 'alert';
      const about = oneLine(annotations.summary ?? annotations.description ?? annotations.message ?? '');
      const where2 = labels.instance ?? labels.service ?? labels.job;
      const identity = stringField(alert.fingerprint) ?? JSON.stringify(labels);
      const startsAt = parseInstant(alert.startsAt);
      if (startsAt === undefined) {
        problems.push({ where: `${where}.startsAt`, message: `${JSON.stringify(alert.startsAt)} is not an RFC 3339 time` });
        return;
      }
      const endText = typeof alert.endsAt === 'string' ? alert.endsAt.trim() : '';
      const stillFiring = alert.status === 'firing' || !endText || ZERO_TIME.test(endText);
      const subject = `Alert ${name}${where2 ? ` on ${where2}` : ''}`;
      add(`${identity}@${startsAt}`, {
        epochMs: startsAt,
        text: `${subject} fired${about ? `: ${about}` : ''}${stillFiring ? ' (still firing)' : ''}`,
        source: `${where}.startsAt`,
        phase: 'detected',
      });
      if (stillFiring) return;
      const endsAt = parseInstant(endText);
      if (endsAt === undefined) {
        problems.push({ where: `${where}.endsAt`, message: `${JSON.stringify(alert.endsAt)} is not an RFC 3339 time` });
        return;
      }
      add(`${identity}@${startsAt}-end`, { epochMs: endsAt, text: `${subject} resolved`, source: `${where}.endsAt`, phase: 'resolved' });
    });
  });
  if (!entries.length && problems.length) return failure(problems[0].where, problems[0].message);
  return { ok: true, entries: sortEntries(entries), problems };
}
