import type { Rule, RuleReport } from './rule';
import { bareLine, blockLines, type BlockLine } from './block-lines';

/**
 * The ALX / Holberton assignment's own wording left in the postmortem: a heading that keeps
 * "must contain:" or a task name ("Advanced: ..."), the brief's sentences pasted in, or its
 * questions kept as labels ("What service was down/slow?"). Each paste is reported once.
 */

/** Sentences only the brief writes. */
const BRIEF_SENTENCE =
  /\b(?:we are constantly stormed by a quantity of information|make your post-?mortem attractive by adding|remember that these blogs must be written in english|be brief and straight to the point|that is often what executives will read)/i;
/** A line that labels the pasted task ("TASK 1", "this is for task 1", "#advanced", the task's title). */
const TASK_LABEL = /^(?:(?:this is )?for task \d+|task \d+\.?|#?advanced|make people want to read your post-?mortem\.?)$/i;
/** The brief's questions, each a line of its own when kept as a label. */
const BRIEF_QUESTIONS: RegExp[] = [
  /^what service was down\/slow/i,
  /^what were (?:the )?users? experiencing/i,
  /^how many % of (?:the )?users/i,
  /^what was the (?:impact|root cause)\b/i,
  /^when was the issue detected/i,
  /^how was the issue detected/i,
  /^misleading investigation\/debugging paths that were taken/i,
  /^which team\/individuals/i,
  /^how (?:was )?the incident (?:was )?resolved\??:?$/i,
  /^explain in detail (?:what|how)/i,
  /^what are the things that can be improved/i,
  /^a list of tasks to address the issue/i,
];
const MUST_CONTAIN = /\bmust contain\b[ \t]{0,3}:?/i;
const TASK_HEADING = /^advanced\s*:/i;

function isQuestionLabel(line: BlockLine): number {
  const bare = bareLine(line.text);
  if (bare.length > 90) return -1;
  return BRIEF_QUESTIONS.findIndex((question) => question.test(bare));
}

export const promptText: Rule = {
  id: 'prompt-text',
  description: 'The assignment\'s own wording left in the postmortem: "must contain:" in a heading, the brief pasted in, its questions kept as labels.',
  defaultSeverity: 'warning',
  fix: 'quick fix',
  tags: ['content', 'template'],
  check({ text, root }) {
    const reports: RuleReport[] = [];
    const lines = blockLines(text, root);
    const questions: BlockLine[] = [];
    const askedQuestions = new Set<number>();
    let lastPasteLine = -Infinity;
    lines.forEach((line, index) => {
      if (line.block.type === 'heading') {
        const span = { start: line.start, end: line.end };
        const title = bareLine(line.text.replace(/^\s{0,3}#{1,6}\s*/, ''));
        if (TASK_HEADING.test(title)) {
          reports.push({
            message: `"${title}" is the assignment's task name left as a heading: give the part a title of its own, or remove the heading.`,
            span,
          });
          return;
        }
        const match = MUST_CONTAIN.exec(line.text);
        if (!match) return;
        // Remove " must contain:" (and the blanks before it) from the heading, keeping the section name and any closing markup.
        let at = line.start + match.index;
        while (at > line.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
        reports.push({
          message: 'This heading keeps the assignment\'s wording "must contain:": name the section only.',
          span,
          fixes: [
            {
              title: 'Remove "must contain:" from the heading',
              edits: [{ span: { start: at, end: line.start + match.index + match[0].length }, newText: '' }],
              safe: false,
            },
          ],
        });
        return;
      }
      const question = isQuestionLabel(line);
      if (question >= 0 && !askedQuestions.has(question)) {
        askedQuestions.add(question);
        questions.push(line);
      }
      if (!BRIEF_SENTENCE.test(line.text)) return;
      // One report per paste: a brief sentence near the last one belongs to the same paste.
      if (index - lastPasteLine <= 8) {
        lastPasteLine = index;
        return;
      }
      lastPasteLine = index;
      // The paste starts at the task label above it, when there is one.
      let first = index;
      while (first > 0 && index - first < 4 && TASK_LABEL.test(bareLine(lines[first - 1].text))) first--;
      reports.push({
        message: "This is the assignment's brief pasted into the postmortem, not part of it: delete it.",
        span: { start: lines[first].start, end: lines[first].end },
      });
    });
    // A question or two can be a fair label; several of the brief's questions are the brief kept.
    if (questions.length >= 2) {
      const [first, ...rest] = questions;
      reports.push({
        message: `"${bareLine(first.text)}" and ${rest.length} more of the assignment's questions are left in as labels: answer each in a sentence and delete the questions.`,
        span: { start: first.start, end: first.end },
      });
    }
    return reports;
  },
};
