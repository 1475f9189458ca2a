// Incident metrics from the model: total length, time to detect / acknowledge or escalate /
// mitigate / resolve with the entry each came from; hover facts; the stated-length edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { applyEdits } from '../../server/src/core/fixes';
import { incidentMetrics, statedLengthEdit, summarizeMetrics, timestampFactsAt } from '../../server/src/core/metrics';
import { requireCorpus } from '../support/corpus';
import { CHECKOUT, CHECKOUT_EAT } from '../fixtures/checkout-postmortem';

function modelOf(text: string) {
  return lint(text).model;
}

describe('incident metrics', () => {
  it('on the seed postmortem: the outage lasted 4 h, detected at once, resolved after 4 h', function () {
    const dir = requireCorpus(this);
    const metrics = incidentMetrics(modelOf(readFileSync(join(dir, 'seed-postmortem.md'), 'utf8')));
    assert.equal(metrics.totalMinutes, 240);
    assert.equal(metrics.totalFrom, 'window');
    const summary = summarizeMetrics(metrics)!;
    assert.match(summary, /^4 h · detected after 0 min · /);
    assert.match(summary, / · resolved after 4 h$/);
  });

  it('measures each milestone from the window start across midnight, naming the entry it came from', () => {
    const model = modelOf(CHECKOUT);
    const metrics = incidentMetrics(model);
    assert.equal(metrics.start?.raw, '2024-05-02 22:30');
    assert.equal(metrics.end?.raw, '02:30 UTC');
    assert.equal(metrics.totalMinutes, 240);
    const byMilestone = Object.fromEntries(metrics.milestones.map((m) => [m.milestone, m]));
    assert.equal(byMilestone.detect.minutes, 15);
    assert.equal(byMilestone.detect.raw, '22:45');
    assert.equal(model.entries[byMilestone.detect.entryIndex].text, 'Alerts fired; outage detected by monitoring.');
    assert.equal(byMilestone.acknowledge.phase, 'escalated');
    assert.equal(byMilestone.acknowledge.minutes, 35);
    assert.equal(byMilestone.mitigate.minutes, 100);
    assert.equal(byMilestone.mitigate.raw, '00:10');
    assert.equal(byMilestone.resolve.minutes, 240);
    assert.equal(summarizeMetrics(metrics), '4 h · detected after 15 min · escalated after 35 min · mitigated after 1 h 40 min · resolved after 4 h');
    assert.equal(metrics.zone, 'UTC');
    assert.deepEqual(metrics.date, { year: 2024, month: 5, day: 2 });
  });

  it('falls back to the stated length and the first timeline entry when the window has no times', () => {
    const text = CHECKOUT.replace('Duration: 2024-05-02 22:30 - 02:30 UTC', 'Duration: about 4 hours');
    const metrics = incidentMetrics(modelOf(text));
    assert.equal(metrics.totalMinutes, 240);
    assert.equal(metrics.totalFrom, 'stated');
    assert.equal(metrics.start?.from, 'timeline');
    assert.equal(metrics.start?.raw, '22:30');
    assert.equal(metrics.milestones.find((m) => m.milestone === 'resolve')?.minutes, 240);
  });

  it('reads the detection from an entry that also pages, and the acknowledgement from the entry that says so', () => {
    const text = [
      '# Postmortem',
      '',
      'Duration: 2025-03-14 09:12 - 10:47 UTC',
      '',
      '## Timeline',
      '',
      '- 09:12 UTC: Error-rate alert fires; on-call paged.',
      '- 09:20 UTC: On-call acknowledges and starts looking.',
      '- 10:31 UTC: Team reverts the change.',
      '- 10:47 UTC: Error rate back to normal.',
      '',
    ].join('\n');
    const byMilestone = Object.fromEntries(incidentMetrics(modelOf(text)).milestones.map((m) => [m.milestone, m]));
    assert.equal(byMilestone.detect?.minutes, 0);
    assert.equal(byMilestone.acknowledge?.phase, 'acknowledged');
    assert.equal(byMilestone.acknowledge?.minutes, 8);
    assert.equal(byMilestone.mitigate?.minutes, 79);
    assert.equal(byMilestone.resolve?.minutes, 95);
  });

  it('with the end stated, takes the resolution nearest it: a part restored before the end is a step, a ticket closed the next day comes after', () => {
    const text = [
      '# Postmortem',
      '',
      'Duration: 2024-03-12 10:15 - 11:00 UTC',
      '',
      '## Timeline',
      '',
      '- 2024-03-12 10:15 UTC: Record deleted; outage began.',
      '- 2024-03-12 10:40 UTC: Record restored by hand.',
      '- 2024-03-12 11:00 UTC: Traffic back to normal.',
      '- 2024-03-13 09:00 UTC: Ticket closed.',
      '',
    ].join('\n');
    const resolve = incidentMetrics(modelOf(text)).milestones.find((m) => m.milestone === 'resolve');
    assert.equal(resolve?.minutes, 45);
    assert.equal(resolve?.raw, '2024-03-12 11:00 UTC');
    const withoutEnd = incidentMetrics(modelOf(text.replace('Duration: 2024-03-12 10:15 - 11:00 UTC', 'Duration: 2024-03-12 10:15 UTC')));
    assert.equal(withoutEnd.milestones.find((m) => m.milestone === 'resolve')?.minutes, 25, 'without an end, the first resolution');
  });

  it('leaves out what it does not know: no milestones without phases, no total without a window', () => {
    const text = '# Postmortem\n\n## Timeline\n\n- 09:00 UTC: something\n- 09:30 UTC: something else\n';
    const metrics = incidentMetrics(modelOf(text));
    assert.equal(metrics.totalMinutes, undefined);
    assert.deepEqual(metrics.milestones, []);
    assert.equal(summarizeMetrics(metrics), undefined);
  });

  it('says "before the start" for an entry earlier than the window', () => {
    // The deploy line goes too: 22:20 under 22:30 would be out of order, and flagged entries do not count.
    const text = CHECKOUT.replace('- 22:30: Deploy started.\n- 22:45: Alerts fired', '- 22:20: Alerts fired');
    assert.ok(!lint(text).findings.some((f) => f.ruleId === 'timestamp-order'));
    const summary = summarizeMetrics(incidentMetrics(modelOf(text)))!;
    assert.match(summary, /detected 10 min before the start/);
  });

  it('does not subtract a made-up date from a real one', () => {
    // The window has no date; the timeline sets one: the two cannot be compared.
    const text = '# Postmortem\n\nDuration: 09:00 - 13:00 UTC\n\n## Timeline\n\nApril 10, 2024\n\n- 09:05 UTC: outage detected\n';
    const metrics = incidentMetrics(modelOf(text));
    assert.equal(metrics.totalMinutes, 240);
    assert.deepEqual(metrics.milestones, []);
  });
});

