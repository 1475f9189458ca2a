// The stated incident window as the timeline rules compare entries against it: its two ends when
// both are placed in time and in order, whether an entry can be compared with an end, and how far
// outside the window an entry may lie before timestamp-outside-window reports it.
import type { PostmortemModel, Timestamp } from '../model';

/** An entry more than this before the start, or after the end, lies outside the window. */
export const OUTSIDE_BEFORE_MS = 3600_000;
export const OUTSIDE_AFTER_MS = 24 * 3600_000;

export interface PlacedWindow {
  start: Timestamp & { epochMs: number };
  end: Timestamp & { epochMs: number };
}

/** The window's ends, when both are placed and the end comes after the start. */
export function placedWindow(model: PostmortemModel): PlacedWindow | undefined {
  const start = model.window?.start;
  const end = model.window?.end;
  if (start?.epochMs === undefined || end?.epochMs === undefined || end.epochMs <= start.epochMs) return undefined;
  return { start: start as PlacedWindow['start'], end: end as PlacedWindow['end'] };
}

/** Whether a timestamp and a window end can be compared: both dated, or both on the placeholder date. */
export function comparable(stamp: Timestamp, bound: Timestamp): boolean {
  return stamp.epochMs !== undefined && Boolean(stamp.dateAssumed) === Boolean(bound.dateAssumed);
}
