import type { Rule, RuleReport } from './rule';
import { nodesOf, spanOf } from './tree';

/** A list marker with nothing after it (`- ` alone): it renders as an empty bullet. */
export const emptyListItem: Rule = {
  id: 'empty-list-item',
  description: 'A list item with nothing in it: it renders as an empty bullet.',
  defaultSeverity: 'info',
  tags: ['markdown', 'lists'],
  check({ root }) {
    const reports: RuleReport[] = [];
    for (const item of nodesOf(root, 'listItem')) {
      const span = spanOf(item);
      if (!span || item.children.length || (item.checked !== null && item.checked !== undefined)) continue;
      reports.push({
        message: 'This list item is empty: write what it stands for, or delete the line.',
        span,
      });
    }
    return reports;
  },
};
