import { orderEntries } from '../metrics/order';
import type { Rule } from './rule';

export const timestampOrder: Rule = {
  id: 'timestamp-order',
  description: 'A timeline entry earlier than the one before it.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'time'],
  check({ model }) {
    return orderEntries(model).flatMap((place, index) => {
      if (!place.outOfOrder) return [];
      const entry = model.entries[index];
      const previous = model.entries[place.previous!];
      return [
        {
          message: `${entry.timestamp.raw} is earlier than the entry before it (${previous.timestamp.raw}): move it up or correct the time.`,
          span: entry.timestamp.span,
        },
      ];
    });
  },
};
