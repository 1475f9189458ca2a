import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import fc from 'fast-check';
import {
  civilDateOf,
  findFirstTimestamp,
  findTimestamps,
  findZoneDeclaration,
  formatLength,
  parseLength,
  parseWindowText,
  resolveZone,
  scanLeadingTimestamp,
  toDateTime,
  ZONE_ABBREVIATIONS,
  type ScannedTimestamp,
} from '../../server/src/core/time';

type Expect = {
  raw: string;
  date?: [number, number, number];
  time?: [number, number, number?, ('12h' | '24h')?];
  zoneText?: string;
  zone?: string;
};

/** Compares the interesting parts of a scan, so a failure shows exactly which part differs. */
function shape(ts: ScannedTimestamp | undefined) {
  if (!ts) return undefined;
  return {
    raw: ts.raw,
    date: ts.date && [ts.date.year, ts.date.month, ts.date.day],
    time: ts.time && [ts.time.hour, ts.time.minute, ts.time.second, ts.time.clock],
    zoneText: ts.zoneText,
    zone: ts.zone,
  };
}

function expected(e: Expect) {
  return {
    raw: e.raw,
    date: e.date,
    time: e.time && [e.time[0], e.time[1], e.time[2] ?? 0, e.time[3] ?? '24h'],
    zoneText: e.zoneText,
    zone: e.zone,
  };
}

