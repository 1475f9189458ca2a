import type { Rule, RuleReport } from './rule';
import { eachNode, spanOf } from './tree';

/** `![alt] (url)` or `![alt]` left as text: Markdown made no image of it. */
const LITERAL_IMAGE = /!\[[^\]\n]{0,200}\](?:[ \t]+\(|(?![(:[]))/g;
/** A file name that is still the template's placeholder (`insert_diagram_here.jpg`). */
const PLACEHOLDER_URL = /(?:^|[/_-])(?:insert|placeholder|your[-_ ]?image|image[-_]?here|path\/to)/i;

export const brokenImage: Rule = {
  id: 'broken-image',
  description: 'An image that does not render: a space between ] and (, a reference with no definition, or a placeholder file name.',
  defaultSeverity: 'warning',
  fix: 'safe',
  tags: ['markdown'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    eachNode(root, (node) => {
      const span = spanOf(node);
      if (!span) return;
      if (node.type === 'image' && PLACEHOLDER_URL.test(node.url)) {
        reports.push({
          message: `The image "${node.url}" is a placeholder file name: put the real image in the repository and link it, or remove the image.`,
          span,
        });
        return;
      }
      if (node.type !== 'text') return;
      const source = text.slice(span.start, span.end);
      // Every literal image starts with "![": most text holds none, and matchAll is not free.
      if (!source.includes('![')) return;
      for (const match of source.matchAll(LITERAL_IMAGE)) {
        const start = span.start + match.index!;
        const spaced = /\][ \t]+\($/.exec(match[0]);
        if (spaced) {
          const gapStart = start + match[0].lastIndexOf(']') + 1;
          const gapEnd = start + match[0].length - 1;
          reports.push({
            message: 'This image does not render: Markdown allows no space between "]" and "(". Remove the space.',
            span: { start, end: start + match[0].length },
            fixes: [{ title: 'Remove the space before "("', edits: [{ span: { start: gapStart, end: gapEnd }, newText: '' }], safe: true }],
          });
        } else {
          reports.push({
            message: `"${match[0]}" shows as text: no image is defined for it. Write it as ![alt](url), or add a line "[${match[0].slice(2, -1)}]: url".`,
            span: { start, end: start + match[0].length },
          });
        }
      }
    });
    return reports;
  },
};
