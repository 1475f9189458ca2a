// github: GitHub Actions workflow commands, one per problem, which the runner turns into
// annotations: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. The runner
// reads `%`, CR and LF escaped in the message, and also `:` and `,` in properties.
import type { Severity } from '../../core/model';
import type { Problem } from '../problems';
import type { ChunkedOutput, ProblemWriter } from './output';
import { forJson } from './escape';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubWriter(out: ChunkedOutput): ProblemWriter {
  return {
    begin() {},
    file(file: string, problems: Problem[]) {
      const path = escapeProperty(forJson(file));
      for (const p of problems) {
        const properties = [
          `file=${path}`,
          `line=${p.line}`,
          `endLine=${p.endLine}`,
          `col=${p.column}`,
          ...(p.endLine === p.line ? [`endColumn=${p.endColumn}`] : []),
          `title=${escapeProperty(`postmortem-lint ${p.ruleId}`)}`,
        ];
        out.push(`::${COMMAND[p.severity]} ${properties.join(',')}::${escapeData(forJson(p.message))}\n`);
      }
    },
    end() {},
  };
}
