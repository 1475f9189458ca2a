// gitlab: a GitLab code quality report, the JSON array of issues GitLab shows in merge requests:
// description, check_name, fingerprint (stable across runs, unique within one), severity,
// location.path and location.lines.begin.
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/model';
import type { Problem } from '../problems';
import type { ChunkedOutput, ProblemWriter } from './output';
import { forJson } from './escape';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export function gitlabWriter(out: ChunkedOutput): ProblemWriter {
  let first = true;
  return {
    begin() {
      out.push('[');
    },
    file(file: string, problems: Problem[]) {
      // The same problem twice in one file (same rule, place and message) still needs two fingerprints.
      const seen = new Map<string, number>();
      for (const p of problems) {
        const key = `${file}\u0000${p.ruleId}\u0000${p.line}\u0000${p.column}\u0000${p.message}`;
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex');
        const issue = {
          type: 'issue',
          description: forJson(p.message),
          check_name: p.ruleId,
          fingerprint,
          severity: SEVERITY[p.severity],
          location: { path: forJson(file), lines: { begin: p.line, end: p.endLine } },
        };
        out.push(`${first ? '\n' : ',\n'}  ${JSON.stringify(issue)}`);
        first = false;
      }
    },
    end() {
      out.push(first ? ']\n' : '\n]\n');
    },
  };
}
