// PagerDuty incident log entries (`GET /incidents/{id}/log_entries`): `log_entries[]` with `type`,
// `created_at`, `agent`, `channel`, `summary`. Each becomes an entry; the type gives the phase
// (trigger: detected, acknowledge, escalate and assign: escalated, resolve), notes keep their text.
import type { Phase } from '../model';
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

const PHASE_OF_TYPE: Record<string, Phase> = {
  trigger: 'detected',
  acknowledge: 'acknowledged',
  escalate: 'escalated',
  assign: 'escalated',
  resolve: 'resolved',
};

/** Words that make the phase readable in the text too (the parser reads phases from the text). */
const VERB_OF_TYPE: Record<string, string> = {
  trigger: 'Triggered',
  acknowledge: 'Acknowledged',
  escalate: 'Escalated',
  assign: 'Assigned',
  resolve: 'Resolved',
  annotate: 'Note',
  notify: 'Notified',
  reach_trigger_limit: 'Trigger limit reached',
  snooze: 'Snoozed',
  unacknowledge: 'Unacknowledged',
  priority_change: 'Priority changed',
  urgency_change: 'Urgency changed',
  reassign: 'Reassigned',
};

export function logEntriesOf(value: unknown): unknown[] | undefined {
  if (isObject(value) && Array.isArray(value.log_entries)) return value.log_entries;
  if (Array.isArray(value) && value.length && value.every((item) => isObject(item) && typeof item.type === 'string' && item.type.endsWith('_log_entry')))
    return value;
  return undefined;
}

export function convertPagerDuty(text: string): ConvertResult {
  const parsed = parseJson(text);
  if (!('value' in parsed)) return failure(parsed.where, parsed.error);
  const logEntries = logEntriesOf(parsed.value);
  if (!logEntries) return failure(undefined, 'no "log_entries" array (expected the JSON of PagerDuty\'s incident log entries)');
  const entries: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  logEntries.forEach((item, index) => {
    const where = `log_entries[${index}]`;
    if (!isObject(item)) {
      problems.push({ where, message: 'not a log entry object' });
      return;
    }
    const epochMs = parseInstant(item.created_at);
    if (epochMs === undefined) {
      problems.push({ where: `${where}.created_at`, message: `${JSON.stringify(item.created_at)} is not an RFC 3339 time` });
      return;
    }
    const type = (stringField(item.type) ?? '').replace(/_log_entry$/, '');
    const agent = isObject(item.agent) ? stringField(item.agent.summary) : undefined;
    const channel = isObject(item.channel) ? item.channel : {};
    const summary = stringField(item.summary) ?? '';
    // A note's words are in the channel (`summary` or `content`); the entry's summary only says "Note added".
    const note =
      type === 'annotate' ? (stringField(channel.summary) ?? stringField(channel.content) ?? stringField((item as { note?: unknown }).note)) : undefined;
    const verb = VERB_OF_TYPE[type];
    let body: string;
    if (note) body = `Note${agent ? ` by ${agent}` : ''}: ${note}`;
    else if (verb && !summary.toLowerCase().startsWith(verb.toLowerCase())) body = summary ? `${verb}: ${summary}` : `${verb}${agent ? ` by ${agent}` : ''}`;
    else body = summary || verb || type;
    body = oneLine(body);
    if (!body) return;
    entries.push({ epochMs, text: `PagerDuty: ${body}`, source: `${where}.created_at`, phase: PHASE_OF_TYPE[type] ?? guessPhase(body) });
  });
  if (!entries.length && problems.length) return failure(problems[0].where, problems[0].message);
  return { ok: true, entries: sortEntries(entries), problems };
}