describe('time: scanLeadingTimestamp', () => {
  const cases: Array<[string, Expect]> = [
    // 12 h and 24 h clocks
    ['09:00 AM Alert fired', { raw: '09:00 AM', time: [9, 0, 0, '12h'] }],
    ['9:00am paged', { raw: '9:00am', time: [9, 0, 0, '12h'] }],
    ['9:00 a.m. paged', { raw: '9:00 a.m.', time: [9, 0, 0, '12h'] }],
    ['1:05 p.m. - rollback', { raw: '1:05 p.m.', time: [13, 5, 0, '12h'] }],
    ['13:05 - deploy', { raw: '13:05', time: [13, 5] }],
    ['09:00:13 first error', { raw: '09:00:13', time: [9, 0, 13] }],
    ['9 AM standup', { raw: '9 AM', time: [9, 0, 0, '12h'] }],
    ['  07:45 leading blanks', { raw: '07:45', time: [7, 45] }],
    ['9:05: alert', { raw: '9:05', time: [9, 5] }],
    ['9 AM. Then', { raw: '9 AM', time: [9, 0, 0, '12h'] }],
    ['5 p.m. Then', { raw: '5 p.m.', time: [17, 0, 0, '12h'] }],
    // midnight and noon on the 12-hour clock
    ['12:00 AM deploy', { raw: '12:00 AM', time: [0, 0, 0, '12h'] }],
    ['12:30 PM lunch', { raw: '12:30 PM', time: [12, 30, 0, '12h'] }],
    ['00:00 midnight', { raw: '00:00', time: [0, 0] }],
    ['23:59:59 last', { raw: '23:59:59', time: [23, 59, 59] }],
    // dates before the time
    ['2024-04-10 09:00 start', { raw: '2024-04-10 09:00', date: [2024, 4, 10], time: [9, 0] }],
    ['2024-04-10T09:00:00Z x', { raw: '2024-04-10T09:00:00Z', date: [2024, 4, 10], time: [9, 0], zoneText: 'Z', zone: 'UTC' }],
    ['2024-04-10T09:00:00.250Z', { raw: '2024-04-10T09:00:00.250Z', date: [2024, 4, 10], time: [9, 0], zoneText: 'Z', zone: 'UTC' }],
    ['2024-04-10T09:00+03:00', { raw: '2024-04-10T09:00+03:00', date: [2024, 4, 10], time: [9, 0], zoneText: '+03:00', zone: 'UTC+3' }],
    ['2024-04-10T09:00-05:00', { raw: '2024-04-10T09:00-05:00', date: [2024, 4, 10], time: [9, 0], zoneText: '-05:00', zone: 'UTC-5' }],
    ['April 10, 2024, 09:00 AM - x', { raw: 'April 10, 2024, 09:00 AM', date: [2024, 4, 10], time: [9, 0, 0, '12h'] }],
    ['Apr 10 2024 13:06 db', { raw: 'Apr 10 2024 13:06', date: [2024, 4, 10], time: [13, 6] }],
    ['10 April 2024 09:00', { raw: '10 April 2024 09:00', date: [2024, 4, 10], time: [9, 0] }],
    ['Sep 27 2017 13:06 page', { raw: 'Sep 27 2017 13:06', date: [2017, 9, 27], time: [13, 6] }],
    ['Sept. 27th, 2017 1:06 PM', { raw: 'Sept. 27th, 2017 1:06 PM', date: [2017, 9, 27], time: [13, 6, 0, '12h'] }],
    ['2024/04/10 09:00', { raw: '2024/04/10 09:00', date: [2024, 4, 10], time: [9, 0] }],
    ['April 10, 2024 at 9:00 AM', { raw: 'April 10, 2024 at 9:00 AM', date: [2024, 4, 10], time: [9, 0, 0, '12h'] }],
    // a date alone
    ['April 10, 2024: outage', { raw: 'April 10, 2024', date: [2024, 4, 10] }],
    ['2024-04-10', { raw: '2024-04-10', date: [2024, 4, 10] }],
    ['Sep 27 2017', { raw: 'Sep 27 2017', date: [2017, 9, 27] }],
    ['Monday, April 10, 2024', { raw: 'Monday, April 10, 2024', date: [2024, 4, 10] }],
    ['February 29, 2024', { raw: 'February 29, 2024', date: [2024, 2, 29] }],
    // zones after the time
    ['09:00 UTC - x', { raw: '09:00 UTC', time: [9, 0], zoneText: 'UTC', zone: 'UTC' }],
    ['09:00 (UTC) x', { raw: '09:00 (UTC)', time: [9, 0], zoneText: 'UTC', zone: 'UTC' }],
    ['09:00 GMT', { raw: '09:00 GMT', time: [9, 0], zoneText: 'GMT', zone: 'UTC' }],
    ['09:00 GMT+1', { raw: '09:00 GMT+1', time: [9, 0], zoneText: 'GMT+1', zone: 'UTC+1' }],
    ['09:00 UTC+03:00', { raw: '09:00 UTC+03:00', time: [9, 0], zoneText: 'UTC+03:00', zone: 'UTC+3' }],
    ['09:00 UTC+5:30', { raw: '09:00 UTC+5:30', time: [9, 0], zoneText: 'UTC+5:30', zone: 'UTC+5:30' }],
    ['09:00Z', { raw: '09:00Z', time: [9, 0], zoneText: 'Z', zone: 'UTC' }],
    ['09:00 +03:00', { raw: '09:00 +03:00', time: [9, 0], zoneText: '+03:00', zone: 'UTC+3' }],
    ['09:00 -0500', { raw: '09:00 -0500', time: [9, 0], zoneText: '-0500', zone: 'UTC-5' }],
    ['09:00 Europe/Paris', { raw: '09:00 Europe/Paris', time: [9, 0], zoneText: 'Europe/Paris', zone: 'Europe/Paris' }],
    ['9:00 AM America/New_York', { raw: '9:00 AM America/New_York', time: [9, 0, 0, '12h'], zoneText: 'America/New_York', zone: 'America/New_York' }],
    ['09:00 PST paged', { raw: '09:00 PST', time: [9, 0], zoneText: 'PST', zone: 'UTC-8' }],
    ['09:00 PDT', { raw: '09:00 PDT', time: [9, 0], zoneText: 'PDT', zone: 'UTC-7' }],
    ['14:20 EAT: fixed', { raw: '14:20 EAT', time: [14, 20], zoneText: 'EAT', zone: 'Africa/Nairobi' }],
    ['10:00 AM ET', { raw: '10:00 AM ET', time: [10, 0, 0, '12h'], zoneText: 'ET', zone: 'America/New_York' }],
    ['10:00 Pacific Time', { raw: '10:00 Pacific Time', time: [10, 0], zoneText: 'Pacific Time', zone: 'America/Los_Angeles' }],
    [
      'March 11, 2024, 09:30 AM (UTC) - 03:45 PM',
      { raw: 'March 11, 2024, 09:30 AM (UTC)', date: [2024, 3, 11], time: [9, 30, 0, '12h'], zoneText: 'UTC', zone: 'UTC' },
    ],
    // a range is not an offset
    ['09:00-13:00', { raw: '09:00', time: [9, 0] }],
    // words that merely start like zones are not zones
    ['09:00 ESTABLISHED', { raw: '09:00', time: [9, 0] }],
  ];
  for (const [input, want] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      const ts = scanLeadingTimestamp(input);
      assert.equal(ts?.error, undefined);
      assert.deepEqual(shape(ts), expected(want));
      assert.equal(ts!.offset, input.indexOf(want.raw));
      assert.equal(ts!.length, want.raw.length);
    });
  }

  const errors: Array<[string, string]> = [
    ['25:10 db down', '25:10: the hour must be 0 to 23'],
    ['09:60', '09:60: the minutes must be 0 to 59'],
    ['09:00:75', '09:00:75: the seconds must be 0 to 59'],
    ['13:00 PM', "13:00 PM: a 12-hour time's hour must be 1 to 12"],
    ['0:15 AM', "0:15 AM: a 12-hour time's hour must be 1 to 12 (did you mean 12:15 AM?)"],
    ['February 30, 2024', 'February 30, 2024: February 2024 has 29 days'],
    ['February 29, 2023 10:00', 'February 29, 2023 10:00: February 2023 has 28 days'],
    ['2024-04-31', '2024-04-31: April 2024 has 30 days'],
    ['2024-13-01 09:00', '2024-13-01 09:00: the month must be 1 to 12'],
    ['24:00', '24:00: the hour must be 0 to 23 (midnight is 00:00 of the next day)'],
    ['09:00 UTC+25', '09:00 UTC+25: the offset UTC+25 must be between UTC-12 and UTC+14'],
    ['09:00 America/New_Yrok', '09:00 America/New_Yrok: there is no time zone named America/New_Yrok'],
  ];
  for (const [input, message] of errors) {
    it(`explains what is wrong with ${JSON.stringify(input)}`, () => {
      const ts = scanLeadingTimestamp(input);
      assert.equal(ts?.error, message);
    });
  }

  it('leaves out the impossible part and keeps the possible one', () => {
    const ts = scanLeadingTimestamp('2024-04-10 25:00')!;
    assert.deepEqual(ts.date, { year: 2024, month: 4, day: 10 });
    assert.equal(ts.time, undefined);
    const bad = scanLeadingTimestamp('February 30, 2024 10:00')!;
    assert.equal(bad.date, undefined);
    assert.deepEqual(bad.time, { hour: 10, minute: 0, second: 0, clock: '24h' });
  });

  const notTimestamps = [
    '3.5',
    '1.2.3',
    '1:2',
    '12:5',
    '404',
    '2024',
    '2024-04',
    '123:45',
    '9::00',
    '09:000',
    '1:23:45:67',
    '12:34.5',
    'https://example.com:8080/10:00',
    'v1.2.3 released',
    'Investigated',
    'May we',
    '',
    '   ',
    '9 hours',
    '09:00x',
  ];
  for (const input of notTimestamps) {
    it(`does not read ${JSON.stringify(input)} as a timestamp`, () => {
      assert.equal(scanLeadingTimestamp(input), undefined);
    });
  }
});

