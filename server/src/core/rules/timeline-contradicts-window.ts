// The timeline against the stated window: a detection before the outage started, a resolution
// after it ended, or a timeline that ends resolved well before the stated end. A cross-check a
// reviewer makes by reading both; the bigger gaps are timestamp-outside-window's.
import { formatLength } from '../time';
import { entryPhases } from '../phases';
import type { Rule, RuleReport } from './rule';
import { OUTSIDE_AFTER_MS, OUTSIDE_BEFORE_MS, comparable, placedWindow } from './window-bounds';

/** Less than this apart is rounding, not a contradiction. */
const SLACK_MS = 2 * 60_000;
/** A timeline may end this much before the stated end: the last check, written a little early. */
const EARLY_END_MS = 10 * 60_000;

function minutesBetween(a: number, b: number): string {
  return formatLength(Math.abs(a - b) / 60_000);
}

export const timelineContradictsWindow: Rule = {
  id: 'timeline-contradicts-window',
  description: 'The timeline detects the outage before the stated start, or resolves it before or after the stated end.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'time'],
  check({ model }) {
    const window = placedWindow(model);
    if (!window) return [];
    const { start, end } = window;
    // A window whose stated length disagrees with its own ends is duration-mismatch's to report, once.
    const stated = model.window?.statedMinutes;
    if (stated !== undefined && Math.abs(stated - (end.epochMs - start.epochMs) / 60_000) > 1) return [];
    // Mentions in prose ("we had escalated at 16:00") are not the timeline's own steps.
    const timed = model.entries.filter((entry) => entry.timestamp.epochMs !== undefined && !entry.inProse);
    if (timed.length < 2) return [];
    const reports: RuleReport[] = [];

    const detected = timed.find((entry) => entryPhases(entry).includes('detected'));
    if (detected && comparable(detected.timestamp, start)) {
      const at = detected.timestamp.epochMs!;
      if (at < start.epochMs - SLACK_MS && at >= start.epochMs - OUTSIDE_BEFORE_MS) {
        reports.push({
          message: `The outage is detected at ${detected.timestamp.raw}, ${minutesBetween(at, start.epochMs)} before it started (${start.raw}): correct the entry or the window's start.`,
          span: detected.timestamp.span,
        });
      }
    }

    const resolved = timed.find((entry) => entryPhases(entry).includes('resolved'));
    if (resolved && comparable(resolved.timestamp, end)) {
      const at = resolved.timestamp.epochMs!;
      const latest = Math.max(...timed.map((entry) => entry.timestamp.epochMs!));
      if (at > end.epochMs + SLACK_MS && at <= end.epochMs + OUTSIDE_AFTER_MS) {
        reports.push({
          message: `The outage is resolved at ${resolved.timestamp.raw}, ${minutesBetween(at, end.epochMs)} after it ended (${end.raw}): correct the entry or the window's end.`,
          span: resolved.timestamp.span,
        });
      } else if (at === latest && at < end.epochMs - EARLY_END_MS) {
        // The timeline ends with the resolution, yet the window runs on: one of the two is wrong.
        reports.push({
          message: `The timeline ends with the resolution at ${resolved.timestamp.raw}, ${minutesBetween(at, end.epochMs)} before the stated end (${end.raw}): correct the entry or the window's end.`,
          span: resolved.timestamp.span,
        });
      }
    }
    return reports;
  },
};
