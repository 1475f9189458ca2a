import type { Rule } from './rule';
import type { Section, Span, TextEdit } from '../model';
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
    const blocks: { span: Span; lines: number; section: Section | undefined }[] = [];
    for (const code of nodesOf(root, 'code')) {
      const span = spanOf(code);
      if (!span || /^\s{0,3}(?:```|~~~)/.test(text.slice(span.start, span.start + 8))) continue;
      const lines = code.value.split('\n').filter((line) => line.trim());
      const prose = lines.filter(looksLikeProse).length;
      if (!lines.length || prose * 2 < lines.length) continue;
      const section = sectionAt(model.sections, span.start) ?? model.sections.filter((s) => s.headingSpan.start <= span.start).pop();
      blocks.push({ span, lines: lines.length, section });
    }
    // Many indented answers all through the document are one habit: one finding, one fix for all.
    if (blocks.length >= HABIT) {
      const first = lineAt(text, blocks[0].span.start);
      return [
        {
          message: `${blocks.length} blocks of text in this postmortem are indented four spaces (or a tab), so Markdown renders them as code blocks, not as text: remove the indentation.`,
          span: { start: first.start, end: first.end },
          fixes: [{ title: 'Remove the indentation of every such block', edits: blocks.flatMap((block) => unindent(text, block.span)), safe: true }],
        },
      ];
    }
    const reports = [];
    // Once per section: a section written indented is one mistake, however many blocks it makes.
    const reported = new Set<Section | undefined>();
    for (const { span, lines, section } of blocks) {
      if (reported.has(section)) continue;
      reported.add(section);
      const first = lineAt(text, span.start);
      reports.push({
        message: `${lines === 1 ? 'This line is' : `These ${lines} lines are`} indented four spaces (or a tab), so Markdown renders ${lines === 1 ? 'it' : 'them'} as a code block, not as text: remove the indentation.`,
        span: { start: first.start, end: first.end },
        fixes: [{ title: 'Remove the indentation', edits: unindent(text, span), safe: true }],
      });
    }
    return reports;
  },
};

/** From this many blocks on, the indentation is the document's habit, reported once. */
const HABIT = 5;

/** Edits removing the indentation of every line of a block: the text stays, the code block goes. */
function unindent(text: string, span: Span): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let at = lineAt(text, span.start).start; at < span.end;) {
    const line = lineAt(text, at);
    const indent = /^(?: {1,4}|\t)/.exec(line.text)?.[0].length ?? 0;
    if (indent) edits.push({ span: { start: line.start, end: line.start + indent }, newText: '' });
    at = line.end + 1;
  }
  return edits;
}
