// Corrective measures written as work already done ("New tests were created", "We fixed the
// config") where the profile asks for tasks still to do (ALX: "a list of tasks to address the
// issue"). One finding per list whose every item, two or more, is told in the past, on its first
// item: one past item among tasks is a note of what was done; a whole list of them is a report.
import type { Rule } from './rule';
import { readActionItems, toldAsDone, type ActionItem } from '../actionItems';

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 50 ? `${trimmed.slice(0, 47)}…` : trimmed;
}

export const tasksArePastActions: Rule = {
  id: 'tasks-are-past-actions',
  description: 'The corrective measures are told as work already done, not as tasks still to do.',
  defaultSeverity: 'info',
  tags: ['tasks'],
  check({ text, model, profile, root }) {
    if (!profile.tasksToDo) return [];
    const groups = new Map<number, ActionItem[]>();
    for (const item of readActionItems(text, model, root)) groups.set(item.group.start, [...(groups.get(item.group.start) ?? []), item]);
    return [...groups.values()]
      .filter((items) => items.length >= 2 && items.every(toldAsDone))
      .map((items) => ({
        message: `These ${items.length} measures are told as work already done ("${quote(items[0].text)}"): the ${profile.name} profile asks for tasks still to do. Keep what was done in the resolution, and list what will be done next, like "Add a pre-deploy check that …" or "Add an alert when …".`,
        span: items[0].span,
      }));
  },
};
