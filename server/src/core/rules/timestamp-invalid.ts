import type { Rule } from './rule';

export const timestampInvalid: Rule = {
  id: 'timestamp-invalid',
  description: 'A timeline or window time or date that cannot exist, like 25:10, 13:00 PM or February 30.',
  defaultSeverity: 'error',
  tags: ['timeline', 'time'],
  check({ model }) {
    const reports = model.entries.filter((entry) => entry.timestamp.error).map((entry) => ({ message: entry.timestamp.error!, span: entry.timestamp.span }));
    // The window's ends too, when they could still be read (`13:20pm ~ 13:30pm`): one report for
    // the window. An unreadable window is duration-range's.
    const window = model.window;
    const bad = window && !window.error ? [window.start, window.end].filter((end) => end?.error) : [];
    if (bad.length) {
      const message = bad.length === 1 ? bad[0]!.error! : `${bad[0]!.error!}; and ${bad[1]!.error!}`;
      // The start and end may be written in either order (an "End:" line above a "Start:" line).
      const start = Math.min(...bad.map((end) => end!.span.start));
      const end = Math.max(...bad.map((end) => end!.span.end));
      reports.push({ message, span: { start, end } });
    }
    return reports.sort((a, b) => a.span.start - b.span.start);
  },
};
