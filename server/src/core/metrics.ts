// Incident metrics from the model: how long the outage lasted, and how long it took to detect,
// acknowledge or escalate, mitigate and resolve, each with the timeline entry it came from so a
// reader can see why. Plus the facts a hover shows about one timestamp, and the edit that writes a
// missing length into the Duration line. Pure: model in, plain data out.
import type { CivilDate, Phase, PostmortemModel, Span, TextEdit, Timestamp } from './model';
import { civilDateOf, findTimestamps, formatInstant, formatLength } from './time';
import { lengthBetween, type LengthDefaults, type LengthResult, type ResolvedEnd } from './metrics/between';
import { orderEntries } from './metrics/order';
import { entryPhases } from './phases';

export { lengthBetween, readDefaults, isLengthFailure } from './metrics/between';
export type { LengthDefaults, LengthPart, LengthResult, ResolvedEnd } from './metrics/between';
export { orderEntries, phaseMarkers } from './metrics/order';
export type { EntryPlace } from './metrics/order';

/** The stages measured from the incident start, in the order they happen. */
export type Milestone = 'detect' | 'acknowledge' | 'mitigate' | 'resolve';
export const MILESTONES: readonly Milestone[] = ['detect', 'acknowledge', 'mitigate', 'resolve'];

/** The entry phases that mark each milestone, in order of preference: the first entry with the first phase found counts. */
const MILESTONE_PHASES: Record<Milestone, readonly Phase[]> = {
  detect: ['detected'],
  acknowledge: ['acknowledged', 'escalated'],
  mitigate: ['mitigated'],
  resolve: ['resolved'],
};

export interface MilestoneMetric {
  milestone: Milestone;
  /** The phase of the entry it came from (`acknowledged` or `escalated` for `acknowledge`). */
  phase: Phase;
  /** Minutes from the incident start; negative when the entry comes before it. */
  minutes: number;
  /** Index into `model.entries`. */
  entryIndex: number;
  /** The entry's timestamp as written and where. */
  raw: string;
  span: Span;
}

export interface IncidentPoint {
  raw: string;
  span: Span;
  epochMs: number;
  /** Whether it is the window's (Duration, Start/End fields) or the first timeline entry's. */
  from: 'window' | 'timeline';
  dateAssumed: boolean;
}

export interface IncidentMetrics {
  /** The incident start: the window's start, else the first `started` entry, else the first entry with a time. */
  start?: IncidentPoint;
  /** The window's end, when it is known and after the start. */
  end?: IncidentPoint;
  /** The outage length: end minus start, else the length stated in the Duration line. */
  totalMinutes?: number;
  totalFrom?: 'window' | 'stated';
  milestones: MilestoneMetric[];
  /** The document's zone: the timeline's declared zone, else the window's. */
  zone?: string;
  /** The date the window starts on, when one is written. */
  date?: CivilDate;
}

/**
 * Of the placed entries of `phase`, the one nearest the stated end: with the end known, "record
 * restored" twenty minutes before it is a step, and "ticket closed" the next day comes after it.
 */
