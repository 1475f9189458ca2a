// Where the clock and the date sit inside a scanned timestamp, and the three places that rewrite or
// copy only the clock (the mixed-clock fix, the "now" completion, template slots) reading it from there.
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { suggest } from '../../server/src/core/completions';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import { builtinProfile } from '../../server/src/core/profiles';
import { scanLeadingTimestamp } from '../../server/src/core/time';

function part(raw: string, at: { offset: number; length: number } | undefined): string | undefined {
  return at && raw.slice(at.offset, at.offset + at.length);
}

describe('time: where the clock and the date are in a timestamp', () => {
  const cases: Array<[string, string | undefined, string | undefined]> = [
    ['09:00', undefined, '09:00'],
    ['11 AM', undefined, '11 AM'],
    ['9:00 a.m. PST', undefined, '9:00 a.m.'],
    ['April 10, 2024 at 11 AM EAT', 'April 10, 2024', '11 AM'],
    ['Wed, 2024-04-10T09:00:13Z', '2024-04-10', '09:00:13'],
    ['10 April 2024', '10 April 2024', undefined],
  ];
  for (const [text, date, clock] of cases) {
    it(`${text}: date ${date ?? '-'}, clock ${clock ?? '-'}`, () => {
      const scanned = scanLeadingTimestamp(text)!;
      assert.equal(scanned.raw, text);
      assert.equal(part(scanned.raw, scanned.dateAt), date);
      assert.equal(part(scanned.raw, scanned.clockAt), clock);
    });
  }
});

describe('the clock as the scanner finds it, used where only the clock changes', () => {
  it('timestamp-format-mixed flags `11 AM` in a 24-hour timeline and rewrites just the clock', () => {
    const text = '# P\n\n## Timeline\n\n- 09:00 UTC: a\n- 10:00 UTC: b\n- 11 AM UTC: c\n';
    const findings = lint(text).findings.filter((f) => f.ruleId === 'timestamp-format-mixed');
    assert.deepEqual(
      findings.map((f) => text.slice(f.span.start, f.span.end)),
      ['11 AM UTC'],
    );
    assert.equal(findings[0].fixes[0].title, 'Write it as 11:00 (24-hour)');
    assert.equal(applyEdits(text, findings[0].fixes[0].edits).text, text.replace('11 AM UTC', '11:00 UTC'));
  });

  it('the "now" completion follows an entry written `9 AM PST`', () => {
    const marked = '# P\n\n## Timeline\n\n- 9 AM PST: Alerts fired.\n- |\n';
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const profile = builtinProfile('alx')!;
    const { model } = lint(text, { profile, rules: {} });
    const now = DateTime.fromISO('2024-04-10T13:07:42Z').toMillis();
    // 13:07 UTC is 05:07 PST (UTC-8).
    assert.equal(suggest({ text, model, profile, offset, now })[0].label, '5:07 AM PST');
  });
});
