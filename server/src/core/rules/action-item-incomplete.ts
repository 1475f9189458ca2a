// Open action items that do not name what the profile asks of each (owner, due date or priority,
// ticket, type): one finding per list or table, on its first such item, with a fix that adds the
// missing parts as placeholders at the end of each list item.
import type { TextEdit } from '../model';
import type { Rule } from './rule';
import { describeRequirements, missingParts, readActionItems, vaguenessOf, type ActionItem, type ActionPart, type PartRequirement } from '../actionItems';

/** A placeholder per part, as plain text and as a snippet field. */
const PLACEHOLDERS: Record<ActionPart, { label: string; plain: string; snippet: string }> = {
  owner: { label: 'owner', plain: '@…', snippet: '@${N:owner}' },
  due: { label: 'due', plain: 'YYYY-MM-DD', snippet: '${N:YYYY-MM-DD}' },
  priority: { label: 'priority', plain: 'P…', snippet: 'P${N:2}' },
  ticket: { label: 'ticket', plain: '…', snippet: '${N:ticket}' },
  type: { label: 'type', plain: '…', snippet: '${N|prevent,detect,mitigate|}' },
};

/** ` (owner: @…, due: YYYY-MM-DD, ticket: …)` for the missing groups, before a closing period. */
function placeholderEdit(text: string, item: ActionItem, missing: PartRequirement[]): TextEdit | undefined {
  if (item.insertAt === undefined) return undefined;
  const parts = missing.map((group) => group[0]);
  const plain = parts.map((part) => `${PLACEHOLDERS[part].label}: ${PLACEHOLDERS[part].plain}`).join(', ');
  let field = 0;
  const snippet = parts.map((part) => `${PLACEHOLDERS[part].label}: ${PLACEHOLDERS[part].snippet.replace('N', String(++field))}`).join(', ');
  const at = text[item.insertAt - 1] === '.' ? item.insertAt - 1 : item.insertAt;
  return { span: { start: at, end: at }, newText: ` (${plain})`, snippet: ` (${snippet})` };
}

export const actionItemIncomplete: Rule = {
  id: 'action-item-incomplete',
  description: 'An open action item does not name what the profile asks of each (owner, due date or priority, ticket, type).',
  defaultSeverity: 'info',
  fix: 'quick fix',
  tags: ['action items'],
  check({ text, model, profile, root, words }) {
    const require = profile.actionItemParts;
    if (!require.length) return [];
    const groups = new Map<number, { item: ActionItem; missing: PartRequirement[] }[]>();
    for (const item of readActionItems(model, root)) {
      // A vague item is reported as vague: it needs rewriting before it needs an owner.
      if (vaguenessOf(item, words)) continue;
      const missing = missingParts(item, require);
      if (!missing.length) continue;
      const group = groups.get(item.group.start) ?? [];
      group.push({ item, missing });
      groups.set(item.group.start, group);
    }
    const asked = describeRequirements(require);
    return [...groups.values()].map((incomplete) => {
      const [{ item, missing }] = incomplete;
      const more = incomplete.length > 1 ? ` ${incomplete.length - 1} more in this ${item.form === 'table-row' ? 'table' : 'list'} miss parts too.` : '';
      const edits = incomplete.map((entry) => placeholderEdit(text, entry.item, entry.missing)).filter((edit): edit is TextEdit => Boolean(edit));
      const count = edits.length === 1 ? 'the action item' : `${edits.length} action items`;
      return {
        message: `This action item has ${describeRequirements(missing, true)}: the ${profile.name} profile asks each open item for ${asked}.${more}`,
        span: item.span,
        fixes: edits.length ? [{ title: `Add placeholders for what is missing to ${count}`, edits, safe: false }] : [],
      };
    });
  },
};