function nearestTo(end: IncidentPoint, model: PostmortemModel, order: ReturnType<typeof orderEntries>, phase: Phase): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  model.entries.forEach((entry, index) => {
    if (!order[index].placed || !entryPhases(entry).includes(phase) || entry.timestamp.epochMs === undefined || !comparable(end, entry.timestamp)) return;
    const distance = Math.abs(entry.timestamp.epochMs - end.epochMs);
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

function point(timestamp: Timestamp | undefined, from: IncidentPoint['from']): IncidentPoint | undefined {
  if (!timestamp || timestamp.epochMs === undefined || timestamp.error) return undefined;
  return { raw: timestamp.raw, span: timestamp.span, epochMs: timestamp.epochMs, from, dateAssumed: Boolean(timestamp.dateAssumed) };
}

/** A placeholder date on one side and a real one on the other cannot be subtracted. */
function comparable(a: { dateAssumed?: boolean }, b: { dateAssumed?: boolean }): boolean {
  return Boolean(a.dateAssumed) === Boolean(b.dateAssumed);
}

export function incidentMetrics(model: PostmortemModel, order = orderEntries(model)): IncidentMetrics {
  const window = model.window;
  // Only placed entries count: an entry the timestamp-order rule flags has a time nobody trusts.
  const placed = model.entries.filter((_, index) => order[index].placed);
  const firstTimed = placed.find((entry) => entry.phase === 'started') ?? placed[0];
  const start = point(window?.start, 'window') ?? point(firstTimed?.timestamp, 'timeline');
  let end = window?.error ? undefined : point(window?.end, 'window');
  if (end && start && (end.epochMs <= start.epochMs || !comparable(start, end))) end = undefined;

  const metrics: IncidentMetrics = { start, end, milestones: [], zone: model.timelineZone ?? window?.zone };
  const windowStart = window?.start;
  if (windowStart?.instant && !windowStart.dateAssumed) metrics.date = civilDateOf(windowStart.instant);

  if (start && end && start.from === 'window' && !window?.error) {
    metrics.totalMinutes = (end.epochMs - start.epochMs) / 60_000;
    metrics.totalFrom = 'window';
  } else if (window?.statedMinutes !== undefined) {
    metrics.totalMinutes = window.statedMinutes;
    metrics.totalFrom = 'stated';
  }

  if (start) {
    for (const milestone of MILESTONES) {
      // In the order of preference: a page acknowledged, else the page sent.
      const found = MILESTONE_PHASES[milestone]
        .map((phase) => ({ phase, entryIndex: model.entries.findIndex((entry, index) => entryPhases(entry).includes(phase) && order[index].placed) }))
        .find((candidate) => candidate.entryIndex >= 0);
      if (!found) continue;
      const { phase } = found;
      const entryIndex = milestone === 'resolve' && end ? (nearestTo(end, model, order, 'resolved') ?? found.entryIndex) : found.entryIndex;
      const entry = model.entries[entryIndex];
      if (!comparable(start, entry.timestamp)) continue;
      metrics.milestones.push({
        milestone,
        phase,
        minutes: (entry.timestamp.epochMs! - start.epochMs) / 60_000,
        entryIndex,
        raw: entry.timestamp.raw,
        span: entry.timestamp.span,
      });
    }
  }
  return metrics;
}

/** `detected after 0 min`, `escalated after 2 h 15 min`, `detected 5 min before the start`. */
export function describeMilestone(metric: MilestoneMetric): string {
  if (metric.minutes < 0) return `${metric.phase} ${formatLength(-metric.minutes)} before the start`;
  return `${metric.phase} after ${formatLength(metric.minutes)}`;
}

/**
 * One line for a CodeLens or a status bar tooltip, parts only where known:
 * `4 h · detected after 0 min · mitigated after 3 h 30 min · resolved after 4 h`.
 */
export function summarizeMetrics(metrics: IncidentMetrics): string | undefined {
  const parts: string[] = [];
  if (metrics.totalMinutes !== undefined) {
    const total = formatLength(metrics.totalMinutes);
    parts.push(metrics.totalFrom === 'stated' ? `${total} (as stated)` : total);
  }
  for (const milestone of metrics.milestones) parts.push(describeMilestone(milestone));
  return parts.length ? parts.join(' · ') : undefined;
}

// ---- one timestamp, for a hover ---------------------------------------------------------------

export interface TimestampFacts {
  raw: string;
  span: Span;
  /** Where the timestamp is: a timeline entry, or an end of the incident window. */
  kind: 'entry' | 'window-start' | 'window-end';
  error?: string;
  /** `2024-04-10 09:00 UTC` (no date when none was written anywhere). */
  utc?: string;
  /** The same instant in the document's zone, and that zone; absent when the document has none. */
  local?: string;
  zone?: string;
  /** The zone it was read in, when it differs from the document's (written on the timestamp itself). */
  ownZone?: string;
  ownLocal?: string;
  zoneAssumed: boolean;
  dateAssumed: boolean;
  sinceStart?: { minutes: number; raw: string };
  sincePrevious?: { minutes: number; raw: string };
}

/** The facts about the timestamp (timeline entry or window end) that covers `offset`, if any. */
export function timestampFactsAt(model: PostmortemModel, offset: number, metrics = incidentMetrics(model)): TimestampFacts | undefined {
  const covers = (span: Span) => span.start <= offset && offset <= span.end;
  let timestamp: Timestamp | undefined;
  let kind: TimestampFacts['kind'] = 'entry';
  let previous: Timestamp | undefined;
  const index = model.entries.findIndex((entry) => covers(entry.timestamp.span));
  if (index >= 0) {
    timestamp = model.entries[index].timestamp;
    const previousIndex = orderEntries(model)[index].previous;
    previous = previousIndex === undefined ? undefined : model.entries[previousIndex].timestamp;
  } else if (model.window?.start && covers(model.window.start.span)) {
    timestamp = model.window.start;
    kind = 'window-start';
  } else if (model.window?.end && covers(model.window.end.span)) {
    timestamp = model.window.end;
    kind = 'window-end';
    previous = model.window.start;
  }
  if (!timestamp) return undefined;

  const facts: TimestampFacts = {
    raw: timestamp.raw,
    span: timestamp.span,
    kind,
    zoneAssumed: Boolean(timestamp.zoneAssumed),
    dateAssumed: Boolean(timestamp.dateAssumed),
  };
  if (timestamp.error) return { ...facts, error: timestamp.error };
  if (timestamp.epochMs === undefined) return facts;
  const withDate = !timestamp.dateAssumed;
  facts.utc = formatInstant(timestamp.epochMs, 'UTC', withDate);
  if (metrics.zone) {
    facts.zone = metrics.zone;
    facts.local = formatInstant(timestamp.epochMs, metrics.zone, withDate);
  }
  // A zone written on the timestamp itself, when it is not the document's: shown too.
  const own = timestamp.zone;
  if (own && own !== metrics.zone && own !== 'UTC') {
    facts.ownZone = own;
    facts.ownLocal = formatInstant(timestamp.epochMs, own, withDate);
  }
  const start = metrics.start;
  if (start && kind !== 'window-start' && comparable(start, timestamp) && start.span.start !== timestamp.span.start) {
    facts.sinceStart = { minutes: (timestamp.epochMs - start.epochMs) / 60_000, raw: start.raw };
  }
  if (previous?.epochMs !== undefined && !previous.error && comparable(previous, timestamp)) {
    facts.sincePrevious = { minutes: (timestamp.epochMs - previous.epochMs) / 60_000, raw: previous.raw };
  }
  return facts;
}

// ---- writing the length into the Duration line ------------------------------------------------

export type StatedLengthEdit = { ok: true; edit: TextEdit; length: string } | { ok: false; reason: string };

/**
 * The edit that appends the window's length (` (4 h)`) to a Duration line that states none, or why
 * there is nothing to add. It inserts only, after the value as written: it can never eat text.
 */
export function statedLengthEdit(model: PostmortemModel, text: string): StatedLengthEdit {
  const window = model.window;
  if (!window) return { ok: false, reason: 'This postmortem has no Duration line.' };
  if (window.source !== 'duration') return { ok: false, reason: 'The incident window comes from Start/End fields, not a Duration line.' };
  if (window.statedSpan) return { ok: false, reason: 'The Duration line already states a length.' };
  if (window.error) return { ok: false, reason: `The duration cannot be read: ${window.error}` };
  const { start, end } = window;
  if (start?.epochMs === undefined || end?.epochMs === undefined) {
    return { ok: false, reason: 'The Duration line needs a start and an end time to compute its length.' };
  }
  if (end.epochMs <= start.epochMs) return { ok: false, reason: 'The duration ends before it starts.' };
  const length = formatLength((end.epochMs - start.epochMs) / 60_000);
  // After the value, before trailing blanks and any closing emphasis the author wrapped it in.
  let at = window.span.end;
  while (at > window.span.start && /[ \t*_]/.test(text[at - 1])) at--;
  return { ok: true, edit: { span: { start: at, end: at }, newText: ` (${length})` }, length };
}

// ---- the length across a selection ------------------------------------------------------------

function resolvedFromModel(timestamp: Timestamp, zone: string): ResolvedEnd {
  const epochMs = timestamp.epochMs!;
  return {
    raw: timestamp.raw,
    instant: timestamp.instant ?? new Date(epochMs).toISOString(),
    utc: new Date(epochMs).toISOString(),
    epochMs,
    zone: timestamp.zone ?? zone,
    zoneAssumed: Boolean(timestamp.zoneAssumed),
    dateAssumed: Boolean(timestamp.dateAssumed),
  };
}

/**
 * The length from the first to the last timestamp inside `span` of the document. Timestamps the
 * model has read (timeline entries, window ends) count as the document reads them, with the dates
 * and midnights it carried over; others are read from their text with `defaults`.
 */
export function lengthInSpan(text: string, span: Span, model: PostmortemModel | undefined, defaults: LengthDefaults): LengthResult {
  const selected = text.slice(span.start, span.end);
  const found = findTimestamps(selected);
  // A date on its own line (`April 10, 2024`) dates the entries below it; it is no end of its own.
  const timed = found.filter((stamp) => stamp.time || stamp.error);
  const stamps = timed.length >= 2 ? timed : found;
  if (stamps.length < 2) {
    const what = stamps.length ? `only one timestamp (${stamps[0].raw})` : 'no timestamp';
    return { ok: false, part: 'selection', error: `The selection holds ${what}: select two, or run the command without a selection to type them.` };
  }
  const first = stamps[0];
  const last = stamps[stamps.length - 1];
  const notes = stamps.length > 2 ? [`Measured from the first of the ${stamps.length} selected timestamps (${first.raw}) to the last (${last.raw}).`] : [];

  const known = new Map<number, Timestamp>();
  for (const timestamp of [model?.window?.start, model?.window?.end, ...(model?.entries ?? []).map((entry) => entry.timestamp)]) {
    if (timestamp && timestamp.epochMs !== undefined && !timestamp.error) known.set(timestamp.span.start, timestamp);
  }
  const a = known.get(span.start + first.offset);
  const b = known.get(span.start + last.offset);
  if (a && b && comparable(a, b) && a.raw === first.raw && b.raw === last.raw) {
    const minutes = (b.epochMs! - a.epochMs!) / 60_000;
    const zone = defaults.zone ?? 'UTC';
    const start = resolvedFromModel(a, zone);
    if (minutes < 0) {
      return { ok: false, part: 'end', error: `The end (${b.raw}) is ${formatLength(-minutes)} before the start (${a.raw}).`, start };
    }
    return { ok: true, minutes, text: formatLength(minutes), start, end: resolvedFromModel(b, zone), notes };
  }
  const result = lengthBetween(first.raw, last.raw, defaults);
  return result.ok ? { ...result, notes: [...notes, ...result.notes] } : result;
}