describe('time: findTimestamps', () => {
  it('finds every timestamp, left to right, with offsets', () => {
    const text = 'At 09:00 UTC we paged; by 9:45 a.m. it was back. Next review 2024-04-12.';
    const found = findTimestamps(text);
    assert.deepEqual(
      found.map((t) => [t.raw, t.offset]),
      [
        ['09:00 UTC', 3],
        ['9:45 a.m.', 26],
        ['2024-04-12', 61],
      ],
    );
  });

  it('does not match inside numbers, words, versions or URLs', () => {
    const text = 'v1.2.3 a123:45 10:15:00:00 3.5 1:2 404 https://x.io/2024-04-10/09:00 ab09:00 09:00ab 12:30PM';
    assert.deepEqual(
      findTimestamps(text).map((t) => t.raw),
      ['12:30PM'],
    );
  });

  it('splits an ISO interval into its two ends', () => {
    const found = findTimestamps('2024-04-10T09:00Z/2024-04-10T13:00Z');
    assert.deepEqual(
      found.map((t) => [t.raw, t.offset, t.length]),
      [
        ['2024-04-10T09:00Z', 0, 17],
        ['2024-04-10T13:00Z', 18, 17],
      ],
    );
  });

  // Linear scanners take well under a second on each input; a backtracking one takes minutes,
  // so a hang is caught by this test's timeout, not by a timed assertion (npm run bench has the figures).
  it('scans a megabyte of digits, colons, blanks and hashes without backtracking', function () {
    this.timeout(60_000);
    const parts = ['1', '12', '12:', '12:3', '#', ' ', '::', '1:23', '0000', ':00', '# 9', '   '];
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += parts[(i * 7 + 3) % parts.length];
    const inputs = [
      text,
      '1'.repeat(1_000_000),
      ':'.repeat(1_000_000),
      '1:'.repeat(500_000),
      ' '.repeat(1_000_000) + '9',
      '09:00 - 10:00 ' + '('.repeat(1_000_000),
      '09:00 - '.repeat(125_000),
      'time zone '.repeat(100_000),
      'all times '.repeat(100_000),
      '9::00 ' + ')'.repeat(1_000_000) + 'x',
      '09:00 - ' + ')'.repeat(1_000_000) + 'x',
    ];
    for (const input of inputs) {
      findTimestamps(input);
      scanLeadingTimestamp(input);
      parseWindowText(input);
      findZoneDeclaration(input);
      parseLength(input);
      assert.doesNotThrow(() => resolveZone(input));
    }
  });

  it('never throws, whatever it is given', () => {
    const junk = ['\u0000', '\uD800', '((((', ')', '09:00 (', '09:00 (UTC', 'UTC+', '+', '-', 'Europe/', '/', '9:', '12:00 AM(', null, undefined, 42];
    for (const input of junk) {
      assert.doesNotThrow(() => {
        findTimestamps(input as string);
        scanLeadingTimestamp(input as string);
        parseWindowText(input as string);
        findZoneDeclaration(input as string);
        parseLength(input as string);
        resolveZone(input as string);
      });
    }
    assert.deepEqual(shape(scanLeadingTimestamp('09:00 (UTC')), expected({ raw: '09:00', time: [9, 0] }));
  });

  it('findFirstTimestamp stops at the first stamp it accepts, the one findTimestamps would list first', () => {
    const text = 'On 31/02/2024 at 09:00 UTC, see https://x.test/2024-01-01, then 2024-04-10 14:05 EAT and April 11, 2024.';
    const dated = (stamp: ScannedTimestamp) => Boolean(stamp.date && !stamp.error);
    assert.equal(findFirstTimestamp(text, dated)?.raw, '2024-04-10 14:05 EAT');
    assert.equal(findFirstTimestamp(text, (stamp) => Boolean(stamp.error))?.raw, '31/02/2024 at 09:00 UTC');
    assert.equal(findFirstTimestamp('no digits here', dated), undefined);
    assert.equal(findFirstTimestamp(null as unknown as string, dated), undefined);
    const piece = fc.constantFrom(
      '2024-04-10',
      ' 09:00',
      ' UTC',
      ' April 3, 2023',
      ' 7 PM',
      ' 31/13/2020',
      ' https://a.test/12:30',
      ' word',
      '\n',
      ' 25:00',
      ' Mar 9',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(8), (pieces, pick) => {
        const text = pieces.join('');
        const accept = (stamp: ScannedTimestamp) => stamp.offset % 9 === pick || Boolean(stamp.time && pick % 2);
        assert.deepEqual(findFirstTimestamp(text, accept), findTimestamps(text).find(accept));
      }),
    );
  });
});

