import type { Rule } from './rule';
import { eachNode, lineAt, spanOf } from './tree';

/** HTML entities people type to fake layout (`&nbsp;` indents, `&#39;` from a paste). */
const ENTITY = /&(?:nbsp|ensp|emsp|#\d{2,5}|#x[0-9a-f]{2,4});/i;

/**
 * Raw HTML in the document: tags (`<p align="center">`, `<span style>`, `<br />`, `<iframe>`) or
 * layout entities. Reported once, where it first appears, with how often it occurs. Comments
 * (`<!-- ... -->`) are not content and are left alone.
 */
export const htmlContent: Rule = {
  id: 'html-content',
  description: 'Raw HTML in the postmortem: it renders differently (or not at all) outside GitHub, and hides its text from readers and tools.',
  defaultSeverity: 'info',
  tags: ['markdown'],
  check({ text, root }) {
    const places: number[] = [];
    eachNode(root, (node) => {
      if (node.type !== 'html' && node.type !== 'text') return;
      const span = spanOf(node);
      if (!span) return;
      if (node.type === 'html') {
        if (!/^\s*<!--/.test(node.value)) places.push(span.start);
      } else if (ENTITY.test(text.slice(span.start, span.end))) {
        places.push(span.start + text.slice(span.start, span.end).search(ENTITY));
      }
    });
    if (!places.length) return [];
    places.sort((a, b) => a - b);
    const first = lineAt(text, places[0]);
    const more = places.length > 1 ? ` (and ${places.length - 1} more place${places.length > 2 ? 's' : ''})` : '';
    return [
      {
        message: `This postmortem holds raw HTML${more}: "${first.text.trim().slice(0, 60)}". Write it in Markdown instead: an image as ![alt](url), a heading as "## Title", a line break as a blank line, emphasis with ** or _.`,
        span: { start: first.start + (first.text.length - first.text.trimStart().length), end: first.end },
      },
    ];
  },
};
