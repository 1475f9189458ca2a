// Core findings and spans -> LSP shapes. The only place that knows both. Links to rule pages are
// made by a `RuleDocs` the service builds once from where the docs are (no module state).
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from '../core/model';
import { ruleDocUrl } from '../core/rules';
import { DIAGNOSTIC_SOURCE } from '../../../common/protocol';

export const SOURCE = DIAGNOSTIC_SOURCE;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A rule id (or notice id) -> the link to its page. */
export type RuleDocs = (ruleId: string) => string;

export function ruleDocs(docsBaseUri: string): RuleDocs {
  return (ruleId) => ruleDocUrl(docsBaseUri, ruleId);
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(document: TextDocument, finding: Finding, docs: RuleDocs): Diagnostic {
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docs(finding.ruleId) },
    message: finding.message,
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