describe('time: resolveZone', () => {
  const cases: Array<[string, string | undefined]> = [
    ['UTC', 'UTC'],
    ['(UTC)', 'UTC'],
    ['utc', 'UTC'],
    ['GMT', 'UTC'],
    ['Z', 'UTC'],
    ['GMT+1', 'UTC+1'],
    ['UTC+03:00', 'UTC+3'],
    ['UTC-5', 'UTC-5'],
    ['UTC + 3', 'UTC+3'],
    ['+03:00', 'UTC+3'],
    ['-0500', 'UTC-5'],
    ['+0530', 'UTC+5:30'],
    ['Europe/Paris', 'Europe/Paris'],
    ['America/New_York', 'America/New_York'],
    ['PST', 'UTC-8'],
    ['PDT', 'UTC-7'],
    ['EST', 'UTC-5'],
    ['EDT', 'UTC-4'],
    ['CST', 'UTC-6'],
    ['CDT', 'UTC-5'],
    ['MST', 'UTC-7'],
    ['MDT', 'UTC-6'],
    ['CET', 'UTC+1'],
    ['CEST', 'UTC+2'],
    ['BST', 'UTC+1'],
    ['IST', 'Asia/Kolkata'],
    ['EAT', 'Africa/Nairobi'],
    ['WAT', 'Africa/Lagos'],
    ['CAT', 'Africa/Maputo'],
    ['JST', 'Asia/Tokyo'],
    ['AEST', 'UTC+10'],
    ['AEDT', 'UTC+11'],
    ['NZST', 'UTC+12'],
    ['SGT', 'Asia/Singapore'],
    ['HKT', 'Asia/Hong_Kong'],
    ['MSK', 'Europe/Moscow'],
    ['WIB', 'Asia/Jakarta'],
    ['pst', 'UTC-8'],
    ['Pacific Time', 'America/Los_Angeles'],
    ['Eastern Standard Time', 'UTC-5'],
    ['XYZ', undefined],
    ['', undefined],
    ['UTC+99', undefined],
    ['Foo/Bar', undefined],
    ['America/New_Yrok', undefined],
  ];
  for (const [input, zone] of cases) {
    it(`resolves ${JSON.stringify(input)} to ${zone}`, () => {
      assert.equal(resolveZone(input), zone);
    });
  }

  it('maps every abbreviation in the table to a zone luxon accepts, after a time too', () => {
    for (const abbreviation of Object.keys(ZONE_ABBREVIATIONS)) {
      const zone = resolveZone(abbreviation);
      assert.ok(zone, abbreviation);
      assert.ok(DateTime.fromObject({ year: 2024, month: 1, day: 1 }, { zone }).isValid, `${abbreviation} -> ${zone}`);
      if (abbreviation === 'Z') continue;
      const ts = scanLeadingTimestamp(`09:00 ${abbreviation} x`);
      assert.equal(ts?.zone, zone, abbreviation);
      assert.equal(ts?.raw, `09:00 ${abbreviation}`);
    }
  });
});

