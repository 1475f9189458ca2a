// The timeline and time rules on the shapes real documents give them: fixes that rewrite only what
// they understand, bullets placed inside blockquotes, messages that say what is true of the text.
import assert from 'node:assert/strict';
import { lint, type LintOptions } from '../../server/src/core/lint';
import { applyEdits } from '../../server/src/core/fixes';
import { defaultProfile } from '../../server/src/core/profiles';

const options: LintOptions = { profile: defaultProfile(), rules: { 'word-count': 'off' } };
const findings = (text: string, ruleId: string) => lint(text, options).findings.filter((f) => f.ruleId === ruleId);
const timeline = (body: string) => `# Postmortem\n\n## Issue Summary\n\nDuration: 2024-03-10 01:00 - 04:00 UTC\n\n## Timeline\n\n${body}\n`;

describe('timestamp-format-mixed on clocks it cannot rewrite exactly', () => {
  it('offers no fix for 02:40:15.250 (milliseconds)', () => {
    const [finding] = findings(timeline('- 1:00 AM UTC: a\n- 2:00 AM UTC: b\n- 02:40:15.250 UTC: c'), 'timestamp-format-mixed');
    assert.match(finding.message, /02:40:15\.250/);
    assert.deepEqual(finding.fixes, []);
  });

  it('offers no fix for an ISO timestamp with an offset', () => {
    const [finding] = findings(timeline('- 1:00 AM UTC: a\n- 2:00 AM UTC: b\n- 2024-03-10T02:30:00-05:00: c'), 'timestamp-format-mixed');
    assert.match(finding.message, /2024-03-10T02:30:00-05:00/);
    assert.deepEqual(finding.fixes, []);
  });

  it('still rewrites a plain clock', () => {
    const text = timeline('- 1:00 AM UTC: a\n- 2:00 AM UTC: b\n- 03:00 UTC: c');
    const [finding] = findings(text, 'timestamp-format-mixed');
    assert.match(applyEdits(text, finding.fixes[0].edits).text, /- 03:00 AM UTC: c/);
  });
});

describe('timeline-not-list', () => {
  it('puts the bullet inside a blockquote, never before its marker', () => {
    const text = timeline('> 01:00 UTC: alert\n> 01:30 UTC: rollback');
    const [finding] = findings(text, 'timeline-not-list');
    const fixed = applyEdits(text, finding.fixes[0].edits).text;
    assert.match(fixed, /\n> - 01:00 UTC: alert\n> - 01:30 UTC: rollback\n/);
    assert.doesNotMatch(fixed, /- >/);
  });

  it('says lines run together only when no blank line separates them', () => {
    assert.match(findings(timeline('01:00 UTC: alert\n01:30 UTC: rollback'), 'timeline-not-list')[0].message, /run together/);
    assert.doesNotMatch(findings(timeline('01:00 UTC: alert\n\n01:30 UTC: rollback'), 'timeline-not-list')[0].message, /run together/);
  });

  it('gives one bullet to a line holding two entries', () => {
    const text = timeline('01:00 UTC: alert - 01:30 UTC: rollback');
    const [finding] = findings(text, 'timeline-not-list');
    assert.equal(finding.fixes[0].edits.length, 1);
  });

  it('reports entries indented into a code block, and its fix removes the indent (not marked safe)', () => {
    const text = timeline('    01:00 UTC: alert\n    01:30 UTC: rollback');
    const [finding] = findings(text, 'timeline-not-list');
    assert.match(finding.message, /code block/);
    assert.equal(finding.fixes[0].safe, false);
    assert.match(applyEdits(text, finding.fixes[0].edits).text, /\n- 01:00 UTC: alert\n- 01:30 UTC: rollback\n/);
  });

  it('does not mark safe a bullet before a line a table follows (the table would parse otherwise)', () => {
    // Found by the fix-all idempotence property: bulleting the first line turned the table's
    // header row into a plain entry, so a second fix-all changed the text again.
    const text = timeline('01:00 UTC: detected\n01:30 | resolved |\n| --- | --- |');
    const [finding] = findings(text, 'timeline-not-list');
    assert.equal(finding.fixes[0].safe, false);
  });
});

describe('timestamp-invalid and timestamp-order on real shapes', () => {
  it('reports 13:20pm in the window once, and measures the window as 13:20 to 13:30', () => {
    const text = '# Postmortem\n\n## Issue Summary\n\nDuration: 30 mins (13:20pm ~ 13:30pm EAT).\n';
    assert.equal(findings(text, 'timestamp-invalid').length, 1);
    assert.equal(findings(text, 'duration-range').length, 0);
    assert.match(findings(text, 'duration-mismatch')[0].message, /10 min/);
  });

  it('spans both bad window ends when the end is written above the start', () => {
    const text = 'End: 13:00 PM - 25:00\n- Start Time: 13:00 PM - 25:00';
    const [finding] = findings(text, 'timestamp-invalid');
    assert.ok(finding, 'timestamp-invalid reported');
    assert.ok(finding.span.start < finding.span.end && finding.span.end <= text.length, JSON.stringify(finding.span));
  });

  it('does not put a time mentioned inside a sentence out of order', () => {
    const text = timeline('- 01:00 UTC: alert\n- 01:35 UTC: pending pods, peaking around 01:15 UTC.\n- 01:40 UTC: fixed');
    assert.deepEqual(findings(text, 'timestamp-order'), []);
  });

  it('still reports an explicit date going backwards', () => {
    const text = timeline('- 2024-03-10 03:00 UTC: a\n- 2024-03-10 01:30 UTC: b');
    assert.equal(findings(text, 'timestamp-order').length, 1);
  });
});

describe('duration-timezone on the windows people write', () => {
  const summary = (duration: string, timeline = '- 09:00 UTC: alert') =>
    `# Postmortem\n\n## Issue Summary\n\nDuration: ${duration}\n\n## Timeline\n\n${timeline}\n`;
  const messages = (text: string) => findings(text, 'duration-timezone').map((f) => f.message);

  it('reports a window of dates without times', () => {
    assert.match(messages(summary('2024-03-10 - 2024-03-11'))[0] ?? '', /only dates/);
  });

  it('reports a window that is only a length', () => {
    assert.match(messages(summary('45 minutes'))[0] ?? '', /only a length/);
  });

  it('reports times without a zone even when the timeline gives one', () => {
    assert.match(messages(summary('2024-03-10 09:00 - 10:00'))[0] ?? '', /no time zone/);
  });

  it('is quiet on times with a zone, and on unreadable times that carry one (timestamp-invalid says what is wrong)', () => {
    assert.deepEqual(messages(summary('2024-03-10 09:00 - 10:00 UTC')), []);
    assert.deepEqual(messages(summary('30 mins (13:20pm ~ 13:30pm EAT)')), []);
  });
});
