import { DateTime } from 'luxon';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemModel, Timestamp } from '../core/model';
import { incidentMetrics, type Milestone } from '../core/metrics';
import { formatLength } from '../core/time';
import type { FormattedLength, ModelEntry, ModelMetric, ModelPhase, ModelResult } from '../protocol';
import { toRange } from './convert';
import { incidentSummary } from './duration';

/** The model in the shape the client gets: line/character ranges, ISO instants, and lengths already formatted. */
export function modelResult(document: TextDocument, model: PostmortemModel | undefined, isPostmortem: boolean, profile: string): ModelResult {
  const window = model?.window;
  const entries = placeEntries(document, model);
  const phases = phaseMarkers(entries);
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
    metrics: metrics(model),
    incident: model && incidentSummary(model),
  };
}

function lengthBetween(fromMs: number, toMs: number): FormattedLength {
  const minutes = (toMs - fromMs) / 60_000;
  return { minutes, text: formatLength(minutes) };
}

/** `2024-03-14 09:10 UTC`, or `09:10 UTC` when no date was written. */
function displayText(timestamp: Timestamp, windowZone: string | undefined): string | undefined {
  if (!timestamp.instant) return undefined;
  const at = DateTime.fromISO(timestamp.instant, { setZone: true });
  if (!at.isValid) return undefined;
  const zone = timestamp.zoneText ?? windowZone ?? (timestamp.zoneAssumed ? undefined : timestamp.zone);
  return [at.toFormat(timestamp.dateAssumed ? 'HH:mm' : 'yyyy-MM-dd HH:mm'), zone].filter(Boolean).join(' ');
}

/**
 * Entries in document order, each with what a time axis needs: an entry earlier than one above it
 * is out of order (marked, not placed); placed entries carry the time since the previous placed one.
 */
function placeEntries(document: TextDocument, model: PostmortemModel | undefined): ModelEntry[] {
  let previousMs: number | undefined;
  return (model?.entries ?? []).map((entry) => {
    const epochMs = entry.timestamp.error ? undefined : entry.timestamp.epochMs;
    const outOfOrder = epochMs !== undefined && previousMs !== undefined && epochMs < previousMs;
    const sincePrevious = epochMs !== undefined && previousMs !== undefined && !outOfOrder ? lengthBetween(previousMs, epochMs) : undefined;
    if (epochMs !== undefined && !outOfOrder) previousMs = epochMs;
    return {
      range: toRange(document, entry.span),
      timestampRange: toRange(document, entry.timestamp.span),
      raw: entry.timestamp.raw,
      instant: entry.timestamp.instant,
      error: entry.timestamp.error,
      text: entry.text,
      phase: entry.phase,
      epochMs,
      dateAssumed: entry.timestamp.dateAssumed || undefined,
      outOfOrder: outOfOrder || undefined,
      sincePrevious,
    };
  });
}

const isPlaced = (entry: ModelEntry): entry is ModelEntry & { epochMs: number } => entry.epochMs !== undefined && !entry.outOfOrder;

/** The first placed entry of each phase, in time order, with the time since the previous marker. */
function phaseMarkers(entries: ModelEntry[]): ModelPhase[] {
  const seen = new Set<string>();
  const markers: ModelPhase[] = [];
  entries.forEach((entry, index) => {
    if (!entry.phase || !isPlaced(entry) || seen.has(entry.phase)) return;
    seen.add(entry.phase);
    const previous = markers[markers.length - 1];
    const previousMs = previous && entries[previous.entry].epochMs!;
    markers.push({
      phase: entry.phase,
      entry: index,
      sincePreviousPhase: previous ? { phase: previous.phase, length: lengthBetween(previousMs, entry.epochMs) } : undefined,
    });
  });
  return markers;
}

const METRIC_LABELS: Record<Milestone, string> = {
  detect: 'Time to detect',
  acknowledge: 'Time to acknowledge',
  mitigate: 'Time to mitigate',
  resolve: 'Time to resolve',
};

/** The core's incident metrics (from the incident start to each milestone), with labels and lengths formatted. */
function metrics(model: PostmortemModel | undefined): ModelMetric[] {
  if (!model) return [];
  return incidentMetrics(model).milestones.map((metric) => ({
    id: metric.milestone,
    label: METRIC_LABELS[metric.milestone],
    length: { minutes: metric.minutes, text: formatLength(metric.minutes) },
    entry: metric.entryIndex,
  }));
}