describe('time: toDateTime', () => {
  it('gives the instant in the zone', () => {
    const dt = toDateTime({ year: 2024, month: 4, day: 10 }, { hour: 9, minute: 0, second: 0, clock: '24h' }, 'Africa/Nairobi');
    assert.equal(dt?.toUTC().toISO(), '2024-04-10T06:00:00.000Z');
  });

  it('turns the 12-hour clock into instants: 12:15 AM is just after midnight, 12:15 PM just after noon', () => {
    const am = scanLeadingTimestamp('April 10, 2024, 12:15 AM')!;
    const pm = scanLeadingTimestamp('April 10, 2024, 12:15 PM')!;
    assert.equal(toDateTime(am.date!, am.time!, 'UTC')?.toISO(), '2024-04-10T00:15:00.000Z');
    assert.equal(toDateTime(pm.date!, pm.time!, 'UTC')?.toISO(), '2024-04-10T12:15:00.000Z');
  });

  it('knows 01:30 and 03:30 on the New York DST night are one hour apart', () => {
    const date = { year: 2024, month: 3, day: 10 };
    const before = toDateTime(date, { hour: 1, minute: 30, second: 0, clock: '24h' }, 'America/New_York')!;
    const after = toDateTime(date, { hour: 3, minute: 30, second: 0, clock: '24h' }, 'America/New_York')!;
    assert.equal(after.diff(before, 'minutes').minutes, 60);
    assert.equal(before.offset, -300);
    assert.equal(after.offset, -240);
  });

  it('resolves a fixed offset from an abbreviation', () => {
    const ts = scanLeadingTimestamp('2024-01-15 09:00 PDT')!;
    assert.equal(toDateTime(ts.date!, ts.time!, ts.zone!)?.toUTC().toISO(), '2024-01-15T16:00:00.000Z');
  });

  it('returns undefined for impossible dates and unknown zones', () => {
    const t = { hour: 9, minute: 0, second: 0, clock: '24h' as const };
    assert.equal(toDateTime({ year: 2024, month: 2, day: 30 }, t, 'UTC'), undefined);
    assert.equal(toDateTime({ year: 2024, month: 2, day: 3 }, t, 'Nowhere/City'), undefined);
  });
});

