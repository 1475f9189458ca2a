// json: one array of {file, line, column, endLine, endColumn, severity, ruleId, message}, written
// element by element.
import type { ChunkedOutput, ProblemWriter } from './output';
import type { Problem } from '../problems';
import { forJson } from './escape';

export function jsonWriter(out: ChunkedOutput): ProblemWriter {
  let first = true;
  return {
    begin() {
      out.push('[');
    },
    file(file: string, problems: Problem[]) {
      for (const p of problems) {
        const element = JSON.stringify({ ...p, file: forJson(p.file), message: forJson(p.message) }, null, 2).replace(/\n/g, '\n  ');
        out.push(`${first ? '\n' : ',\n'}  ${element}`);
        first = false;
      }
    },
    end() {
      out.push(first ? ']\n' : '\n]\n');
    },
  };
}
