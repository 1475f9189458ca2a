// How the service gets a lint done: a runner takes the text and options and says what came of it
// (the result, a deadline passed, or a failure). In-process here (the web worker, tests); on worker
// threads with a deadline on Node (lintPool.ts).
import { createLintMemory, lint, type LintOptions, type LintResult } from './core/lint';

/** What a lint came to: the result, or why there is none. */
export type LintOutcome = { kind: 'done'; result: LintResult } | { kind: 'deadline'; deadlineMs: number } | { kind: 'failed'; message: string };

export type LintRunner = (text: string, options: LintOptions) => Promise<LintOutcome>;

// Each edit changes one part of a document: the rest is read as the last lint read it.
const memory = createLintMemory();

/** One lint, an exception turned into a failure. */
export function lintOutcome(text: string, options: LintOptions): LintOutcome {
  try {
    return { kind: 'done', result: lint(text, options, memory) };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

export const lintInProcess: LintRunner = async (text, options) => lintOutcome(text, options);