describe('time: findZoneDeclaration', () => {
  const cases: Array<[string, { zone: string; zoneText: string } | undefined]> = [
    ['All times in PST.', { zone: 'UTC-8', zoneText: 'PST' }],
    ['All times are UTC', { zone: 'UTC', zoneText: 'UTC' }],
    ['Timeline (all times UTC)', { zone: 'UTC', zoneText: 'UTC' }],
    ['Times are in EAT', { zone: 'Africa/Nairobi', zoneText: 'EAT' }],
    ['All timestamps in UTC+1', { zone: 'UTC+1', zoneText: 'UTC+1' }],
    ['All times in Pacific Time', { zone: 'America/Los_Angeles', zoneText: 'Pacific Time' }],
    ['_All times are shown in Europe/Berlin._', { zone: 'Europe/Berlin', zoneText: 'Europe/Berlin' }],
    ['Time zone: CET', { zone: 'UTC+1', zoneText: 'CET' }],
    ['It failed 3 times in a row', undefined],
    ['We retried several times in EST', undefined],
    ['All times are approximate', undefined],
  ];
  for (const [input, want] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      const found = findZoneDeclaration(input);
      assert.deepEqual(found && { zone: found.zone, zoneText: found.zoneText }, want);
      // And says where the zone is written.
      if (found) assert.equal(input.slice(found.offset, found.offset + found.length).replace(/^\(|\)$/g, ''), found.zoneText);
    });
  }
});

