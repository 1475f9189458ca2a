// `postmortem/model`: the analysis in the shape the client gets (line/character ranges, ISO
// instants, lengths already formatted), with the server's decisions made: which entries are placed,
// the phases, the metrics. Built from one analysis, so order and metrics are computed once.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Timestamp } from '../core/model';
import { phaseMarkers, type Milestone } from '../core/metrics';
import type { Analysis } from '../analysis';
import { civilDateOf, formatCivilDate, formatInstant, formatLength } from '../core/time';
import type { FormattedLength, ModelEntry, ModelMetric, ModelPhase, ModelResult } from '../../../common/protocol';
import { toRange } from './convert';
import { incidentSummary } from './duration';

/** The model in the shape the client gets: line/character ranges, ISO instants, and lengths already formatted. */
export function modelResult(document: TextDocument, analysis: Analysis): ModelResult {
  const { model, isPostmortem } = analysis;
  const profile = analysis.options.profile.id;
  const window = model?.window;
  const entries = placeEntries(document, analysis);
  const phases = phasesOf(analysis, entries);
  const windowLength =
    window?.start?.epochMs !== undefined && window.end?.epochMs !== undefined ? lengthBetween(window.start.epochMs, window.end.epochMs) : undefined;
  return {
    uri: document.uri,
    version: document.version,
    isPostmortem,
    profile,
    title: model?.title,
    sections: (model?.sections ?? []).map((section) => ({
      title: section.title,
      canonical: section.canonical,
      level: section.level,
      range: toRange(document, section.headingSpan),
    })),
    window: window && {
      start: window.start?.instant,
      end: window.end?.instant,
      zone: window.zone,
      statedMinutes: window.statedMinutes,
      range: toRange(document, window.span),
      error: window.error,
      startEpochMs: window.start?.epochMs,
      endEpochMs: window.end?.epochMs,
      startText: window.start && displayText(window.start, window.zone),
      endText: window.end && displayText(window.end, window.zone),
      length: windowLength,
    },
    entries,
    phases,
    metrics: metrics(analysis),
    incident: model && incidentSummary(analysis),
  };
}

function lengthBetween(fromMs: number, toMs: number): FormattedLength {
  const minutes = (toMs - fromMs) / 60_000;
  return { minutes, text: formatLength(minutes) };
}

/** The core's one instant format, in the zone it was read in: `2024-03-14 09:10 UTC+03:00`. */
function displayText(timestamp: Timestamp, windowZone: string | undefined): string | undefined {
  if (timestamp.epochMs === undefined) return undefined;
  return formatInstant(timestamp.epochMs, timestamp.zone ?? windowZone ?? 'UTC', !timestamp.dateAssumed);
}

function dateTextOf(timestamp: Timestamp): string | undefined {
  const date = timestamp.instant && !timestamp.dateAssumed ? civilDateOf(timestamp.instant) : undefined;
  return date && formatCivilDate(date);
}

/**
 * Entries in document order, placed as the core orders them (the timestamp-order rule's reading):
 * an out-of-order entry is marked, not placed; placed entries carry the time since the entry before.
 */
function placeEntries(document: TextDocument, analysis: Analysis): ModelEntry[] {
  const { model, order } = analysis;
  if (!model) return [];
  return model.entries.map((entry, index) => {
    const { timed, outOfOrder, placed, previous } = order[index];
    const epochMs = timed ? entry.timestamp.epochMs : undefined;
    const previousMs = previous === undefined ? undefined : model.entries[previous].timestamp.epochMs;
    const sincePrevious = placed && epochMs !== undefined && previousMs !== undefined ? lengthBetween(previousMs, epochMs) : undefined;
    return {
      range: toRange(document, entry.span),
      timestampRange: toRange(document, entry.timestamp.span),
      raw: entry.timestamp.raw,
      instant: entry.timestamp.instant,
      error: entry.timestamp.error,
      text: entry.text,
      phase: entry.phase,
      phases: entry.phases,
      epochMs,
      dateAssumed: entry.timestamp.dateAssumed || undefined,
      dateText: dateTextOf(entry.timestamp),
      outOfOrder: outOfOrder || undefined,
      sincePrevious,
    };
  });
}

/** The core's phase markers (first placed entry of each phase), with the time since the previous marker. */
function phasesOf(analysis: Analysis, entries: ModelEntry[]): ModelPhase[] {
  if (!analysis.model) return [];
  return phaseMarkers(analysis.model, analysis.order).map((marker, index, markers) => {
    const previous = markers[index - 1];
    return {
      phase: marker.phase,
      entry: marker.entry,
      // Two phases of one entry are not apart in time: only the first says how long since the one before.
      sincePreviousPhase:
        previous && previous.entry !== marker.entry
          ? { phase: previous.phase, length: lengthBetween(entries[previous.entry].epochMs!, entries[marker.entry].epochMs!) }
          : undefined,
    };
  });
}

const METRIC_LABELS: Record<Milestone, string> = {
  detect: 'Time to detect',
  acknowledge: 'Time to acknowledge',
  mitigate: 'Time to mitigate',
  resolve: 'Time to resolve',
};

/** The core's incident metrics (from the incident start to each milestone), with labels and lengths formatted. */
function metrics(analysis: Analysis): ModelMetric[] {
  if (!analysis.model) return [];
  return analysis.metrics.milestones.map((metric) => ({
    id: metric.milestone,
    label: METRIC_LABELS[metric.milestone],
    length: { minutes: metric.minutes, text: formatLength(metric.minutes) },
    entry: metric.entryIndex,
  }));
}
