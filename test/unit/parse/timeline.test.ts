// The timeline stage: entries in their written forms, their dates, zones, roll-overs and phases.
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { ALX } from '../../../server/src/core/profiles/builtin';

const model = (text: string, profile = ALX) => parse(text, profile).model;

describe('parse: timeline entries', () => {
  const timeline = (lines: string) => model(`Duration: 2024-04-10 09:00 - 13:00 UTC\n\n## Timeline\n\n${lines}\n`).entries;

  const forms: [string, string, string][] = [
    ['09:00 AM: Alert fired.', '09:00 AM', 'Alert fired.'],
    ['- 09:00 - Alert fired.', '09:00', 'Alert fired.'],
    ['* **09:00** – Alert fired.', '09:00', 'Alert fired.'],
    ['- `15:40` Alert fired.', '15:40', 'Alert fired.'],
    ['- [09:00:13] Alert fired.', '09:00:13', 'Alert fired.'],
    ['- 2024-04-10 09:00 UTC - Alert fired.', '2024-04-10 09:00 UTC', 'Alert fired.'],
  ];
  for (const [line, raw, text] of forms) {
    it(`reads "${line}"`, () => {
      const [entry] = timeline(line);
      assert.equal(entry.timestamp.raw, raw);
      assert.equal(entry.text, text);
    });
  }

  it('reads table rows, skipping the header', () => {
    const entries = timeline('| Time | Event |\n| --- | --- |\n| 14:54 | Alert fired |\n| 15:10 | Rolled back |');
    assert.deepEqual(
      entries.map((e) => [e.form, e.timestamp.raw, e.text]),
      [
        ['table-row', '14:54', 'Alert fired'],
        ['table-row', '15:10', 'Rolled back'],
      ],
    );
  });

  it('takes the date from the window, the zone from "all times in ..." and rolls past midnight', () => {
    const entries = model('Duration: 2024-04-10 23:00 - 2024-04-11 01:00\n\n## Timeline\n\nAll times in EAT.\n\n- 23:50 paged\n- 00:20 mitigated\n').entries;
    assert.equal(entries[0].timestamp.instant, '2024-04-10T23:50:00.000+03:00');
    assert.equal(entries[1].timestamp.instant, '2024-04-11T00:20:00.000+03:00');
    assert.equal(entries[1].rolledOver, true);
  });

  it('takes the date from a date heading above the entries', () => {
    const entries = model('## Timeline\n\n### Sep 27 2017\n\n- 13:06 deployed\n\n### Sep 28 2017\n\n- 09:00 fixed\n').entries;
    assert.equal(entries[0].timestamp.instant?.slice(0, 10), '2017-09-27');
    assert.equal(entries[1].timestamp.instant?.slice(0, 10), '2017-09-28');
  });

  it('marks the phases the text names', () => {
    const entries = timeline(
      '- 09:00 Alert fired, outage detected\n- 09:05 Escalated to the DB team\n- 10:00 Rolled back the deploy\n- 12:00 Service fully restored',
    );
    assert.deepEqual(
      entries.map((e) => e.phase),
      ['detected', 'escalated', 'mitigated', 'resolved'],
    );
  });

  it('marks phases with configured words too', () => {
    const text = 'Duration: 2024-04-10 09:00 - 13:00 UTC\n\n## Timeline\n\n- 09:00 Pager went off\n- 10:00 We failed over to the standby\n';
    assert.deepEqual(
      parse(text, ALX).model.entries.map((e) => e.phase),
      [undefined, undefined],
    );
    const words = { detected: ['pager went off'], mitigated: ['failed over'] };
    assert.deepEqual(
      parse(text, ALX, words).model.entries.map((e) => e.phase),
      ['detected', 'mitigated'],
    );
  });

  it('keeps an impossible time as an entry with its error, read as the only time it can mean', () => {
    const [impossible, pm] = timeline('- 25:10 rollback\n- 13:00 PM rollback');
    assert.equal(impossible.timestamp.instant, undefined);
    assert.match(impossible.timestamp.error!, /^25:10/);
    assert.match(pm.timestamp.error!, /^13:00 PM/);
    assert.equal(pm.timestamp.instant, '2024-04-10T13:00:00.000Z');
  });

  it("ignores times that are not an event's, and fenced code blocks", () => {
    assert.equal(timeline('- Version 09:00 of the build shipped\n\n```\n09:00 log line\n```').length, 0);
  });
});
