// junit: JUnit XML for CI test reports: one <testsuite> per file, one <testcase> per rule, and a
// <failure> on the testcase of each rule that found something (its findings, one a line).
import type { Problem } from '../problems';
import type { ChunkedOutput, ProblemWriter } from './output';
import { escapeXml } from './escape';

export function junitWriter(out: ChunkedOutput, ruleIds: string[]): ProblemWriter {
  return {
    begin() {
      out.push('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="postmortem-lint">\n');
    },
    file(file: string, problems: Problem[]) {
      const byRule = new Map<string, Problem[]>();
      for (const p of problems) {
        const list = byRule.get(p.ruleId);
        if (list) list.push(p);
        else byRule.set(p.ruleId, [p]);
      }
      // Config files are checked by one rule only; postmortems by every rule (and the extra ids they got).
      const ids = file.endsWith('.postmortemrc.json') ? ['config-invalid'] : [...ruleIds, ...[...byRule.keys()].filter((id) => !ruleIds.includes(id))];
      const failures = ids.filter((id) => byRule.has(id)).length;
      const name = escapeXml(file);
      out.push(`  <testsuite name="${name}" tests="${ids.length}" failures="${failures}" errors="0" skipped="0">\n`);
      for (const id of ids) {
        const found = byRule.get(id);
        if (!found) {
          out.push(`    <testcase classname="${name}" name="${escapeXml(id)}"/>\n`);
          continue;
        }
        const summary = `${found.length} problem${found.length === 1 ? '' : 's'}: ${found[0].message}`;
        const body = found.map((p) => `${file}:${p.line}:${p.column} ${p.severity} ${p.message}`).join('\n');
        out.push(
          `    <testcase classname="${name}" name="${escapeXml(id)}">\n      <failure message="${escapeXml(summary)}" type="${escapeXml(found[0].severity)}">${escapeXml(body)}</failure>\n    </testcase>\n`,
        );
      }
      out.push('  </testsuite>\n');
    },
    end() {
      out.push('</testsuites>\n');
    },
  };
}
