import type { Rule } from './rule';

export const timestampInvalid: Rule = {
  id: 'timestamp-invalid',
  description: 'A timeline time or date that cannot exist, like 25:10, 13:00 PM or February 30.',
  defaultSeverity: 'error',
  tags: ['timeline', 'time'],
  check({ model }) {
    return model.entries
      .filter((entry) => entry.timestamp.error)
      .map((entry) => ({ message: entry.timestamp.error!, span: entry.timestamp.span }));
  },
};
