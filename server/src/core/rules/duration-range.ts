import type { Rule } from './rule';
import { formatLength } from '../time';

export const durationRange: Rule = {
  id: 'duration-range',
  description: 'The incident window cannot be read, or it ends before it starts.',
  defaultSeverity: 'error',
  tags: ['duration', 'time'],
  check({ model }) {
    const window = model.window;
    if (!window) return [];
    if (window.error) {
      const bad = [window.start, window.end].find((t) => t?.error);
      return [{ message: `The duration cannot be read: ${window.error}`, span: bad?.span ?? window.span }];
    }
    const { start, end } = window;
    if (start?.epochMs === undefined || end?.epochMs === undefined) return [];
    if (end.epochMs > start.epochMs) return [];
    const gap = formatLength((start.epochMs - end.epochMs) / 60_000);
    const message =
      end.epochMs === start.epochMs
        ? `The duration ends when it starts (${start.raw} - ${end.raw}).`
        : `The duration ends ${gap} before it starts (${start.raw} - ${end.raw}).`;
    // Start and End may be separate fields in either order.
    return [{ message, span: { start: Math.min(start.span.start, end.span.start), end: Math.max(start.span.end, end.span.end) } }];
  },
};
