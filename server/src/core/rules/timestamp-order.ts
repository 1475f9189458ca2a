import type { Rule } from './rule';

export const timestampOrder: Rule = {
  id: 'timestamp-order',
  description: 'A timeline entry earlier than the one before it.',
  defaultSeverity: 'warning',
  check({ model }) {
    const reports = [];
    let previous: (typeof model.entries)[number] | undefined;
    for (const entry of model.entries) {
      if (entry.timestamp.epochMs === undefined) continue;
      if (previous && entry.timestamp.epochMs < previous.timestamp.epochMs!) {
        reports.push({
          message: `${entry.timestamp.raw} is earlier than the entry before it (${previous.timestamp.raw}): move it up or correct the time.`,
          span: entry.timestamp.span,
        });
      }
      previous = entry;
    }
    return reports;
  },
};
