// Action items that are wishes rather than tasks: a fix aimed at people ("be more careful"), a
// vague phrase ("look into", "as many tests as possible") or a short item led by a vague verb
// ("Improve monitoring."). One finding per list or table, on its first such item.
import type { Rule } from './rule';
import { readActionItems, vaguenessOf, type ActionItem, type Vagueness } from '../actionItems';

const BETTER = 'like "Add an alert when …" or "Add a pre-deploy check that …"';

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

function messageOf(vagueness: Vagueness): string {
  if (vagueness.kind === 'people') {
    return `"${quote(vagueness.phrase)}" asks people to do better, which does not last: name a change to the system that makes the slip hard to make or quick to catch, ${BETTER}.`;
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
  check({ model, root, words }) {
    const groups = new Map<number, { item: ActionItem; vagueness: Vagueness }[]>();
    for (const item of readActionItems(model, root)) {
      const vagueness = vaguenessOf(item, words);
      if (!vagueness) continue;
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
