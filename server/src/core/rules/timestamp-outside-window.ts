import type { Rule } from './rule';
import { formatLength } from '../time';

const BEFORE_MS = 3600_000;
const AFTER_MS = 24 * 3600_000;

export const timestampOutsideWindow: Rule = {
  id: 'timestamp-outside-window',
  description: 'A timeline entry long before the incident started or long after it ended.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'time'],
  check({ model }) {
    const start = model.window?.start;
    const end = model.window?.end;
    if (start?.epochMs === undefined || end?.epochMs === undefined || end.epochMs <= start.epochMs) return [];
    const reports = [];
    for (const entry of model.entries) {
      const at = entry.timestamp.epochMs;
      // A placeholder date on one side and a real one on the other cannot be compared.
      if (at === undefined || Boolean(entry.timestamp.dateAssumed) !== Boolean(start.dateAssumed)) continue;
      if (at < start.epochMs - BEFORE_MS) {
        reports.push({
          message: `${entry.timestamp.raw} is ${formatLength((start.epochMs - at) / 60_000)} before the incident started (${start.raw}).`,
          span: entry.timestamp.span,
        });
      } else if (at > end.epochMs + AFTER_MS) {
        reports.push({
          message: `${entry.timestamp.raw} is ${formatLength((at - end.epochMs) / 60_000)} after the incident ended (${end.raw}).`,
          span: entry.timestamp.span,
        });
      }
    }
    return reports;
  },
};
