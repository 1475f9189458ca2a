import type { Rule } from './rule';
import { formatLength } from '../time';

export const durationMismatch: Rule = {
  id: 'duration-mismatch',
  description: 'The stated length of the incident differs from its start and end times.',
  defaultSeverity: 'warning',
  fix: 'quick fix',
  tags: ['duration', 'time'],
  check({ model }) {
    const window = model.window;
    if (!window?.statedSpan || window.statedMinutes === undefined) return [];
    const { start, end } = window;
    if (start?.epochMs === undefined || end?.epochMs === undefined || end.epochMs <= start.epochMs) return [];
    const actual = Math.round((end.epochMs - start.epochMs) / 60_000);
    if (Math.abs(actual - window.statedMinutes) < 1) return [];
    const length = formatLength(actual);
    return [
      {
        message: `The duration says ${formatLength(window.statedMinutes)}, but ${start.raw} to ${end.raw} is ${length}.`,
        span: window.statedSpan,
        fixes: [{ title: `Change the stated length to ${length}`, edits: [{ span: window.statedSpan, newText: length }], safe: false }],
      },
    ];
  },
};
