// Which format a text is in, from its shape alone: JSON by its keys, lines by how most of them
// start. Undefined when nothing fits well enough to offer an import (a paste of prose stays prose).
import { isAlertPayload } from './alertmanager';
import { isObject, type ImportFormat } from './entry';
import { JOURNAL_MARKER_RE } from './journalctl';
import { isEventList } from './kubectl';
import { logEntriesOf } from './pagerduty';
import { SLACK_BARE_TIME_RE, SLACK_DIVIDER_RE, SLACK_HEADER_RE } from './slack';
import { BSD_LINE_RE, ISO_LINE_RE, RFC5424_LINE_RE } from './syslog';

/** Looked at: the first lines are enough to tell, and keep detection cheap on a large paste. */
const SAMPLE_LINES = 200;

function detectJson(text: string): ImportFormat | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (logEntriesOf(value)) return 'pagerduty';
  if (isAlertPayload(value)) return 'alertmanager';
  if (isEventList(value)) return 'kubectl';
  if (
    Array.isArray(value) &&
    value.length &&
    value.some((m) => isObject(m) && (typeof m.ts === 'string' || typeof m.ts === 'number') && (m.type === 'message' || typeof m.text === 'string'))
  ) {
    return 'slack-json';
  }
  return undefined;
}

export function detectFormat(text: string): ImportFormat | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = detectJson(trimmed);
    if (json) return json;
  }
  const lines = trimmed.split(/\r?\n/, SAMPLE_LINES).filter((line) => line.trim() && !/^\s/.test(line));
  let journal = 0;
  let syslog = 0;
  let either = 0;
  let slackHeaders = 0;
  let slackOther = 0;
  for (const line of lines) {
    if (JOURNAL_MARKER_RE.test(line)) journal++;
    else if (RFC5424_LINE_RE.test(line) || /^<\d{1,3}>/.test(line)) syslog++;
    else if (ISO_LINE_RE.test(line)) /[+-]\d{4} /.test(line.slice(19, 35)) ? journal++ : syslog++;
    else if (BSD_LINE_RE.test(line)) /^[A-Z][a-z]{2} {2}\d/.test(line) ? syslog++ : /^[A-Z][a-z]{2} 0\d/.test(line) ? journal++ : either++;
    else if (SLACK_HEADER_RE.test(line) && !line.trim().startsWith('[')) slackHeaders++;
    else if (SLACK_BARE_TIME_RE.test(line) || SLACK_DIVIDER_RE.test(line)) slackOther++;
  }
  const logLines = journal + syslog + either;
  // Most lines must have the shape: a pasted paragraph that mentions a date is not a log.
  if (logLines >= Math.max(1, lines.length * 0.6)) return journal > syslog ? 'journalctl' : 'syslog';
  const first = lines[0] ?? '';
  const startsLikeSlack = (SLACK_HEADER_RE.test(first) && !first.trim().startsWith('[')) || SLACK_DIVIDER_RE.test(first) || SLACK_BARE_TIME_RE.test(first);
  if (startsLikeSlack && slackHeaders + slackOther >= 1 && slackHeaders >= 1) return 'slack';
  return undefined;
}