describe('time: parseWindowText', () => {
  /** [raw, offset] of an end, its date, its time, its zone. */
  function end(t: ScannedTimestamp | undefined) {
    return (
      t && { raw: t.raw, offset: t.offset, date: t.date && [t.date.year, t.date.month, t.date.day], hm: t.time && [t.time.hour, t.time.minute], zone: t.zone }
    );
  }

  it('reads full dates on both ends with the zone written once at the end', () => {
    const w = parseWindowText('April 10, 2024, 09:00 AM - April 10, 2024, 01:00 PM (UTC)');
    assert.equal(w.error, undefined);
    assert.deepEqual(end(w.start), { raw: 'April 10, 2024, 09:00 AM', offset: 0, date: [2024, 4, 10], hm: [9, 0], zone: 'UTC' });
    assert.deepEqual(end(w.end), { raw: 'April 10, 2024, 01:00 PM (UTC)', offset: 27, date: [2024, 4, 10], hm: [13, 0], zone: 'UTC' });
    assert.equal(w.zone, 'UTC');
    assert.equal(w.zoneText, 'UTC');
  });

  it('gives a start written as a month and day the year of the end, the year before across New Year', () => {
    const w = parseWindowText('September 28th to September 29th, 2023');
    assert.equal(w.error, undefined);
    assert.deepEqual(end(w.start), { raw: 'September 28th', offset: 0, date: [2023, 9, 28], hm: undefined, zone: undefined });
    assert.deepEqual(end(w.end), { raw: 'September 29th, 2023', offset: 18, date: [2023, 9, 29], hm: undefined, zone: undefined });
    assert.deepEqual(end(parseWindowText('December 30 - January 2, 2024').start)?.date, [2023, 12, 30]);
    assert.match(parseWindowText('Tuesday to September 29th, 2023').error ?? '', /start of the window/);
  });

  for (const dash of ['–', '—', ' to ', ' until ']) {
    it(`lets the end inherit the start's date across ${JSON.stringify(dash)}`, () => {
      const value = `2024-04-10 09:00${dash}13:00 UTC`;
      const w = parseWindowText(value);
      assert.deepEqual(end(w.start), { raw: '2024-04-10 09:00', offset: 0, date: [2024, 4, 10], hm: [9, 0], zone: 'UTC' });
      assert.deepEqual(end(w.end), { raw: '13:00 UTC', offset: value.indexOf('13:00'), date: [2024, 4, 10], hm: [13, 0], zone: 'UTC' });
    });
  }

  const cases: Array<[string, { start: [number, number]; end?: [number, number]; zone?: string; zoneText?: string; stated?: [number, string] }]> = [
    ['09:00 AM - 01:00 PM GMT+1', { start: [9, 0], end: [13, 0], zone: 'UTC+1', zoneText: 'GMT+1' }],
    ['from 10:00 to 11:30 EAT', { start: [10, 0], end: [11, 30], zone: 'Africa/Nairobi', zoneText: 'EAT' }],
    ['2024-04-10T09:00Z/2024-04-10T13:00Z', { start: [9, 0], end: [13, 0], zone: 'UTC', zoneText: 'Z' }],
    ['4 hours (09:00 - 13:00 UTC)', { start: [9, 0], end: [13, 0], zone: 'UTC', zoneText: 'UTC', stated: [240, '4 hours'] }],
    ['09:00 - 13:00 UTC (4 hours)', { start: [9, 0], end: [13, 0], zone: 'UTC', zoneText: 'UTC', stated: [240, '4 hours'] }],
    ['10:00 PM - 01:30 AM UTC', { start: [22, 0], end: [1, 30], zone: 'UTC', zoneText: 'UTC' }],
    ['March 11, 2024, 09:30 AM (UTC) - 03:45 PM (UTC)', { start: [9, 30], end: [15, 45], zone: 'UTC', zoneText: 'UTC' }],
    ['about 2 hours, 09:00-11:00 CET', { start: [9, 0], end: [11, 0], zone: 'UTC+1', zoneText: 'CET', stated: [120, 'about 2 hours'] }],
    ['09:00 UTC - ongoing', { start: [9, 0], zone: 'UTC', zoneText: 'UTC' }],
    ['UTC: 09:00 - 13:00', { start: [9, 0], end: [13, 0], zone: 'UTC', zoneText: 'UTC' }],
    ['09:00 - 10:30 (1h30m, PST)', { start: [9, 0], end: [10, 30], zone: 'UTC-8', zoneText: 'PST', stated: [90, '1h30m'] }],
    ['between 9 AM and 1 PM IST', { start: [9, 0], end: [13, 0], zone: 'Asia/Kolkata', zoneText: 'IST' }],
  ];
  for (const [value, want] of cases) {
    it(`reads ${JSON.stringify(value)}`, () => {
      const w = parseWindowText(value);
      assert.equal(w.error, undefined);
      assert.deepEqual(w.start?.time && [w.start.time.hour, w.start.time.minute], want.start);
      assert.deepEqual(w.end?.time && [w.end.time.hour, w.end.time.minute], want.end);
      assert.equal(w.zone, want.zone);
      assert.equal(w.zoneText, want.zoneText);
      assert.equal(w.statedMinutes, want.stated?.[0]);
      if (want.stated) assert.equal(value.slice(w.statedOffset!, w.statedOffset! + w.statedLength!), want.stated[1]);
      assert.equal(value.slice(w.start!.offset, w.start!.offset + w.start!.length), w.start!.raw);
    });
  }

  it('puts a date written once before the times on both ends', () => {
    const w = parseWindowText('April 10, 2024: 09:00 - 13:00 UTC');
    assert.deepEqual(end(w.start), { raw: '09:00', offset: 16, date: [2024, 4, 10], hm: [9, 0], zone: 'UTC' });
    assert.deepEqual(end(w.end)?.date, [2024, 4, 10]);
  });

  it('puts a date written once after the times on both ends', () => {
    const w = parseWindowText('09:00 - 13:00 UTC on April 10, 2024');
    assert.deepEqual(end(w.start)?.date, [2024, 4, 10]);
    assert.deepEqual(end(w.end)?.date, [2024, 4, 10]);
  });

  it('keeps different zones on the two ends and claims none for the window', () => {
    const w = parseWindowText('09:00 PST - 10:00 EST');
    assert.equal(w.zone, undefined);
    assert.equal(w.start?.zone, 'UTC-8');
    assert.equal(w.end?.zone, 'UTC-5');
  });

  it('reads a length alone', () => {
    assert.deepEqual(parseWindowText('45 minutes'), { statedMinutes: 45, statedOffset: 0, statedLength: 10 });
  });

  const errors: Array<[string, string]> = [
    ['09:00 - 25:00 UTC', 'the end of the window is wrong: 25:00 UTC: the hour must be 0 to 23'],
    ['09:00 - soon', 'the end of the window, "soon", is not a time (expected something like 13:00 or 1:00 PM)'],
    ['9::00 - 10:00 UTC', 'the start of the window, "9::00", is not a time (expected something like 09:00 or 9:00 AM)'],
    ['9::00 to 10::00', '"9::00 to 10::00" is not a time window (expected something like 09:00 - 13:00 UTC)'],
    ['09:00 13:00', 'could not tell the start from the end: put a dash or "to" between the two times'],
  ];
  it('reads "13:00 PM - 14:00" as 13:00 to 14:00, keeping the start\'s error for timestamp-invalid', () => {
    const parsed = parseWindowText('13:00 PM - 14:00');
    assert.equal(parsed.error, undefined);
    assert.deepEqual([parsed.start?.time?.hour, parsed.end?.time?.hour], [13, 14]);
    assert.equal(parsed.start?.error, "13:00 PM: a 12-hour time's hour must be 1 to 12");
  });

  for (const [value, message] of errors) {
    it(`explains why ${JSON.stringify(value)} is not a window`, () => {
      assert.equal(parseWindowText(value).error, message);
    });
  }

  it('has nothing to say about text with no times in it', () => {
    assert.deepEqual(parseWindowText('ongoing'), {});
  });
});

