// Findings with their file and 1-based positions: what every output format prints.
import type { Finding, Severity } from '../core/model';
import { LineIndex } from '../core/lines';

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

/** Ids the CLI reports that are not lint rules: from the config file, the size guard and the deadline. */
export const EXTRA_RULES = [
  {
    id: 'config-invalid',
    description: 'The .postmortemrc.json file is not valid JSON or holds an unknown key, rule, level or profile.',
    defaultSeverity: 'error' as Severity,
  },
  { id: 'document-too-large', description: 'The file is too large to check; it was skipped.', defaultSeverity: 'info' as Severity },
  { id: 'document-too-complex', description: 'The file took longer than the time limit to check; it was skipped.', defaultSeverity: 'info' as Severity },
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
