// `postmortem/duration` and `postmortem/statedLengthEdit`: the calculator's arithmetic and the
// "add the length to the Duration line" edit, answered from the core. The client only asks.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemModel } from '../core/model';
import { formatCivilDate, formatInstant, formatLength } from '../core/time';
import type { Analysis } from '../analysis';
import {
  isLengthFailure,
  lengthBetween,
  lengthInSpan,
  readDefaults,
  statedLengthEdit,
  summarizeMetrics,
  type LengthResult,
  type ResolvedEnd,
} from '../core/metrics';
import type { DurationEnd, DurationParams, DurationResult, IncidentSummary, StatedLengthEditResult } from '../../../common/protocol';
import { toRange } from './convert';
import { escapeMarkdown } from './hover';

function toEnd(end: ResolvedEnd): DurationEnd {
  return {
    raw: end.raw,
    instant: end.instant,
    utc: end.utc,
    utcText: formatInstant(end.epochMs, 'UTC', !end.dateAssumed),
    zone: end.zone,
    zoneAssumed: end.zoneAssumed,
    dateAssumed: end.dateAssumed,
  };
}

function toResult(result: LengthResult, defaults: DurationResult['defaults']): DurationResult {
  if (result.ok) {
    return { ok: true, minutes: result.minutes, text: result.text, start: toEnd(result.start), end: toEnd(result.end), notes: result.notes, defaults };
  }
  return result.start
    ? { ok: false, part: result.part, error: result.error, start: toEnd(result.start), defaults }
    : { ok: false, part: result.part, error: result.error, defaults };
}

/**
 * The length asked for. Zone and date default to what the document says (its timeline or window
 * zone, the date its window starts on) when `document` is a postmortem the server has read.
 */
export function duration(document: TextDocument | undefined, analysis: Analysis | undefined, params: DurationParams): DurationResult {
  const model = analysis?.model;
  const metrics = model && analysis.metrics;
  const zoneText = params?.zone?.trim() || metrics?.zone;
  const dateText = params?.date?.trim() || (metrics?.date && formatCivilDate(metrics.date));
  const defaults = readDefaults(zoneText, dateText);
  const used = { zone: zoneText || undefined, date: dateText || undefined };
  if (isLengthFailure(defaults)) return toResult(defaults, used);
  if (params?.range) {
    if (!document) return { ok: false, part: 'selection', error: 'The document is not open in the language server.', defaults: used };
    const span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
    return toResult(lengthInSpan(document.getText(), span, model, defaults), used);
  }
  return toResult(lengthBetween(params?.start ?? '', params?.end ?? '', defaults), used);
}

export function statedLength(document: TextDocument, model: PostmortemModel | undefined): StatedLengthEditResult {
  if (!model) return { ok: false, reason: 'This file is not treated as a postmortem.' };
  const result = statedLengthEdit(model, document.getText());
  if (!result.ok) return result;
  return { ok: true, version: document.version, length: result.length, edit: { range: toRange(document, result.edit.span), newText: result.edit.newText } };
}

/** The `incident` part of the `postmortem/model` answer: what the status bar shows. */
export function incidentSummary(analysis: Analysis): IncidentSummary {
  const metrics = analysis.metrics;
  const text = summarizeMetrics(metrics);
  const summary: IncidentSummary = {
    summary: text,
    summaryMarkdown: text && escapeMarkdown(text),
    zone: metrics.zone,
    date: metrics.date && formatCivilDate(metrics.date),
  };
  if (metrics.totalMinutes !== undefined && metrics.totalFrom) {
    summary.total = { minutes: metrics.totalMinutes, text: formatLength(metrics.totalMinutes), from: metrics.totalFrom };
  }
  return summary;
}
