// Where each timeline entry goes on the vertical time axis: the one layout shared by the webview
// and the SVG export, so both draw the same picture. Pure: no DOM, no vscode.
import type { ModelEntry, ModelResult, Phase } from '../../../common/protocol';

export type AxisRow =
  /** A timeline entry, in document order. `space` is the proportional gap above it, in pixels. */
  | { kind: 'entry'; entry: number; space: number; placed: boolean; inWindow: boolean }
  /** A long quiet gap, drawn compressed with its length (`2 h 10 min later`). */
  | { kind: 'gap'; text: string; minutes: number; inWindow: boolean }
  /** Where the incident window starts or ends. */
  | { kind: 'window-start' | 'window-end'; text: string; inWindow: boolean };

export interface AxisLayout {
  rows: AxisRow[];
  /** Pixels per minute used for the proportional gaps. */
  scale: number;
  /** Gaps longer than this many minutes are compressed. */
  longGapMinutes: number;
}

/** Space for the most common gap, and the bounds that keep a dense or sparse timeline readable. */
const TYPICAL_GAP_PX = 36;
const MIN_SCALE = 0.25;
const MAX_SCALE = 6;
/** A gap is long (compressed) beyond this many typical gaps, and never below an hour. */
const LONG_GAP_FACTOR = 5;
const LONG_GAP_MIN_MINUTES = 60;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function isPlaced(entry: ModelEntry): boolean {
  return entry.epochMs !== undefined && !entry.outOfOrder && !entry.error;
}

/**
 * Rows in document order. Placed entries are spaced in proportion to the time since the previous
 * placed entry; gaps much longer than usual become one compressed, labelled row; entries that are
 * invalid or out of order stay where they were written, with no space of their own.
 */
export function layoutAxis(model: Pick<ModelResult, 'entries' | 'window'>): AxisLayout {
  const gaps = model.entries.map((e) => e.sincePrevious?.minutes).filter((m): m is number => m !== undefined && m > 0);
  const typical = median(gaps) ?? 15;
  const longGapMinutes = Math.max(LONG_GAP_MIN_MINUTES, typical * LONG_GAP_FACTOR);
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, TYPICAL_GAP_PX / typical));
  const startMs = model.window?.startEpochMs;
  const endMs = model.window?.endEpochMs;
  const hasWindow = startMs !== undefined && endMs !== undefined && endMs >= startMs;
  const within = (ms: number) => hasWindow && ms >= startMs! && ms <= endMs!;

  const placedIndexes = model.entries.flatMap((e, i) => (isPlaced(e) ? [i] : []));
  const firstInWindow = placedIndexes.find((i) => within(model.entries[i].epochMs!));
  const lastInWindow = [...placedIndexes].reverse().find((i) => within(model.entries[i].epochMs!));

  const rows: AxisRow[] = [];
  let inWindow = false;
  model.entries.forEach((entry, index) => {
    const placed = isPlaced(entry);
    let space = 0;
    const gap = placed ? entry.sincePrevious : undefined;
    if (gap && gap.minutes > longGapMinutes) {
      rows.push({ kind: 'gap', text: `${gap.text} later`, minutes: gap.minutes, inWindow });
    } else if (gap) {
      space = Math.round(gap.minutes * scale);
    }
    if (placed && index === firstInWindow) {
      inWindow = true;
      rows.push({ kind: 'window-start', text: model.window?.startText ?? '', inWindow });
    }
    rows.push({ kind: 'entry', entry: index, space, placed, inWindow });
    if (placed && index === lastInWindow) {
      rows.push({ kind: 'window-end', text: model.window?.endText ?? '', inWindow });
      inWindow = false;
    }
  });
  return { rows, scale, longGapMinutes };
}

/** How a phase id reads to people (a Record over the core's Phase: a new phase fails to compile until it has a label). */
export const PHASE_LABELS: Record<Phase, string> = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  escalated: 'Escalated',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

export function phaseLabel(phase: string): string {
  return (PHASE_LABELS as Record<string, string>)[phase] ?? phase;
}

/** Every phase an entry marks, in the incident's course: its `phases`, or its one `phase`. */
export function phasesOfEntry(entry: Pick<ModelEntry, 'phase' | 'phases'>): string[] {
  return entry.phases ?? (entry.phase ? [entry.phase] : []);
}

/** Why an entry is not on the axis, in words; undefined for placed entries. */
export function entryProblem(entry: ModelEntry): string | undefined {
  if (entry.error) return `Invalid time: ${entry.error}`;
  if (entry.outOfOrder) return 'Out of order: earlier than the entry just above it';
  if (entry.epochMs === undefined) return 'No time the preview can place';
  return undefined;
}
