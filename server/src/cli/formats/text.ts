// text: `file:line:col severity message [rule-id]` per problem on stdout, and the summary line
// (written by the run, on stderr). File names and messages have their control characters escaped.
import type { ChunkedOutput, ProblemWriter } from './output';
import type { Problem } from '../problems';
import { escapeForTerminal } from './escape';

export function textWriter(out: ChunkedOutput): ProblemWriter {
  return {
    begin() {},
    file(file: string, problems: Problem[]) {
      const shown = escapeForTerminal(file);
      for (const p of problems) out.push(`${shown}:${p.line}:${p.column} ${p.severity} ${escapeForTerminal(p.message)} [${p.ruleId}]\n`);
    },
    end() {},
  };
}
