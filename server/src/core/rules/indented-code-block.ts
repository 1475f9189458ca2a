import type { Rule } from './rule';
import type { Section } from '../model';
import { sectionAt } from '../parse/sections';
import { lineAt, nodesOf, spanOf } from './tree';

/** A line that reads as a sentence or a list item of words, not as code or command output. */
function looksLikeProse(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed) return false;
  if (/[{};=<>$\\|]|^#|\(\)|\/\w+\/|^\w+\s*\(|--\w/.test(trimmed)) return false;
  const words = trimmed
    .replace(/^(?:[-*+•]|\d+[.)])\s+/, '')
    .split(/\s+/)
    .filter((word) => /^[\p{L}][\p{L}'’,.:;!?)-]*$/u.test(word));
  return words.length >= 4;
}

/**
 * Prose indented four spaces (or a tab): Markdown renders it as a code block, in a fixed font,
 * with no wrapping, lists or emphasis. Real code in an indented block is left alone.
 */
export const indentedCodeBlock: Rule = {
  id: 'indented-code-block',
  description: 'Text indented four spaces or a tab renders as a code block, not as paragraphs or a list.',
  defaultSeverity: 'warning',
  fix: 'safe',
  tags: ['markdown'],
  check({ text, model, root }) {
    const reports = [];
    // Once per section: a section written indented is one mistake, however many blocks it makes.
    const reported = new Set<Section | undefined>();
    for (const code of nodesOf(root, 'code')) {
      const span = spanOf(code);
      if (!span || /^\s{0,3}(?:```|~~~)/.test(text.slice(span.start, span.start + 8))) continue;
      const lines = code.value.split('\n').filter((line) => line.trim());
      const prose = lines.filter(looksLikeProse).length;
      if (!lines.length || prose * 2 < lines.length) continue;
      const section = sectionAt(model.sections, span.start) ?? model.sections.filter((s) => s.headingSpan.start <= span.start).pop();
      if (reported.has(section)) continue;
      reported.add(section);
      const first = lineAt(text, span.start);
      // Remove the indentation of every line of the block: the text stays, the code block goes.
      const edits = [];
      for (let at = first.start; at < span.end;) {
        const line = lineAt(text, at);
        const indent = /^(?: {1,4}|\t)/.exec(line.text)?.[0].length ?? 0;
        if (indent) edits.push({ span: { start: line.start, end: line.start + indent }, newText: '' });
        at = line.end + 1;
      }
      reports.push({
        message: `${lines.length === 1 ? 'This line is' : `These ${lines.length} lines are`} indented four spaces (or a tab), so Markdown renders ${lines.length === 1 ? 'it' : 'them'} as a code block, not as text: remove the indentation.`,
        span: { start: first.start, end: first.end },
        fixes: [{ title: 'Remove the indentation', edits, safe: true }],
      });
    }
    return reports;
  },
};
