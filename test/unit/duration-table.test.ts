// The length between two timestamp texts, as a table: formats, zones, midnight, DST both ways, and
// bad input with the message a user sees. Expected lengths are worked out by hand from the zone
// rules (offsets noted beside the tricky ones), never computed by the code under test.
import assert from 'node:assert/strict';
import { lengthBetween, readDefaults, isLengthFailure, type LengthDefaults } from '../../server/src/core/metrics';

const NY = 'America/New_York';
const d = (year: number, month: number, day: number) => ({ year, month, day });

interface Row {
  start: string;
  end: string;
  defaults?: LengthDefaults;
  /** The formatted length, or the failing part and a pattern its message must match. */
  expect: string | { part: 'start' | 'end'; error: RegExp };
  why?: string;
}

const ROWS: Row[] = [
  // ---- formats
  { start: '09:00', end: '13:00', expect: '4 h' },
  { start: '09:00 UTC', end: '13:00 UTC', expect: '4 h' },
  { start: '9:00 AM', end: '1:00 PM', expect: '4 h' },
  { start: '9 AM', end: '5 PM', expect: '8 h' },
  { start: '09:00', end: '10:05', expect: '1 h 05 min' },
  { start: '09:00:00', end: '09:45:00', expect: '45 min' },
  { start: '09:00', end: '09:00', expect: '0 min' },
  { start: '2024-04-10 09:00', end: '2024-04-12 12:00', expect: '2 d 3 h' },
  { start: '2024-04-10T09:00:00Z', end: '2024-04-10T13:30:00Z', expect: '4 h 30 min' },
  { start: '2024-04-10T09:00:00+03:00', end: '2024-04-10T09:00:00Z', expect: '3 h', why: '06:00Z to 09:00Z' },
  { start: 'April 10, 2024 9:00 AM', end: 'April 10, 2024 1:00 PM', expect: '4 h' },
  { start: 'April 10, 2024, 09:00 AM', end: 'April 10, 2024, 01:00 PM (UTC)', expect: '4 h', why: 'the seed postmortem' },
  { start: '10 April 2024 09:00', end: '11 April 2024 09:00', expect: '1 d' },
  { start: 'Wed, Apr 10 2024 at 09:00', end: 'Apr 10 2024 11:15', expect: '2 h 15 min' },
  { start: '2024/04/10 09:00', end: '2024/04/10 09:01', expect: '1 min' },
  { start: '12:00 AM', end: '12:30 AM', expect: '30 min', why: '12 AM is midnight' },
  { start: '2024-02-28 12:00', end: '2024-03-01 12:00', expect: '2 d', why: '2024 is a leap year' },
  { start: '2023-02-28 12:00', end: '2023-03-01 12:00', expect: '1 d' },
  { start: '09:00', end: '2024-04-10 13:00', expect: '4 h', why: 'the start takes the end date' },
  { start: '2024-04-10', end: '2024-04-13', expect: '3 d', why: 'a date alone is its midnight' },

  // ---- midnight
  { start: '23:50', end: '00:20', expect: '30 min' },
  { start: '23:50 UTC', end: '00:20 UTC', expect: '30 min' },
  { start: '11:50 PM', end: '12:20 AM', expect: '30 min' },
  { start: '2024-04-10 23:50', end: '2024-04-11 00:20', expect: '30 min' },
  { start: '2024-12-31 23:50', end: '00:20', expect: '30 min', why: 'rolls into the next year' },
  { start: '12:00 PM', end: '12:00 AM', expect: '12 h', why: 'noon to the next midnight' },
  { start: '13:00', end: '09:00', expect: '20 h', why: 'no dates: the end is the next morning' },

  // ---- zones
  { start: '09:00 UTC', end: '12:00 EAT', expect: '0 min', why: 'EAT is UTC+3' },
  { start: '09:00 UTC', end: '13:00 EAT', expect: '1 h' },
  { start: '09:00 PST', end: '12:00 EST', expect: '0 min', why: '17:00Z both' },
  { start: '09:00 PDT', end: '13:00 EDT', expect: '1 h', why: '16:00Z to 17:00Z' },
  { start: '09:00 UTC+5:30', end: '09:00 UTC', expect: '5 h 30 min' },
  { start: '09:00 IST', end: '10:00 UTC', expect: '6 h 30 min', why: 'IST is Asia/Kolkata, UTC+5:30' },
  { start: '09:00 Europe/Paris', end: '09:00 Europe/London', expect: '1 h', why: 'April: CEST +2, BST +1', defaults: { date: d(2024, 4, 10) } },
  { start: '09:00', end: '13:00 UTC', defaults: { zone: 'Africa/Nairobi' }, expect: '7 h', why: 'the start is read in the default zone: 06:00Z' },
  { start: '09:00 (EAT)', end: '10:00 (EAT)', expect: '1 h' },

  // ---- daylight saving, forward (a 23-hour day) and back (a 25-hour day)
  { start: '2024-03-10 01:30', end: '2024-03-10 03:30', defaults: { zone: NY }, expect: '1 h', why: '06:30Z to 07:30Z' },
  { start: '01:30', end: '03:30', defaults: { zone: NY, date: d(2024, 3, 10) }, expect: '1 h' },
  { start: '2024-03-10 01:30 America/New_York', end: '2024-03-10 03:30 America/New_York', expect: '1 h' },
  { start: '2024-03-10 00:00', end: '2024-03-11 00:00', defaults: { zone: NY }, expect: '23 h' },
  { start: '23:30', end: '03:30', defaults: { zone: NY, date: d(2024, 3, 9) }, expect: '3 h', why: 'midnight and DST: 04:30Z to 07:30Z' },
  { start: '2024-03-31 00:30', end: '2024-03-31 03:30', defaults: { zone: 'Europe/London' }, expect: '2 h', why: '00:30Z to 02:30Z' },
  { start: '2024-11-03 00:30', end: '2024-11-03 02:30', defaults: { zone: NY }, expect: '3 h', why: '04:30Z to 07:30Z' },
  { start: '01:30', end: '03:30', defaults: { zone: NY, date: d(2024, 11, 3) }, expect: '3 h', why: '01:30 is read as the first (EDT): 05:30Z to 08:30Z' },
  { start: '2024-11-03 00:00', end: '2024-11-04 00:00', defaults: { zone: NY }, expect: '1 d 1 h' },
  { start: '2024-10-27 01:00', end: '2024-10-27 04:00', defaults: { zone: 'Europe/Paris' }, expect: '4 h', why: '23:00Z to 03:00Z' },
  { start: '2024-03-10 01:30 EST', end: '2024-03-10 03:30 EDT', expect: '1 h', why: 'fixed offsets written: 06:30Z to 07:30Z' },

  // ---- bad input, with its message
  { start: '', end: '13:00', expect: { part: 'start', error: /^Enter the start time \(for example 09:00/ } },
  { start: '09:00', end: '   ', expect: { part: 'end', error: /^Enter the end time/ } },
  { start: '25:10', end: '13:00', expect: { part: 'start', error: /^The start is wrong: 25:10: the hour must be 0 to 23\.$/ } },
  { start: '09:00', end: '13:75', expect: { part: 'end', error: /^The end is wrong: 13:75: the minutes must be 0 to 59\.$/ } },
  { start: '13:00 PM', end: '14:00', expect: { part: 'start', error: /13:00 PM: a 12-hour time's hour must be 1 to 12/ } },
  { start: '09:00', end: '24:00', expect: { part: 'end', error: /midnight is 00:00 of the next day/ } },
  { start: 'soon', end: '13:00', expect: { part: 'start', error: /^"soon" is not a time \(for example/ } },
  { start: '09:00 tomorrow', end: '13:00', expect: { part: 'start', error: /^Unexpected "tomorrow" after the start time 09:00\.$/ } },
  { start: '2024-02-30 09:00', end: '13:00', expect: { part: 'start', error: /February 2024 has 29 days/ } },
  { start: '09:00 Europe/Pariss', end: '13:00', expect: { part: 'start', error: /there is no time zone named Europe\/Pariss/ } },
  { start: '09:00', end: '13:00 UTC+15', expect: { part: 'end', error: /the offset UTC\+15 must be between UTC-12 and UTC\+14/ } },
  {
    start: '2024-04-10 13:00',
    end: '2024-04-10 09:00',
    expect: { part: 'end', error: /^The end \(2024-04-10 09:00\) is 4 h before the start \(2024-04-10 13:00\)\.$/ },
  },
  { start: '2024-04-10 09:00 UTC', end: '2024-04-10 08:00 EAT', expect: { part: 'end', error: /is 4 h before the start/ } },
];

describe('length between two timestamps (table)', () => {
  it('has at least 40 rows', () => assert.ok(ROWS.length >= 40, `${ROWS.length} rows`));

  for (const row of ROWS) {
    const label = `${JSON.stringify(row.start)} to ${JSON.stringify(row.end)}${row.defaults ? ` ${JSON.stringify(row.defaults)}` : ''}`;
    const wanted = typeof row.expect === 'string' ? row.expect : `${row.expect.part}: ${row.expect.error}`;
    it(`${label} -> ${wanted}${row.why ? ` (${row.why})` : ''}`, () => {
      const result = lengthBetween(row.start, row.end, row.defaults);
      if (typeof row.expect === 'string') {
        assert.ok(result.ok, `expected ${row.expect}, got an error: ${result.ok ? '' : result.error}`);
        assert.equal(result.text, row.expect);
      } else {
        assert.equal(result.ok, false, `expected an error, got ${result.ok ? result.text : ''}`);
        if (result.ok) return;
        assert.equal(result.part, row.expect.part, result.error);
        assert.match(result.error, row.expect.error);
      }
    });
  }
});

describe('length between two timestamps: what it says besides the length', () => {
  it('says when the end is read as the next day', () => {
    const result = lengthBetween('23:50', '00:20');
    assert.ok(result.ok);
    assert.deepEqual(result.notes, ['00:20 is earlier in the day than 23:50, so it is read as the next day.']);
  });

  it('says when a wall time does not exist (spring forward) and how it was read', () => {
    const result = lengthBetween('01:00', '02:30', { zone: NY, date: d(2024, 3, 10) });
    assert.ok(result.ok);
    // 01:00 EST is 06:00Z; the non-existent 02:30 is shifted to 03:30 EDT, 07:30Z.
    assert.equal(result.text, '1 h 30 min');
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0], /02:30 does not exist on 2024-03-10 in America\/New_York/);
  });

  it('says when a wall time happens twice (fall back) and which one it took', () => {
    const result = lengthBetween('01:30', '03:30', { zone: NY, date: d(2024, 11, 3) });
    assert.ok(result.ok);
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0], /01:30 happens twice on 2024-11-03 in America\/New_York .*read as the first/);
  });

  it('returns both instants in UTC and in their own zones, and flags what was assumed', () => {
    const result = lengthBetween('09:00 EAT', '13:00');
    assert.ok(result.ok);
    assert.equal(result.start.utc, '2024-04-10T06:00:00.000Z'.replace('2024-04-10', '2000-01-03'));
    assert.equal(result.start.zone, 'Africa/Nairobi');
    assert.equal(result.start.zoneAssumed, false);
    assert.equal(result.end.zone, 'UTC');
    assert.equal(result.end.zoneAssumed, true);
    assert.equal(result.start.dateAssumed, true);
    assert.equal(result.minutes, 7 * 60);
  });

  it('keeps the readable start when only the end is wrong (for validation as the user types)', () => {
    const result = lengthBetween('2024-04-10 09:00 UTC', 'half past');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.part, 'end');
    assert.equal(result.start?.utc, '2024-04-10T09:00:00.000Z');
  });

  it('never throws on input that is not text', () => {
    const result = lengthBetween(undefined as unknown as string, 42 as unknown as string);
    assert.equal(result.ok, false);
  });
});

