import type { List, Nodes, Parents } from 'mdast';
import type { Rule, RuleReport } from './rule';
import { eachNode, spanOf } from './tree';

/**
 * Numbered steps split by a code block that is not indented under its step: the code block ends
 * the list, so every step after it starts a new list at 1 and the steps render as 1, 2, 1, 1 ...
 * Reported once per document, at the first list that starts again, with how many more do.
 */
export const listNumberingBroken: Rule = {
  id: 'list-numbering-broken',
  description: 'Numbered steps split by code blocks that are not indented under them: the numbering starts again at 1.',
  defaultSeverity: 'warning',
  tags: ['markdown', 'lists'],
  check({ root }) {
    const restarts: { start: number; numberedFrom: number }[] = [];
    eachNode(root, (node) => {
      if (!('children' in node) || node.type === 'list') return;
      const children = (node as Parents).children as Nodes[];
      let previousList: List | undefined;
      let onlyCodeBetween = false;
      for (const child of children) {
        if (child.type === 'list' && child.ordered) {
          const span = spanOf(child.children[0] ?? child);
          if (previousList && onlyCodeBetween && (child.start ?? 1) === 1 && span) restarts.push({ start: span.start, numberedFrom: previousList.start ?? 1 });
          previousList = child;
          onlyCodeBetween = true;
          continue;
        }
        if (child.type === 'code' && previousList) continue;
        previousList = undefined;
        onlyCodeBetween = false;
      }
    });
    if (!restarts.length) return [];
    restarts.sort((a, b) => a.start - b.start);
    const [first] = restarts;
    const more = restarts.length > 1 ? ` (and ${restarts.length - 1} more times below)` : '';
    const report: RuleReport = {
      message: `These steps start again at 1${more}: the code block above is not indented under the step before it, so it ends the list (numbered from ${first.numberedFrom}). Indent the code block to the step's text, or number the steps yourself.`,
      span: { start: first.start, end: first.start + 2 },
    };
    return [report];
  },
};
