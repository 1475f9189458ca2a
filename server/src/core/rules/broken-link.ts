import type { Nodes } from 'mdast';
import type { Rule, RuleReport } from './rule';
import type { Span } from '../model';
import { eachNode, nodesOf, spanOf } from './tree';
import { renderedText } from '../parse/html';

/**
 * A link that goes nowhere: a target written without `https://` (`[Prow](prow.k8s.io)` opens a
 * file next to the document), a reference whose definition is missing or misspelt (the brackets
 * show as text), or "can be found here" with no link at all.
 */

/** A host name with a common top-level domain, and no scheme. */
const BARE_HOST =
  /^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|co|app|ai|me|info|edu|gov|uk|de|fr|in|ng|ke|gh|za|us|ca|eu|cloud|tech|site)(?=[/:?#]|$)/i;
const FULL_REFERENCE = /\[([^\]\n]{1,80})\]\[([^\]\n]{0,80})\]/g;
const SHORTCUT_REFERENCE = /(?<![\]!\\])\[([^\]\n]{2,80})\](?![[(:])/g;
const HERE_WITHOUT_LINK = /\b(?:can be found|is available|are available|click|linked|found|read it|see it)\s+here\b/i;

const normalise = (label: string) => label.toLowerCase().replace(/\s+/g, ' ').trim();

/** Edit distance up to `limit` (more is reported as limit + 1): enough to tell a misspelt label. */
function closeTo(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}

function hasLink(node: Nodes): boolean {
  let found = false;
  eachNode({ type: 'root', children: [node] } as never, (child) => {
    if (child.type === 'link' || child.type === 'linkReference' || child.type === 'html') found = true;
  });
  return found;
}

export const brokenLink: Rule = {
  id: 'broken-link',
  description: 'A link that goes nowhere: a target without https://, a reference with no definition, or "found here" with no link.',
  defaultSeverity: 'warning',
  fix: 'safe',
  tags: ['markdown'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    for (const link of nodesOf(root, 'link')) {
      const span = spanOf(link);
      if (!span || !BARE_HOST.test(link.url)) continue;
      // The target as written in the source, to put the scheme in front of it.
      const at = text.indexOf(link.url, text.indexOf('](', span.start));
      reports.push({
        message: `The link target "${link.url}" has no https://, so it opens as a file next to this document: write "https://${link.url}".`,
        span,
        ...(at > 0 && at < span.end
          ? { fixes: [{ title: 'Add https:// to the link', edits: [{ span: { start: at, end: at }, newText: 'https://' }], safe: true }] }
          : {}),
      });
    }
    const labels = nodesOf(root, 'definition').map((definition) => definition.label ?? definition.identifier);
    const definitions = labels.map(normalise);
    const defined = new Set(definitions);
    eachNode(root, (node) => {
      // Both kinds of reference start with "[": most text holds none, and matchAll is not free.
      if (node.type !== 'text' || !node.value.includes('[')) return;
      const span = spanOf(node);
      if (!span || text.slice(span.start, span.end) !== node.value) return;
      for (const match of node.value.matchAll(FULL_REFERENCE)) {
        const label = normalise(match[2] || match[1]);
        if (defined.has(label)) continue;
        reports.push({
          message: `"${match[0]}" shows as text: no link is defined for "${match[2] || match[1]}". Add a line "[${match[2] || match[1]}]: https://..." or write the link inline.`,
          span: { start: span.start + match.index!, end: span.start + match.index! + match[0].length },
        });
      }
      // `[label]` alone is often plain brackets; it is a link only when a definition nearly names it.
      if (!definitions.length) return;
      for (const match of node.value.matchAll(SHORTCUT_REFERENCE)) {
        const label = normalise(match[1]);
        const near = definitions.findIndex((definition) => closeTo(label, definition, Math.min(3, Math.floor(label.length / 5))));
        if (near < 0 || defined.has(label)) continue;
        reports.push({
          message: `"${match[0]}" shows as text: no link is defined for it (the definition "[${labels[near]}]" is spelt differently). Make the two labels the same.`,
          span: { start: span.start + match.index!, end: span.start + match.index! + match[0].length },
        });
      }
    });
    // "can be found here" without a link: once per document, where it first occurs.
    let promised: { span: Span; count: number } | undefined;
    eachNode(root, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading') return;
      if (!HERE_WITHOUT_LINK.test(renderedText(node)) || hasLink(node)) return;
      const span = spanOf(node);
      if (!span) return;
      if (promised) promised.count++;
      else promised = { span: { start: span.start, end: Math.min(span.end, span.start + 200) }, count: 1 };
    });
    if (promised) {
      const more = promised.count > 1 ? ` (and ${promised.count - 1} more times below)` : '';
      reports.push({ message: `This says "here"${more} but links nothing: add the link, or say where to find it.`, span: promised.span });
    }
    return reports.sort((a, b) => a.span.start - b.span.start);
  },
};