describe('timestamp facts for a hover', () => {
  // Window and timeline in East Africa Time (UTC+3).
  const eat = CHECKOUT_EAT;
  const model = modelOf(eat);

  it('gives the instant in UTC and in the document zone, time since the start and since the previous entry', () => {
    const facts = timestampFactsAt(model, eat.indexOf('00:10') + 2)!;
    assert.equal(facts.raw, '00:10');
    assert.equal(facts.kind, 'entry');
    assert.equal(facts.zone, 'Africa/Nairobi');
    // 00:10 EAT on May 3 is 21:10Z on May 2.
    assert.equal(facts.utc, '2024-05-02 21:10 UTC');
    assert.equal(facts.local, '2024-05-03 00:10 UTC+03:00');
    assert.deepEqual(facts.sinceStart, { minutes: 100, raw: '2024-05-02 22:30' });
    assert.deepEqual(facts.sincePrevious, { minutes: 65, raw: '23:05' });
  });

  it('covers the window ends, and nothing elsewhere', () => {
    const text = CHECKOUT;
    const m = modelOf(text);
    const end = timestampFactsAt(m, text.indexOf('02:30 UTC'))!;
    assert.equal(end.kind, 'window-end');
    assert.deepEqual(end.sincePrevious, { minutes: 240, raw: '2024-05-02 22:30' });
    assert.equal(timestampFactsAt(m, text.indexOf('Checkout failed')), undefined);
  });

  it('reports an invalid timestamp instead of an instant', () => {
    const text = CHECKOUT.replace('- 23:05', '- 25:05');
    const facts = timestampFactsAt(modelOf(text), text.indexOf('25:05'))!;
    assert.match(facts.error!, /hour must be 0 to 23/);
    assert.equal(facts.utc, undefined);
  });
});

describe('adding the stated length to the Duration line', () => {
  it('appends the computed length after the value and changes nothing else', () => {
    const result = statedLengthEdit(modelOf(CHECKOUT), CHECKOUT);
    assert.ok(result.ok, result.ok ? '' : result.reason);
    const fixed = applyEdits(CHECKOUT, [result.edit]).text;
    assert.equal(fixed, CHECKOUT.replace('02:30 UTC\n', '02:30 UTC (4 h)\n'));
    // Read back: the length is now stated and agrees (no duration-mismatch).
    const after = lint(fixed);
    assert.equal(after.model.window?.statedMinutes, 240);
    assert.ok(!after.findings.some((f) => f.ruleId === 'duration-mismatch'));
  });

  it('keeps closing emphasis outside the inserted length', () => {
    const text = CHECKOUT.replace('Duration: 2024-05-02 22:30 - 02:30 UTC', 'Duration: **2024-05-02 22:30 - 02:30 UTC**');
    const result = statedLengthEdit(modelOf(text), text);
    assert.ok(result.ok);
    assert.match(applyEdits(text, [result.edit]).text, /\*\*2024-05-02 22:30 - 02:30 UTC \(4 h\)\*\*\n/);
  });

  it('says why when there is nothing to add', () => {
    const stated = CHECKOUT.replace('02:30 UTC', '02:30 UTC (4 hours)');
    assert.deepEqual(statedLengthEdit(modelOf(stated), stated), { ok: false, reason: 'The Duration line already states a length.' });
    const open = CHECKOUT.replace(' - 02:30 UTC', ' UTC - ongoing');
    const result = statedLengthEdit(modelOf(open), open);
    assert.equal(result.ok, false);
    const none = '# Postmortem\n\n## Timeline\n\n- 09:00: x\n';
    assert.deepEqual(statedLengthEdit(modelOf(none), none), { ok: false, reason: 'This postmortem has no Duration line.' });
  });
});

describe('the duration-mismatch quick fix', () => {
  it('rewrites the stated length with formatLength, and the result agrees', () => {
    const text = CHECKOUT.replace('02:30 UTC', '02:30 UTC (3 hours)');
    const finding = lint(text).findings.find((f) => f.ruleId === 'duration-mismatch');
    assert.ok(finding, 'a duration-mismatch finding');
    assert.equal(finding.fixes[0].title, 'Change the stated length to 4 h');
    const fixed = applyEdits(text, finding.fixes[0].edits).text;
    assert.equal(fixed, CHECKOUT.replace('02:30 UTC', '02:30 UTC (4 h)'));
    assert.ok(!lint(fixed).findings.some((f) => f.ruleId === 'duration-mismatch'));
  });
});
