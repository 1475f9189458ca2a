// `kubectl get events -o json`: `items[]` of Events with `reason`, `message`, `involvedObject`,
// `type`, `count` and a time: `firstTimestamp`, else `eventTime` (events written by newer
// components have only that), else `lastTimestamp`. events.k8s.io/v1 names (`regarding`, `note`,
// `deprecatedFirstTimestamp`) are read too.
import {
  failure,
  guessPhase,
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

export function isEventList(value: unknown): boolean {
  return (
    isObject(value) &&
    Array.isArray(value.items) &&
    (value.items.length === 0
      ? value.kind === 'EventList' || value.kind === 'List'
      : value.items.some((item) => isObject(item) && (item.kind === 'Event' || 'involvedObject' in item || 'regarding' in item)))
  );
}

export function convertKubectl(text: string): ConvertResult {
  const parsed = parseJson(text);
  if (!('value' in parsed)) return failure(parsed.where, parsed.error);
  const value = parsed.value;
  if (!isObject(value) || !Array.isArray(value.items)) return failure(undefined, 'no "items" array (expected the output of kubectl get events -o json)');
  const entries: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  value.items.forEach((item, index) => {
    const where = `items[${index}]`;
    if (!isObject(item)) {
      problems.push({ where, message: 'not an event object' });
      return;
    }
    const fields = ['firstTimestamp', 'eventTime', 'deprecatedFirstTimestamp', 'lastTimestamp'] as const;
    const field = fields.find((name) => item[name] !== undefined && item[name] !== null && item[name] !== '');
    const epochMs = field && parseInstant(item[field]);
    if (!field || epochMs === undefined) {
      problems.push({
        where: field ? `${where}.${field}` : where,
        message: field ? `${JSON.stringify(item[field])} is not an RFC 3339 time` : 'no firstTimestamp, eventTime or lastTimestamp',
      });
      return;
    }
    const object = isObject(item.involvedObject) ? item.involvedObject : isObject(item.regarding) ? item.regarding : {};
    const kind = stringField(object.kind);
    const name = stringField(object.name);
    const namespace = stringField(object.namespace);
    const subject = [kind, name && (namespace ? `${namespace}/${name}` : name)].filter(Boolean).join(' ');
    const reason = stringField(item.reason);
    const message = oneLine(stringField(item.message) ?? stringField(item.note) ?? '');
    const count = typeof item.count === 'number' ? item.count : isObject(item.series) && typeof item.series.count === 'number' ? item.series.count : 1;
    const last = parseInstant(item.lastTimestamp);
    const repeated = count > 1 ? ` (${count} times${last !== undefined && last !== epochMs ? ` until ${String(item.lastTimestamp)}` : ''})` : '';
    const warning = item.type === 'Warning' ? 'Warning ' : '';
    const head = [subject, reason].filter(Boolean).join(' ');
    const body = `${warning}${head}${message ? `: ${message}` : ''}${repeated}`;
    if (!body.trim()) return;
    entries.push({ epochMs, text: `Kubernetes: ${body}`, source: `${where}.${field}`, phase: guessPhase(`${reason ?? ''} ${message}`) });
  });
  if (!entries.length && problems.length) return failure(problems[0].where, problems[0].message);
  return { ok: true, entries: sortEntries(entries), problems };
}