describe('zone and date defaults as written', () => {
  const cases: Array<[string | undefined, string | undefined, LengthDefaults | RegExp]> = [
    ['EAT', undefined, { zone: 'Africa/Nairobi' }],
    ['europe/paris', undefined, { zone: 'europe/paris' }],
    ['+03:00', 'April 10, 2024', { zone: 'UTC+3', date: d(2024, 4, 10) }],
    [undefined, '2024-03-10', { date: d(2024, 3, 10) }],
    ['  ', '', {}],
    ['Mars/Olympus', undefined, /^"Mars\/Olympus" is not a time zone/],
    [undefined, '2024-13-01', /^The default date is wrong: 2024-13-01: the month must be 1 to 12\.$/],
    [undefined, 'yesterday', /^"yesterday" is not a date/],
    [undefined, '2024-04-10 09:00', /is not a date/],
  ];
  for (const [zone, date, expected] of cases) {
    it(`zone ${JSON.stringify(zone)}, date ${JSON.stringify(date)}`, () => {
      const defaults = readDefaults(zone, date);
      if (expected instanceof RegExp) {
        assert.ok(isLengthFailure(defaults), JSON.stringify(defaults));
        assert.match(defaults.error, expected);
      } else {
        assert.deepEqual(defaults, expected);
      }
    });
  }
});
