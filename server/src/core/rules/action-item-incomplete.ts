// Open action items that do not name what the profile asks of each (owner, due date or priority,
// ticket, type): one finding per list or table, on its first such item (on the heading above it
// when the list opens with complete items), with a fix that adds the missing parts as placeholders
// at the end of each list item. Open boxes of a checklist that is being ticked off are left alone.
import type { TextEdit } from '../model';
import type { Rule } from './rule';
import {
  describeRequirements,
  isTrackedInPlace,
  missingParts,
  readActionItems,
  sectionAbove,
  trackedChecklists,
  vaguenessOf,
  type ActionItem,
  type ActionPart,
  type PartRequirement,
} from '../actionItems';

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

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
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
    const items = readActionItems(text, model, root);
    const checklists = trackedChecklists(items);
    const groups = new Map<number, { open: number; firstOpen?: ActionItem; incomplete: { item: ActionItem; missing: PartRequirement[] }[] }>();
    for (const item of items) {
      // A vague item is reported as vague: it needs rewriting before it needs an owner. An open
      // box of a checklist being ticked off is tracked where it is written.
      if (item.done || vaguenessOf(item, words) || isTrackedInPlace(item, checklists)) continue;
      const group = groups.get(item.group.start) ?? { open: 0, incomplete: [] };
      group.open++;
      group.firstOpen ??= item;
      const missing = missingParts(item, require);
      if (missing.length) group.incomplete.push({ item, missing });
      groups.set(item.group.start, group);
    }
    const asked = describeRequirements(require);
    return [...groups.values()]
      .filter((group) => group.incomplete.length)
      .map(({ open, firstOpen, incomplete }) => {
        const [{ item, missing }] = incomplete;
        const container = item.form === 'table-row' ? 'table' : 'list';
        const edits = incomplete.map((entry) => placeholderEdit(text, entry.item, entry.missing)).filter((edit): edit is TextEdit => Boolean(edit));
        const count = edits.length === 1 ? 'the action item' : `${edits.length} action items`;
        const fixes = edits.length ? [{ title: `Add placeholders for what is missing to ${count}`, edits, safe: false }] : [];
        const heading = firstOpen === item ? undefined : sectionAbove(model, item.group);
        if (heading?.form === 'heading') {
          // The list opens with complete items: what is missing is the list's, said at its heading.
          const others = incomplete.length > 1 ? `, and ${incomplete.length - 1} more` : '';
          return {
            message: `${incomplete.length} of the ${open} open action items in this ${container} ${incomplete.length === 1 ? 'has' : 'have'} ${describeRequirements(missing, true)} ("${quote(item.text)}"${others}): the ${profile.name} profile asks each open item for ${asked}.`,
            span: heading.headingSpan,
            fixes,
          };
        }
        const more = incomplete.length > 1 ? ` ${incomplete.length - 1} more in this ${container} miss parts too.` : '';
        return {
          message: `This action item has ${describeRequirements(missing, true)}: the ${profile.name} profile asks each open item for ${asked}.${more}`,
          span: item.span,
          fixes,
        };
      });
  },
};
