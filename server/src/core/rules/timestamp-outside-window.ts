import type { Rule } from './rule';
import { formatLength } from '../time';
import { OUTSIDE_AFTER_MS, OUTSIDE_BEFORE_MS, comparable, placedWindow } from './window-bounds';

export const timestampOutsideWindow: Rule = {
  id: 'timestamp-outside-window',
  description: 'A timeline entry long before the incident started or long after it ended.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'time'],
  check({ model }) {
    const window = placedWindow(model);
    if (!window) return [];
    const { start, end } = window;
    const reports = [];
    for (const entry of model.entries) {
      // A placeholder date on one side and a real one on the other cannot be compared.
      if (!comparable(entry.timestamp, start)) continue;
      const at = entry.timestamp.epochMs!;
      if (at < start.epochMs - OUTSIDE_BEFORE_MS) {
        reports.push({
          message: `${entry.timestamp.raw} is ${formatLength((start.epochMs - at) / 60_000)} before the incident started (${start.raw}).`,
          span: entry.timestamp.span,
        });
      } else if (at > end.epochMs + OUTSIDE_AFTER_MS) {
        reports.push({
          message: `${entry.timestamp.raw} is ${formatLength((at - end.epochMs) / 60_000)} after the incident ended (${end.raw}).`,
          span: entry.timestamp.span,
        });
      }
    }
    return reports;
  },
};
