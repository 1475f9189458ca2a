import type { Rule, RuleReport } from './rule';
import { eachNode, nodesOf, spanOf } from './tree';

/**
 * Commands or output put between single backticks over several lines: Markdown makes one line of
 * inline code of them (the line breaks become spaces), or, when a blank line comes first, never
 * closes the backtick and shows it as text. Either way the reader cannot see the lines.
 */
export const inlineCodeMultiline: Rule = {
  id: 'inline-code-multiline',
  description: 'Single backticks around several lines: they render as one line of code, or as a stray backtick.',
  defaultSeverity: 'warning',
  tags: ['markdown', 'code'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    const message = 'Single backticks do not make a code block: these lines render run together. Put them between lines of three backticks (```) instead.';
    for (const code of nodesOf(root, 'inlineCode')) {
      const span = spanOf(code);
      if (!span || !code.position) continue;
      const lines = code.position.end.line - code.position.start.line + 1;
      const startsLine = !text.slice(text.lastIndexOf('\n', span.start - 1) + 1, span.start).trim();
      // Inline code wrapped by an editor over two lines is fine; a block of lines in backticks is not.
      if (lines < 2 || (lines < 3 && !startsLine)) continue;
      reports.push({ message, span: { start: span.start, end: text.indexOf('\n', span.start) } });
    }
    // A paragraph that opens with a backtick it never closes: the blank line ended it first.
    eachNode(root, (node) => {
      if (node.type !== 'paragraph') return;
      const first = node.children[0];
      const span = spanOf(node);
      if (!span || first?.type !== 'text' || !/^`[^`\s]/.test(first.value) || text[span.start] !== '`') return;
      if (node.children.some((child) => child.type === 'inlineCode')) return;
      const paragraph = text.slice(span.start, span.end);
      if (paragraph.indexOf('`', 1) >= 0) return;
      const after = text.slice(span.end, span.end + 5000);
      // The closing backtick is further down, past a blank line.
      if (!/^[^`\n][^`]*`\s*$/m.test(after.split('\n\n').slice(0, 12).join('\n\n'))) return;
      reports.push({
        message,
        span: { start: span.start, end: text.indexOf('\n', span.start) < 0 ? span.end : Math.min(span.end, text.indexOf('\n', span.start)) },
      });
    });
    return reports.sort((a, b) => a.span.start - b.span.start);
  },
};
