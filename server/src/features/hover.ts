// Hover on a timeline timestamp (or an end of the Duration window): the instant in UTC and in the
// document's zone, time since the incident start and since the previous entry. Facts from the core.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { timestampFactsAt, type TimestampFacts } from '../core/metrics';
import { formatLength } from '../core/time';
import { toRange } from './convert';
import type { Analysis } from '../analysis';

/**
 * Markdown-escapes text the user wrote, for the hover and the status bar tooltip (it only ever
 * appears mid-line, so `-`, `#` and `+` are safe).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

function since(minutes: number, raw: string, what: string): string {
  const length = formatLength(Math.abs(minutes));
  return minutes < 0 ? `${length} before ${what} (${escapeMarkdown(raw)})` : `${length} since ${what} (${escapeMarkdown(raw)})`;
}

const KIND: Record<TimestampFacts['kind'], string> = {
  entry: 'timeline entry',
  'window-start': 'start of the incident window',
  'window-end': 'end of the incident window',
};

export function hoverMarkdown(facts: TimestampFacts): string {
  const lines = [`**${escapeMarkdown(facts.raw)}** · ${KIND[facts.kind]}`, ''];
  if (facts.error) return [...lines, escapeMarkdown(facts.error)].join('\n');
  if (!facts.utc) return [...lines, 'This time cannot be placed (no date or zone to resolve it).'].join('\n');
  if (facts.zone === 'UTC') {
    lines.push(`- UTC (the document's zone): ${facts.utc}`);
  } else {
    lines.push(`- UTC: ${facts.utc}`);
    if (facts.local) lines.push(`- Document zone (${escapeMarkdown(facts.zone!)}): ${facts.local}`);
  }
  if (facts.ownLocal) lines.push(`- As written (${escapeMarkdown(facts.ownZone!)}): ${facts.ownLocal}`);
  if (facts.sinceStart) lines.push(`- ${since(facts.sinceStart.minutes, facts.sinceStart.raw, 'the incident start')}`);
  if (facts.sincePrevious) {
    const what = facts.kind === 'window-end' ? 'the start' : 'the previous entry';
    lines.push(`- ${since(facts.sincePrevious.minutes, facts.sincePrevious.raw, what)}`);
  }
  const assumed = [
    facts.zoneAssumed ? 'no zone is written for it or the timeline, so it is read as UTC' : '',
    facts.dateAssumed ? 'no date is written, so only clock times are compared' : '',
  ].filter(Boolean);
  if (assumed.length) lines.push('', `_Note: ${assumed.join('; ')}._`);
  return lines.join('\n');
}

export function hover(document: TextDocument, analysis: Analysis, position: Position): Hover | null {
  if (!analysis.model) return null;
  const facts = timestampFactsAt(analysis.model, document.offsetAt(position), analysis.metrics);
  if (!facts) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(facts) }, range: toRange(document, facts.span) };
}
