// The incident window must say when it happened in a zone every reader can place: times with a
// zone. A window of times without one, of dates without times, or of a length alone leaves the
// reader to guess. A zone written on the timeline does not excuse the window: readers quote the
// summary's line, not the timeline's.
import type { Rule } from './rule';

export const durationTimezone: Rule = {
  id: 'duration-timezone',
  description: 'The incident window gives no time zone: times without one, dates without times, or only a length.',
  defaultSeverity: 'warning',
  tags: ['duration', 'time'],
  check({ model }) {
    const window = model.window;
    if (!window || window.error) return [];
    // An end that cannot be read (13:20pm) still counts as written: timestamp-invalid says what is wrong.
    const written = [window.start, window.end].filter((t) => t !== undefined);
    if (written.some((t) => t.zone && !t.zoneAssumed) || (window.zone && written.some((t) => t.time))) return [];
    const ends = written.filter((t) => !t.error);
    if (ends.some((t) => t.time)) {
      return [{ message: 'The duration has no time zone: add one (for example UTC) so every reader knows when it happened.', span: window.span }];
    }
    if (ends.length && ends.length === written.length) {
      return [
        { message: 'The duration gives only dates: add the start and end times with their time zone (for example "09:00 - 10:30 UTC").', span: window.span },
      ];
    }
    if (!written.length && window.statedMinutes !== undefined) {
      return [
        {
          message: 'The duration gives only a length: add when it started and ended, with the time zone (for example "09:00 - 10:30 UTC").',
          span: window.span,
        },
      ];
    }
    return [];
  },
};
