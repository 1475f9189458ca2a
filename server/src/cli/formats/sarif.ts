// sarif: SARIF 2.1.0 for code-scanning tools, one run whose results are written one by one.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/model';
import { RULES } from '../../core/rules';
import { EXTRA_RULES, type Problem } from '../problems';
import type { ChunkedOutput, ProblemWriter } from './output';
import { forJson } from './escape';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference (each segment percent-encoded); an absolute one as a file URL. */
function toUriReference(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

export function sarifWriter(out: ChunkedOutput, version: string): ProblemWriter {
  const rules = [...RULES, ...EXTRA_RULES].map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: `docs/rules/${rule.id}.md`,
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  let first = true;
  return {
    begin() {
      const tool = JSON.stringify({ driver: { name: 'postmortem-lint', version, rules } }, null, 2);
      out.push(
        `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": ${indent(tool, '      ')},\n      "columnKind": "utf16CodeUnits",\n      "results": [`,
      );
    },
    file(_file: string, problems: Problem[]) {
      for (const p of problems) {
        const result = {
          ruleId: p.ruleId,
          ...(index.has(p.ruleId) ? { ruleIndex: index.get(p.ruleId) } : {}),
          level: SARIF_LEVEL[p.severity],
          message: { text: forJson(p.message) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUriReference(forJson(p.file)) },
                region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
              },
            },
          ],
        };
        out.push(`${first ? '\n' : ',\n'}        ${indent(JSON.stringify(result, null, 2), '        ')}`);
        first = false;
      }
    },
    end() {
      out.push(`${first ? '' : '\n      '}]\n    }\n  ]\n}\n`);
    },
  };
}
