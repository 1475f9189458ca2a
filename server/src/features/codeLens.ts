// The CodeLens above the Duration line: the outage length and the milestones, from core/metrics.ts.
// Clicking it opens the calculator with the window's ends filled in.
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { statedLengthEdit, summarizeMetrics } from '../core/metrics';
import type { Analysis } from '../analysis';
import { Commands, type CalculateDurationArgs } from '../../../common/protocol';

export function codeLenses(document: TextDocument, analysis: Analysis): CodeLens[] {
  const model = analysis.model;
  const window = model?.window;
  if (!model || !window) return [];
  const start = document.positionAt(window.span.start);
  const range = { start, end: start };
  const summary = summarizeMetrics(analysis.metrics);
  const args: CalculateDurationArgs = { uri: document.uri, start: window.start?.raw, end: window.end?.raw };
  const title = summary ?? 'Calculate the duration…';
  const lenses: CodeLens[] = [{ range, command: { title, command: Commands.calculateDuration, arguments: [args] } }];
  const addition = statedLengthEdit(model, document.getText());
  if (addition.ok) {
    lenses.push({ range, command: { title: `Add "(${addition.length})" to this line`, command: Commands.addStatedLength, arguments: [document.uri] } });
  }
  return lenses;
}
