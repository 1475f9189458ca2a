// The order of timeline entries, decided once: the timestamp-order rule, the metrics, the hover and
// the preview all read it from here, so what is marked out of order is exactly what is flagged.
import type { Phase, PostmortemModel, TimelineEntry } from '../model';
import { entryPhases } from '../phases';

export interface EntryPlace {
  /** The entry has an instant (a time that could be read). */
  timed: boolean;
  /**
   * Earlier than the timed entry just before it in the document (the entry the rule names). Only
   * that entry is out of order: the ones after it are compared with it, not with the latest time
   * seen (`10:00, 12:00, 11:00, 11:30` marks 11:00 alone).
   */
  outOfOrder: boolean;
  /** Timed and in order: it belongs on a time axis and may count for a metric. */
  placed: boolean;
  /** Index of the timed entry just before it in the document, if any. */
  previous?: number;
}

function epochOf(entry: TimelineEntry): number | undefined {
  return entry.timestamp.error ? undefined : entry.timestamp.epochMs;
}

/** One place per entry of `model.entries`, same indices. */
export function orderEntries(model: PostmortemModel): EntryPlace[] {
  let previous: number | undefined;
  return model.entries.map((entry, index) => {
    const epochMs = epochOf(entry);
    if (epochMs === undefined) return { timed: false, outOfOrder: false, placed: false, previous };
    const earlier = previous !== undefined && epochMs < epochOf(model.entries[previous])!;
    // A time mentioned in a sentence ("pods peaking around 07:15") may look back: never out of order.
    if (entry.inProse) return { timed: true, outOfOrder: false, placed: !earlier, previous };
    const place: EntryPlace = { timed: true, outOfOrder: earlier, placed: !earlier, previous };
    previous = index;
    return place;
  });
}

/**
 * The first placed entry of each phase, in document order: where a time axis marks the phases. An
 * entry that marks several ("alert fires; on-call paged") carries a marker for each, in the incident's course.
 */
export function phaseMarkers(model: PostmortemModel, order = orderEntries(model)): Array<{ phase: Phase; entry: number }> {
  const seen = new Set<Phase>();
  const markers: Array<{ phase: Phase; entry: number }> = [];
  model.entries.forEach((entry, index) => {
    if (!order[index].placed) return;
    for (const phase of entryPhases(entry)) {
      if (seen.has(phase)) continue;
      seen.add(phase);
      markers.push({ phase, entry: index });
    }
  });
  return markers;
}
