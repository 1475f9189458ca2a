// Core findings and spans -> LSP shapes. The only place that knows both.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from '../core/model';

export const SOURCE = 'postmortem';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

let ruleDocsBase = '';

/** Where the rule pages are (a folder URI ending in `/`): set once by the service at start. */
export function setRuleDocsBase(base: string): void {
  ruleDocsBase = base.endsWith('/') ? base : `${base}/`;
}

/** The rule's documentation page. */
export function ruleDocUrl(ruleId: string): string {
  return `${ruleDocsBase}${ruleId}.md`;
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    message: finding.message,
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
