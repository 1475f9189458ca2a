// Action items that are wishes rather than tasks: a fix aimed at people ("be more careful"), a
// vague phrase ("look into", "as many tests as possible") or a short item led by a vague verb
// ("Improve monitoring."). One finding per list or table, on its first such item.
import type { Rule } from './rule';
import { isTrackedInPlace, readActionItems, trackedChecklists, vaguenessOf, type ActionItem, type Vagueness } from '../actionItems';

const BETTER = 'like "Add an alert when …" or "Add a pre-deploy check that …"';

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

function messageOf(vagueness: Vagueness): string {
  if (vagueness.kind === 'people') {
    return `"${quote(vagueness.phrase)}" asks people to do better, which does not last: name a change to the system that makes the slip hard to make or quick to catch, ${BETTER}.`;
  }
  if (vagueness.kind === 'bare') {
    return `"${quote(vagueness.phrase)}" is only a reference: say in words what will be done, so the postmortem reads without opening the tracker, ${BETTER}.`;
  }
  if (vagueness.kind === 'practice') {
    return `"${quote(vagueness.phrase)}" names a practice and what it is good for, not a task: say what will be set up or changed, and where, ${BETTER}.`;
  }
  if (vagueness.kind === 'promise') {
    return `"${quote(vagueness.phrase)}" promises to react next time, which changes nothing now: name the change that makes the failure rarer or quicker to see, ${BETTER}.`;
  }
  if (vagueness.kind === 'question') {
    return `"${quote(vagueness.phrase)}" is an open question, not a task: decide it, then write what will be done, ${BETTER}.`;
  }
  return `"${quote(vagueness.phrase)}" names no change anyone can finish: say what will exist when it is done, ${BETTER}.`;
}

export const actionItemVague: Rule = {
  id: 'action-item-vague',
  description: 'An action item is a wish, not a task: a vague verb or a fix aimed at people instead of the system.',
  defaultSeverity: 'info',
  check({ text, model, root, words }) {
    const groups = new Map<number, { item: ActionItem; vagueness: Vagueness }[]>();
    const items = readActionItems(text, model, root);
    const checklists = trackedChecklists(items);
    for (const item of items) {
      const vagueness = vaguenessOf(item, words);
      if (!vagueness) continue;
      // An open box in a checklist being ticked off that asks a question is a decision still to
      // take, tracked where it is written: ticking it records the answer.
      if (vagueness.kind === 'question' && isTrackedInPlace(item, checklists)) continue;
      const group = groups.get(item.group.start) ?? [];
      group.push({ item, vagueness });
      groups.set(item.group.start, group);
    }
    return [...groups.values()].map((vague) => {
      const [{ item, vagueness }] = vague;
      const more =
        vague.length > 1
          ? ` ${vague.length - 1} more in this ${item.form === 'table-row' ? 'table' : 'list'} ${vague.length === 2 ? 'is' : 'are'} vague too.`
          : '';
      return { message: messageOf(vagueness) + more, span: item.span };
    });
  },
};
