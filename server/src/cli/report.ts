// Findings with their file and 1-based positions, and the three ways of printing them.
import type { Finding, Severity } from '../core/model';
import { LineIndex } from '../core/lines';
import { RULES } from '../core/rules';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One problem as the CLI reports it. Lines and columns are 1-based; the end is exclusive. */
export interface Problem {
  /** Path relative to the working folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
}

/** Ids the CLI reports that are not lint rules: they come from the config file and the size guard. */
export const EXTRA_RULES = [
  { id: 'config-invalid', description: 'The .postmortemrc.json file is not valid JSON or holds an unknown key, rule, level or profile.', defaultSeverity: 'error' as Severity },
  { id: 'document-too-large', description: 'The file is too large to check; it was skipped.', defaultSeverity: 'info' as Severity },
];

export function toProblems(file: string, text: string, findings: Finding[]): Problem[] {
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const start = lines.position(finding.span.start);
    const end = lines.position(Math.max(finding.span.start, finding.span.end));
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: finding.severity,
      ruleId: finding.ruleId,
      message: finding.message,
    };
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.ruleId}]\n`).join('');
}

export function formatSummary(problems: Problem[], files: number): string {
  const count = (severity: Severity) => problems.filter((p) => p.severity === severity).length;
  return `${plural(problems.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}) in ${plural(files, 'file')}\n`;
}

export function formatJson(problems: Problem[]): string {
  return JSON.stringify(problems, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference (each segment percent-encoded); an absolute one as a file URL. */
function toUriReference(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

export function formatSarif(problems: Problem[], version: string): string {
  const rules = [...RULES, ...EXTRA_RULES].map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: `docs/rules/${rule.id}.md`,
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'postmortem-lint', version, rules } },
        columnKind: 'utf16CodeUnits',
        results: problems.map((p) => ({
          ruleId: p.ruleId,
          ...(index.has(p.ruleId) ? { ruleIndex: index.get(p.ruleId) } : {}),
          level: SARIF_LEVEL[p.severity],
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUriReference(p.file) },
                region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
