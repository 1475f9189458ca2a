import type { Rule } from './rule';

export const durationTimezone: Rule = {
  id: 'duration-timezone',
  description: 'The incident window gives times without a time zone.',
  defaultSeverity: 'warning',
  tags: ['duration', 'time'],
  check({ model }) {
    const window = model.window;
    if (!window || model.timelineZone) return [];
    const ends = [window.start, window.end].filter((t) => t?.time && !t.error);
    if (!ends.length || window.zone || ends.some((t) => t!.zone)) return [];
    return [{ message: 'The duration has no time zone: add one (for example UTC) so every reader knows when it happened.', span: window.span }];
  },
};
