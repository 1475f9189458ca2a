import type { Rule } from './rule';

export const tasksNotList: Rule = {
  id: 'tasks-not-list',
  description: 'The corrective measures give no list of concrete tasks.',
  defaultSeverity: 'warning',
  tags: ['tasks'],
  check({ model }) {
    return model.sections
      .filter((section) => section.canonical === 'actions' && section.bodyWords > 0 && !section.hasList)
      .map((section) => ({
        message: `"${section.title}" has no list of tasks: write each measure as a list item (with an owner and a date where you can).`,
        span: section.headingSpan,
      }));
  },
};