describe('time: parseLength and formatLength', () => {
  const lengths: Array<[string, number | undefined]> = [
    ['4 hours', 240],
    ['4h', 240],
    ['66 minutes', 66],
    ['66 min', 66],
    ['2h 30m', 150],
    ['2 hours 30 minutes', 150],
    ['1 hour and 15 minutes', 75],
    ['1.5 hours', 90],
    ['1h30m', 90],
    ['~2h', 120],
    ['90 mins', 90],
    ['1 day 2 hours', 1560],
    ['30 seconds', 0.5],
    ['about 2 hours', 120],
    ['an hour', 60],
    ['2 hours, 5 minutes', 125],
    ['  3 hrs ', 180],
    ['4 hosts', undefined],
    ['4', undefined],
    ['2h30', undefined],
    ['3 months', undefined],
    ['30 m 2 h', undefined],
    ['', undefined],
    ['hours', undefined],
    ['09:00', undefined],
  ];
  for (const [input, minutes] of lengths) {
    it(`parses ${JSON.stringify(input)} as ${minutes} minutes`, () => {
      assert.equal(parseLength(input), minutes);
    });
  }

  const formats: Array<[number, string]> = [
    [0, '0 min'],
    [30, '30 min'],
    [240, '4 h'],
    [65, '1 h 05 min'],
    [1439, '23 h 59 min'],
    [2 * 1440 + 3 * 60 + 5, '2 d 3 h'],
    [2880, '2 d'],
    [1440, '1 d'],
    [-45, '-45 min'],
    [-125, '-2 h 05 min'],
    [-0.3, '0 min'],
    [29.6, '30 min'],
    [0.5, '1 min'],
  ];
  for (const [minutes, text] of formats) {
    it(`formats ${minutes} minutes as ${JSON.stringify(text)}`, () => {
      assert.equal(formatLength(minutes), text);
    });
  }

  it('round-trips what it formats (below a day)', () => {
    for (const minutes of [5, 59, 60, 61, 600, 1439]) {
      assert.equal(parseLength(formatLength(minutes)), minutes);
    }
  });
});

describe('civilDateOf', () => {
  /** What luxon reads: the date in the instant's own offset, undefined when it is no instant. */
  const luxonDate = (instant: string) => {
    const dateTime = DateTime.fromISO(instant, { setZone: true });
    return dateTime.isValid ? { year: dateTime.year, month: dateTime.month, day: dateTime.day } : undefined;
  };

  it('gives the date written in the instant, in its own offset', () => {
    assert.deepEqual(civilDateOf('2024-03-10T23:30:00.000-05:00'), { year: 2024, month: 3, day: 10 });
    assert.deepEqual(civilDateOf('2024-02-29T00:00:00.000Z'), { year: 2024, month: 2, day: 29 });
    assert.equal(civilDateOf('2023-02-29T00:00:00.000Z'), undefined);
    assert.equal(civilDateOf('not an instant'), undefined);
  });

  it('reads every instant as luxon does, written by luxon or not', () => {
    const zones = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC+14', 'UTC-12'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(900, 0, 1), max: Date.UTC(9999, 11, 31) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = DateTime.fromMillis(ms, { zone }).toISO()!;
        assert.deepEqual(civilDateOf(instant), luxonDate(instant));
      }),
    );
    const offsets = ['Z', '+00:00', '-05:00', '+05:45', '+14:00', '+23:59', '-23:59'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom(...offsets),
        (year, month, day, hour, offset) => {
          const two = (n: number) => String(n).padStart(2, '0');
          const instant = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:59:59.999${offset}`;
          assert.deepEqual(civilDateOf(instant), luxonDate(instant));
        },
      ),
    );
  });
});
