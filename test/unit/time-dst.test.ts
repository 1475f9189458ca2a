// Wall times across daylight-saving changes, read the same way by the window, the timeline, the
// metrics (CodeLens, status bar) and the calculator. Expected instants are worked out by hand from the
// New York rules: EST is UTC-5, EDT UTC-4; clocks jump 02:00 -> 03:00 on 2024-03-10 and go back
// 02:00 -> 01:00 on 2024-11-03.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint';
import { incidentMetrics, lengthBetween, lengthInSpan, summarizeMetrics } from '../../server/src/core/metrics';
import { nextDayWallTime, resolveWallTime } from '../../server/src/core/time';

const NY = 'America/New_York';
const clock = (hour: number, minute: number) => ({ hour, minute, second: 0, clock: '24h' as const });

function postmortem(duration: string, timeline: string[]): string {
  return ['# Postmortem: DST', '', '## Summary', '', `Duration: ${duration}`, '', '## Timeline', '', 'All times in ET.', '', ...timeline, ''].join('\n');
}

describe('time: wall times on daylight-saving days (one rule)', () => {
  it('moves a skipped wall time forward and says so', () => {
    const wall = resolveWallTime({ year: 2024, month: 3, day: 10 }, clock(2, 30), NY)!;
    assert.equal(wall.dateTime.toISO(), '2024-03-10T03:30:00.000-04:00');
    assert.equal(wall.skipped, true);
    assert.equal(wall.repeated, false);
  });

  it('takes the first of a repeated wall time (EDT, before the clocks go back)', () => {
    const wall = resolveWallTime({ year: 2024, month: 11, day: 3 }, clock(1, 30), NY)!;
    assert.equal(wall.dateTime.toISO(), '2024-11-03T01:30:00.000-04:00');
    assert.equal(wall.repeated, true);
    assert.equal(wall.skipped, false);
  });

  it("reads the next day of a wall time at that day's offset", () => {
    const wall = nextDayWallTime({ year: 2024, month: 3, day: 9 }, clock(3, 30), NY)!;
    assert.equal(wall.dateTime.toISO(), '2024-03-10T03:30:00.000-04:00');
    const endOfMonth = nextDayWallTime({ year: 2024, month: 2, day: 29 }, clock(0, 10), 'UTC')!;
    assert.equal(endOfMonth.dateTime.toISO(), '2024-03-01T00:10:00.000Z');
  });
});

describe('a window across the spring-forward night: 23:30 EST to 03:30 EDT is 3 h everywhere', () => {
  const text = postmortem('2024-03-09 23:30 - 03:30 America/New_York', ['- 23:30: Deploy started.', '- 03:30: Service resolved.']);
  const model = lint(text).model;

  it('the window end rolls over to 03:30 EDT on March 10', () => {
    assert.equal(model.window?.end?.instant, '2024-03-10T03:30:00.000-04:00');
    assert.equal((model.window!.end!.epochMs! - model.window!.start!.epochMs!) / 60_000, 180);
  });

  it('the metrics (CodeLens and status bar) say 3 h', () => {
    const metrics = incidentMetrics(model);
    assert.equal(metrics.totalMinutes, 180);
    assert.equal(summarizeMetrics(metrics), '3 h · resolved after 3 h');
  });

  it('the timeline entry after midnight rolls over the same way', () => {
    assert.equal(model.entries[1].rolledOver, true);
    assert.equal(model.entries[1].timestamp.instant, '2024-03-10T03:30:00.000-04:00');
  });

  it('the calculator, typed or over the selected Duration line, says 3 h', () => {
    const typed = lengthBetween('2024-03-09 23:30 America/New_York', '03:30 America/New_York');
    assert.ok(typed.ok, typed.ok ? '' : typed.error);
    assert.equal(typed.text, '3 h');
    const at = text.indexOf('2024-03-09');
    const selected = lengthInSpan(text, { start: at, end: text.indexOf('\n', at) }, model, { zone: NY });
    assert.ok(selected.ok, selected.ok ? '' : selected.error);
    assert.equal(selected.text, '3 h');
  });
});

describe('a window starting on a repeated wall time: the window and the calculator take the same one', () => {
  it('01:30 (the first, EDT) to 03:30 EST on 2024-11-03 is 3 h in both', () => {
    const model = lint(postmortem('2024-11-03 01:30 - 03:30 America/New_York', [])).model;
    assert.equal(model.window?.start?.instant, '2024-11-03T01:30:00.000-04:00');
    assert.equal(incidentMetrics(model).totalMinutes, 180);
    const typed = lengthBetween('2024-11-03 01:30', '03:30', { zone: NY });
    assert.ok(typed.ok, typed.ok ? '' : typed.error);
    assert.equal(typed.minutes, 180);
  });
});
