import type { Rule, RuleReport } from './rule';
import { blockLines } from './block-lines';

/**
 * A script or a command's output written as plain lines: Markdown runs the lines together into one
 * paragraph, and a `# comment` in a script becomes a heading. Recognised by what only code and
 * output start with: a shebang (`#!/bin/bash`), an HTTP status line, a shell prompt (`$ curl`).
 */
const CODE_LINE: { pattern: RegExp; what: string }[] = [
  { pattern: /^#!\/\S+/, what: 'a script' },
  { pattern: /^HTTP\/\d(?:\.\d)? [1-5]\d\d\b/, what: "a command's output" },
  { pattern: /^\$ [a-z][\w.-]* /, what: 'a shell session' },
];

export const codeNotFenced: Rule = {
  id: 'code-not-fenced',
  description: "A script or a command's output written as plain lines instead of a code block.",
  defaultSeverity: 'warning',
  tags: ['markdown', 'code'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    const reported = new Set<unknown>();
    for (const line of blockLines(text, root)) {
      if (line.block.type !== 'paragraph' || reported.has(line.block)) continue;
      const kind = CODE_LINE.find(({ pattern }) => pattern.test(line.text.trim()));
      if (!kind) continue;
      reported.add(line.block);
      // A script is reported where its paragraph starts (a label or a copied "[bash]" may come first).
      const first = kind.what === 'a script' ? (line.block.position?.start.offset ?? line.start) : line.start;
      const firstEnd = text.indexOf('\n', first);
      reports.push({
        message: `This is ${kind.what} written as plain text: Markdown runs its lines together. Put it between lines of three backticks (\`\`\`).`,
        span: { start: first, end: firstEnd < 0 ? line.end : Math.min(firstEnd, Math.max(line.end, first)) },
      });
    }
    return reports;
  },
};
