// The timeline importers (core/import): one table per format with samples shaped like the real
// thing (written here, not copied), detection, rendering in a timeline's style, and merges that
// lose nothing already in the document.
import assert from 'node:assert/strict';
import { convertImport, detectFormat, importIntoDocument, importStandalone, type ConvertResult, type ImportFormat } from '../../server/src/core/import';
import { applyEdits } from '../../server/src/core/fixes';
import { parse } from '../../server/src/core/parse';
import { ALX } from '../../server/src/core/profiles/builtin';

const MAY_2 = { year: 2024, month: 5, day: 2 };

function entriesOf(result: ConvertResult): [string, string][] {
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.entries.map((entry) => [new Date(entry.epochMs).toISOString(), entry.text]);
}

function failureOf(result: ConvertResult): { error: string; missing?: string } {
  assert.ok(!result.ok, 'expected the conversion to fail');
  return result;
}

describe('import: Slack copied from the app', () => {
  const conversation = [
    'Alice Smith  11:22 AM',
    'checkout API is returning 500s',
    'errors started right after the deploy (edited)',
    'Bob Jones  [11:25 AM]',
    'looking',
    '[11:31 AM]',
    'rolled back the deploy, error rate dropping',
    '3 replies',
    '----- Friday, May 3rd -----',
    'Alice Smith  [9:02 AM]',
    'all clear, resolved',
  ].join('\n');

  it('reads headers, continuation lines, "(edited)", the next message of the same person and a day divider', () => {
    assert.deepEqual(entriesOf(convertImport(conversation, 'slack', { date: MAY_2, zone: 'Africa/Nairobi' })), [
      ['2024-05-02T08:22:00.000Z', 'Alice Smith: checkout API is returning 500s errors started right after the deploy'],
      ['2024-05-02T08:25:00.000Z', 'Bob Jones: looking'],
      ['2024-05-02T08:31:00.000Z', 'Bob Jones: rolled back the deploy, error rate dropping'],
      ['2024-05-03T06:02:00.000Z', 'Alice Smith: all clear, resolved'],
    ]);
  });

  it('guesses phases from the phase words', () => {
    const result = convertImport(conversation, 'slack', { date: MAY_2, zone: 'UTC' });
    assert.ok(result.ok);
    assert.deepEqual(
      result.entries.map((e) => e.phase),
      ['started', undefined, 'mitigated', 'resolved'],
    );
  });

  const cases: [string, string, [string, string][]][] = [
    [
      '24-hour bracketed times',
      'Ops Bot  [16:00]\ndeploy started\n[16:05] canary at 5%',
      [
        ['2024-05-02T16:00:00.000Z', 'Ops Bot: deploy started'],
        ['2024-05-02T16:05:00.000Z', 'Ops Bot: canary at 5%'],
      ],
    ],
    [
      'a conversation crossing midnight without a divider',
      'Ann  [23:50]\nstill failing\nAnn  [00:10]\nbetter',
      [
        ['2024-05-02T23:50:00.000Z', 'Ann: still failing'],
        ['2024-05-03T00:10:00.000Z', 'Ann: better'],
      ],
    ],
    ['a message line ending in a time is not a header', 'Ann  [10:00]\nwe restart at 11:30\nok', [['2024-05-02T10:00:00.000Z', 'Ann: we restart at 11:30 ok']]],
    [
      'Today and Yesterday dividers around the document date',
      'Yesterday\nAnn  [22:00]\nalerts\nToday\nAnn  [01:00]\nfixed',
      [
        ['2024-05-01T22:00:00.000Z', 'Ann: alerts'],
        ['2024-05-02T01:00:00.000Z', 'Ann: fixed'],
      ],
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(entriesOf(convertImport(text, 'slack', { date: MAY_2, zone: 'UTC' })), expected));
  }

  it('asks for the zone and the date it lacks, and names the line it cannot read', () => {
    assert.equal(failureOf(convertImport(conversation, 'slack', { date: MAY_2 })).missing, 'zone');
    assert.equal(failureOf(convertImport('Ann  [10:00]\nhi', 'slack', { zone: 'UTC' })).missing, 'date');
    assert.match(
      failureOf(convertImport('hello there\nAnn  [10:00]\nhi', 'slack', { date: MAY_2, zone: 'UTC' })).error,
      /^line 1: "hello there" is not a Slack message header/,
    );
    assert.match(failureOf(convertImport('Ann  [13:75]\nhi', 'slack', { date: MAY_2, zone: 'UTC' })).error, /^line 1: .*minutes/);
  });
});

describe('import: Slack export JSON', () => {
  const exportFile = JSON.stringify([
    { type: 'message', subtype: 'channel_join', user: 'U02', text: '<@U02> has joined the channel', ts: '1714658000.000100' },
    {
      type: 'message',
      user: 'U01',
      text: 'paging <@U02>: checkout is down &amp; <#C9|ops> knows',
      ts: '1714658651.000200',
      user_profile: { real_name: 'Alice Smith' },
    },
    { type: 'message', user: 'U02', text: 'see <https://status.example.com|status page>', ts: '1714658712.999900' },
    { type: 'message', subtype: 'bot_message', username: 'deploybot', text: 'rollback finished', ts: 1714659000.5 },
  ]);

  it('reads epoch seconds with a fraction, names mentions, skips join messages, keeps bot messages', () => {
    assert.deepEqual(entriesOf(convertImport(exportFile, 'slack-json', { slackUsers: { U02: 'Bob Jones' } })), [
      ['2024-05-02T14:04:11.000Z', 'Alice Smith: paging @Bob Jones: checkout is down & #ops knows'],
      ['2024-05-02T14:05:13.000Z', 'Bob Jones: see status page'],
      ['2024-05-02T14:10:00.500Z', 'deploybot: rollback finished'],
    ]);
  });

  it('names the message whose ts it cannot read, and the line of broken JSON', () => {
    const result = convertImport(JSON.stringify([{ type: 'message', text: 'x', ts: 'soon' }]), 'slack-json');
    assert.match(failureOf(result).error, /^\[0\]\.ts: "soon" is not epoch seconds/);
    assert.match(failureOf(convertImport('[\n{"ts": "1"},\n{oops}\n]', 'slack-json')).error, /^line 3: not valid JSON/);
  });
});

describe('import: PagerDuty log entries', () => {
  const log = JSON.stringify({
    log_entries: [
      {
        type: 'resolve_log_entry',
        created_at: '2024-05-02T15:30:00Z',
        agent: { type: 'user_reference', summary: 'Alice Smith' },
        summary: 'Resolved by Alice Smith',
      },
      {
        type: 'trigger_log_entry',
        created_at: '2024-05-02T14:04:11Z',
        agent: { type: 'service_reference', summary: 'Checkout API' },
        channel: { type: 'api' },
        summary: 'Triggered through the API',
      },
      { type: 'acknowledge_log_entry', created_at: '2024-05-02T14:09:00+02:00', agent: { summary: 'Bob Jones' }, summary: 'Acknowledged by Bob Jones' },
      { type: 'escalate_log_entry', created_at: '2024-05-02T14:20:00Z', summary: 'Escalated to Level 2: Database team' },
      {
        type: 'annotate_log_entry',
        created_at: '2024-05-02T14:25:00Z',
        agent: { summary: 'Bob Jones' },
        channel: { type: 'note', summary: 'failing over to the replica' },
        summary: 'Note added',
      },
    ],
  });

  it("turns each log entry into an entry in time order, with its phase and a note's own words", () => {
    const result = convertImport(log, 'pagerduty');
    assert.deepEqual(entriesOf(result), [
      ['2024-05-02T12:09:00.000Z', 'PagerDuty: Acknowledged by Bob Jones'],
      ['2024-05-02T14:04:11.000Z', 'PagerDuty: Triggered through the API'],
      ['2024-05-02T14:20:00.000Z', 'PagerDuty: Escalated to Level 2: Database team'],
      ['2024-05-02T14:25:00.000Z', 'PagerDuty: Note by Bob Jones: failing over to the replica'],
      ['2024-05-02T15:30:00.000Z', 'PagerDuty: Resolved by Alice Smith'],
    ]);
    assert.ok(result.ok);
    assert.deepEqual(
      result.entries.map((e) => e.phase),
      ['acknowledged', 'detected', 'escalated', undefined, 'resolved'],
    );
  });

  it('names the field it cannot read', () => {
    const result = convertImport(JSON.stringify({ log_entries: [{ type: 'trigger_log_entry', created_at: 'yesterday' }] }), 'pagerduty');
    assert.match(failureOf(result).error, /^log_entries\[0\]\.created_at: "yesterday" is not an RFC 3339 time/);
  });
});

describe('import: Alertmanager and Grafana webhooks', () => {
  const payload = {
    version: '4',
    status: 'firing',
    alerts: [
      {
        status: 'resolved',
        labels: { alertname: 'HighErrorRate', instance: 'api-1' },
        annotations: { summary: '5xx above 5%' },
        startsAt: '2024-05-02T16:04:11.123456789+02:00',
        endsAt: '2024-05-02T15:10:00Z',
        fingerprint: 'a1',
      },
      {
        status: 'firing',
        labels: { alertname: 'QueueBacklog' },
        annotations: { description: 'orders queue > 10k' },
        startsAt: '2024-05-02T14:06:00Z',
        endsAt: '0001-01-01T00:00:00Z',
      },
    ],
  };

  it('writes when each alert fired and resolved; the zero end means still firing', () => {
    assert.deepEqual(entriesOf(convertImport(JSON.stringify(payload), 'alertmanager')), [
      ['2024-05-02T14:04:11.123Z', 'Alert HighErrorRate on api-1 fired: 5xx above 5%'],
      ['2024-05-02T14:06:00.000Z', 'Alert QueueBacklog fired: orders queue > 10k (still firing)'],
      ['2024-05-02T15:10:00.000Z', 'Alert HighErrorRate on api-1 resolved'],
    ]);
  });

  it('reads several payloads once each (Grafana resends firing alerts)', () => {
    const again = JSON.stringify([payload, payload]);
    const result = convertImport(again, 'alertmanager');
    assert.ok(result.ok);
    assert.equal(result.entries.length, 3);
  });

  it('names the alert whose time it cannot read', () => {
    const bad = JSON.stringify({ alerts: [{ labels: { alertname: 'X' }, startsAt: '2024-05-02 14:00' }] });
    assert.match(failureOf(convertImport(bad, 'alertmanager')).error, /^alerts\[0\]\.startsAt: /);
  });
});

describe('import: syslog and journalctl', () => {
  const cases: [ImportFormat, string, [string, string][]][] = [
    [
      'syslog',
      '<34>May  2 14:04:11 api-1 nginx[812]: upstream timed out\nMay  2 14:05:00 api-1 kernel: Out of memory: Killed process 912',
      [
        ['2024-05-02T12:04:11.000Z', 'api-1 nginx: upstream timed out'],
        ['2024-05-02T12:05:00.000Z', 'api-1 kernel: Out of memory: Killed process 912'],
      ],
    ],
    [
      'syslog',
      '<165>1 2024-05-02T14:04:11.003Z db-1 postgres 4411 ID47 [meta x="1"] connection limit reached\n<13>1 2024-05-02T16:05:00+02:00 db-1 - - - - failover done',
      [
        ['2024-05-02T14:04:11.003Z', 'db-1 postgres: connection limit reached'],
        ['2024-05-02T14:05:00.000Z', 'db-1 failover done'],
      ],
    ],
    [
      'journalctl',
      '-- Logs begin at Thu 2024-05-02 10:00:00 CEST. --\nMay 02 14:04:11 api-1 systemd[1]: checkout.service: Main process exited\n-- Boot 3f2a --\nMay 02 14:06:30 api-1 systemd[1]: Started checkout.service.',
      [
        ['2024-05-02T12:04:11.000Z', 'api-1 systemd: checkout.service: Main process exited'],
        ['2024-05-02T12:06:30.000Z', 'api-1 systemd: Started checkout.service.'],
      ],
    ],
    [
      'journalctl',
      '2024-05-02T16:04:11+0200 api-1 app[42]: panic: nil map\n    goroutine 1 [running]:',
      [['2024-05-02T14:04:11.000Z', 'api-1 app: panic: nil map goroutine 1 [running]:']],
    ],
  ];
  for (const [format, text, expected] of cases) {
    it(`${format}: ${text.split('\n')[0].slice(0, 50)}`, () => {
      assert.deepEqual(entriesOf(convertImport(text, format, { date: MAY_2, zone: 'Europe/Paris' })), expected);
    });
  }

  it('RFC 3164 lines have no year and no zone: both are asked for; a December line read in January is last year', () => {
    assert.equal(failureOf(convertImport('May  2 14:04:11 h app: x', 'syslog', { date: MAY_2 })).missing, 'zone');
    assert.equal(failureOf(convertImport('May  2 14:04:11 h app: x', 'syslog', { zone: 'UTC' })).missing, 'date');
    assert.deepEqual(entriesOf(convertImport('Dec 31 23:59:00 h app: x', 'syslog', { date: { year: 2025, month: 1, day: 1 }, zone: 'UTC' })), [
      ['2024-12-31T23:59:00.000Z', 'h app: x'],
    ]);
    // Lines with their own offset need neither.
    assert.equal(entriesOf(convertImport('2024-05-02T16:04:11+0200 h app: x', 'journalctl', {})).length, 1);
  });

  it('names the line it cannot read', () => {
    assert.match(
      failureOf(convertImport('May  2 14:04:11 h app: x\nnot a log line', 'syslog', { date: MAY_2, zone: 'UTC' })).error,
      /^line 2: "not a log line" is not a syslog line/,
    );
  });
});

describe('import: kubectl get events -o json', () => {
  const events = JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [
      {
        kind: 'Event',
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        involvedObject: { kind: 'Pod', name: 'checkout-7d9f', namespace: 'prod' },
        firstTimestamp: '2024-05-02T14:04:11Z',
        lastTimestamp: '2024-05-02T14:20:00Z',
        count: 12,
      },
      {
        kind: 'Event',
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: 'Scaled up replica set checkout-8c1 to 3',
        involvedObject: { kind: 'Deployment', name: 'checkout', namespace: 'prod' },
        firstTimestamp: null,
        eventTime: '2024-05-02T14:02:00.123456Z',
      },
    ],
  });

  it('reads firstTimestamp, else eventTime, with the object, reason and repeat count', () => {
    assert.deepEqual(entriesOf(convertImport(events, 'kubectl')), [
      ['2024-05-02T14:02:00.123Z', 'Kubernetes: Deployment prod/checkout ScalingReplicaSet: Scaled up replica set checkout-8c1 to 3'],
      [
        '2024-05-02T14:04:11.000Z',
        'Kubernetes: Warning Pod prod/checkout-7d9f BackOff: Back-off restarting failed container (12 times until 2024-05-02T14:20:00Z)',
      ],
    ]);
  });

  it('names the event without a time', () => {
    const bad = JSON.stringify({ kind: 'List', items: [{ kind: 'Event', reason: 'X' }] });
    assert.match(failureOf(convertImport(bad, 'kubectl')).error, /^items\[0\]: no firstTimestamp, eventTime or lastTimestamp/);
  });
});

describe('import: format detection', () => {
  const cases: [string, string, ImportFormat | undefined][] = [
    ['Slack copy', 'Alice Smith  11:22 AM\nthe API is down\nBob  [11:23 AM]\nack', 'slack'],
    ['Slack copy starting with a divider', 'Thursday, May 2nd\nAlice  [09:00]\nhi', 'slack'],
    ['Slack export', JSON.stringify([{ type: 'message', text: 'hi', ts: '1714658651.000200' }]), 'slack-json'],
    ['PagerDuty', JSON.stringify({ log_entries: [{ type: 'trigger_log_entry', created_at: '2024-05-02T14:00:00Z' }] }), 'pagerduty'],
    ['Alertmanager', JSON.stringify({ alerts: [] }), 'alertmanager'],
    ['kubectl', JSON.stringify({ kind: 'List', items: [{ kind: 'Event' }] }), 'kubectl'],
    ['RFC 3164', '<34>May  2 14:04:11 h app: x', 'syslog'],
    ['RFC 5424', '<165>1 2024-05-02T14:04:11Z h app - - - x', 'syslog'],
    ['journalctl short', 'May 02 14:04:11 h app[1]: x\nMay 02 14:04:12 h app[1]: y', 'journalctl'],
    ['journalctl short-iso', '2024-05-02T16:04:11+0200 h app[1]: x', 'journalctl'],
    ['prose', 'We rolled back at 14:00 and it was fine.\nThen lunch.', undefined],
    ['a Markdown timeline', '- 14:00 UTC: deploy\n- 14:05 UTC: alert', undefined],
    ['other JSON', '{"name": "x"}', undefined],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name} -> ${expected ?? 'nothing'}`, () => assert.equal(detectFormat(text), expected));
  }
});

describe('import: into a document', () => {
  const slack = 'Alice Smith  [11:22 AM]\nAPI returning 500s\nBob Jones  [11:40 AM]\nrolled back the deploy';

  function merged(document: string, source: string, request: { format?: ImportFormat; zone?: string; date?: typeof MAY_2 } = {}) {
    const outcome = importIntoDocument(document, ALX, { sources: [{ text: source, format: request.format }], zone: request.zone, date: request.date });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
    return { outcome, text: applyEdits(document, outcome.merge.edits).text };
  }

  it("writes list entries in the timeline's 12-hour clock and zone suffix, in time order, keeping every existing line", () => {
    const document = [
      '# Postmortem: checkout',
      '',
      '## Issue Summary',
      '',
      'Duration: May 2, 2024, 11:00 AM - 1:00 PM EAT',
      '',
      '## Timeline',
      '',
      '- 11:00 AM EAT: deploy started',
      '  with the new cache',
      '- 11:30 AM EAT: on-call paged',
      '- 12:50 PM EAT: resolved',
      '',
      '## Root Cause and Resolution',
      '',
      'The cache.',
      '',
    ].join('\n');
    const { text } = merged(document, slack);
    assert.equal(
      text.split('## Timeline')[1].split('## Root')[0],
      [
        '',
        '',
        '- 11:00 AM EAT: deploy started',
        '  with the new cache',
        '- 11:22 AM EAT: Alice Smith: API returning 500s',
        '- 11:30 AM EAT: on-call paged',
        '- 11:40 AM EAT: Bob Jones: rolled back the deploy',
        '- 12:50 PM EAT: resolved',
        '',
        '',
      ].join('\n'),
    );
    // Nothing lost: every original line is still there, in the same order.
    const kept = text.split('\n');
    let at = 0;
    for (const line of document.split('\n')) {
      at = kept.indexOf(line, at);
      assert.ok(at >= 0, `lost "${line}"`);
      at++;
    }
    // The result reads back with the times that were imported.
    const model = parse(text, ALX).model;
    assert.deepEqual(
      model.entries.map((e) => e.timestamp.instant && new Date(e.timestamp.epochMs!).toISOString().slice(11, 16)),
      ['08:00', '08:22', '08:30', '08:40', '09:50'],
    );
  });

  it('does not duplicate entries already there: importing twice changes nothing the second time', () => {
    const document = '# Incident\n\nDuration: 2024-05-02 08:00 - 09:00 UTC\n\n## Timeline\n\n- 08:10 UTC: deploy\n';
    const once = merged(document, slack, { zone: 'UTC' }).text;
    const twice = importIntoDocument(once, ALX, { sources: [{ text: slack }], zone: 'UTC' });
    assert.ok(twice.ok);
    assert.equal(twice.merge.added.length, 0);
    assert.equal(twice.merge.duplicates.length, 2);
    assert.deepEqual(twice.merge.edits, []);
  });

  it('writes table rows in a table timeline, with pipes in the text escaped', () => {
    const document =
      '# Incident\n\nDuration: 2024-05-02 08:00 - 09:00 UTC\n\n## Timeline\n\n| Time | Event | Owner |\n| --- | --- | --- |\n| 08:10 UTC | deploy | Ann |\n| 08:50 UTC | resolved | Ann |\n';
    const { text } = merged(document, 'Bob  [08:30]\nerrors | timeouts', { zone: 'UTC' });
    assert.match(text, /\| 08:10 UTC \| deploy \| Ann \|\n\| 08:30 UTC \| Bob: errors \\\| timeouts \| \|\n\| 08:50 UTC \| resolved \| Ann \|/);
  });

  it("writes date lines when the import spans days, and converts offsets into the timeline's zone", () => {
    const document = '# Incident\n\nDuration: 2024-05-02 22:00 - 23:59 UTC\n\n## Timeline\n\n- 22:00 UTC: deploy\n';
    const alerts = JSON.stringify({
      alerts: [{ status: 'resolved', labels: { alertname: 'Down' }, startsAt: '2024-05-03T00:30:00+02:00', endsAt: '2024-05-03T01:15:00Z' }],
    });
    const { text } = merged(document, alerts);
    assert.equal(
      text.split('## Timeline\n')[1],
      '\n- 22:00 UTC: deploy\n- 22:30 UTC: Alert Down fired\n\n**2024-05-03**\n\n- 01:15 UTC: Alert Down resolved\n',
    );
    const entries = parse(text, ALX).model.entries;
    assert.deepEqual(
      entries.map((e) => new Date(e.timestamp.epochMs!).toISOString()),
      ['2024-05-02T22:00:00.000Z', '2024-05-02T22:30:00.000Z', '2024-05-03T01:15:00.000Z'],
    );
  });

  it('restores the date of the entries below a date line it wrote', () => {
    const document = '# Incident\n\nDuration: 2024-05-02 22:00 - 23:59 UTC\n\n## Timeline\n\n- 22:00 UTC: deploy\n\n**2024-05-03**\n\n- 02:00 UTC: resolved\n';
    const alerts = JSON.stringify({
      alerts: [{ status: 'firing', labels: { alertname: 'Down' }, startsAt: '2024-05-03T01:00:00Z', endsAt: '0001-01-01T00:00:00Z' }],
    });
    const { text } = merged(document, alerts);
    assert.equal(
      text.split('## Timeline\n')[1],
      '\n- 22:00 UTC: deploy\n\n**2024-05-03**\n\n- 01:00 UTC: Alert Down fired (still firing)\n- 02:00 UTC: resolved\n',
    );
  });

  it('never splits a line: the two blanks of a hard break stay on their line, in a list and in a timeline of prose', () => {
    const list = '# Incident\n\nDuration: 2024-05-02 08:00 - 09:00 UTC\n\n## Timeline\n\n- 08:10 UTC: deploy  \n  with the cache  \n';
    assert.equal(merged(list, 'Bob  [08:30]\nfound it', { zone: 'UTC' }).text, `${list}- 08:30 UTC: Bob: found it\n`);
    const prose = '# Incident\n\nDuration: 2024-05-02 08:00 - 09:00 UTC\n\n## Timeline\n\nWe have no entries yet.  \n';
    const { text } = merged(prose, 'Bob  [08:30]\nfound it', { zone: 'UTC' });
    assert.ok(text.startsWith(prose.slice(0, -1)), text);
    assert.match(text, /We have no entries yet\.  \n\n- 08:30 UTC: Bob: found it/);
  });

  it('creates the timeline section where the profile puts it when there is none', () => {
    const document = '# Postmortem\n\n## Issue Summary\n\nDuration: 2024-05-02 08:00 - 09:00 UTC\n\n## Root Cause and Resolution\n\nA bug.\n';
    const { text, outcome } = merged(document, 'Bob  [08:30]\nfound it', { zone: 'UTC' });
    assert.ok(outcome.ok && outcome.merge.createdSection);
    assert.match(text, /Duration: 2024-05-02 08:00 - 09:00 UTC\n\n## Timeline\n\n- 08:30 UTC: Bob: found it\n\n## Root Cause and Resolution/);
  });

  it('takes the date and zone from the document, and says what is missing when the document has none', () => {
    const document = '# Incident\n\n## Timeline\n\n- 08:10: deploy\n';
    const outcome = importIntoDocument(document, ALX, { sources: [{ text: slack }] });
    assert.ok(!outcome.ok && outcome.missing === 'zone', JSON.stringify(outcome));
    const dated = importIntoDocument(document, ALX, { sources: [{ text: slack }], zone: 'UTC', date: MAY_2 });
    assert.ok(dated.ok);
  });

  it('fails with a message, and no edit, on input it cannot read', () => {
    const outcome = importIntoDocument('# Incident\n\n## Timeline\n', ALX, {
      sources: [{ text: '{"log_entries": [{"type": "trigger_log_entry", "created_at": 5}]}', name: 'pd.json' }],
    });
    assert.ok(!outcome.ok);
    assert.match(outcome.error, /^pd\.json: log_entries\[0\]\.created_at: 5 is not an RFC 3339 time/);
  });
});

describe('import: on its own (the CLI without --into)', () => {
  it('prints list lines with the zone, and date lines only when the entries span days', () => {
    const one = importStandalone(ALX, { sources: [{ text: 'Ann  [14:04]\ndeploy' }], zone: 'UTC', date: MAY_2 });
    assert.ok(one.ok);
    assert.deepEqual(one.lines, ['- 14:04 UTC: Ann: deploy']);
    const two = importStandalone(ALX, { sources: [{ text: 'Ann  [23:50]\nstill down\nAnn  [00:20]\nback' }], zone: 'Europe/Paris', date: MAY_2 });
    assert.ok(two.ok);
    assert.deepEqual(two.lines, ['**2024-05-02**', '', '- 23:50 UTC+02:00: Ann: still down', '', '**2024-05-03**', '', '- 00:20 UTC+02:00: Ann: back']);
  });
});

describe('import: entries read back as the instants imported, whatever the timeline style', () => {
  const alerts = JSON.stringify({
    alerts: [
      { status: 'resolved', labels: { alertname: 'Down' }, startsAt: '2024-05-02T14:04:11Z', endsAt: '2024-05-02T17:45:30Z' },
      { status: 'firing', labels: { alertname: 'Slow' }, startsAt: '2024-05-02T15:10:00+02:00', endsAt: '0001-01-01T00:00:00Z' },
    ],
  });
  const styles: [string, string, RegExp][] = [
    ['24-hour list with UTC', '- 14:00 UTC: deploy\n- 18:00 UTC: closed\n', /^- 14:04 UTC: Alert Down fired$/m],
    ['12-hour lower-case, zero-padded, no blank', '- 02:00pm UTC: deploy\n- 06:00pm UTC: closed\n', /^- 02:04pm UTC: Alert Down fired$/m],
    ['bold times with a dash', '- **14:00 UTC** - deploy\n- **18:00 UTC** - closed\n', /^- \*\*14:04 UTC\*\* - Alert Down fired$/m],
    ['seconds', '- 14:00:00 UTC: deploy\n- 18:00:00 UTC: closed\n', /^- 17:45:30 UTC: Alert Down resolved$/m],
    ['an abbreviation zone', '- 5:00 PM EAT: deploy\n- 9:00 PM EAT: closed\n', /^- 5:04 PM EAT: Alert Down fired$/m],
    ['dated entries', '- 2024-05-02 14:00 UTC: deploy\n- 2024-05-02 18:00 UTC: closed\n', /^- 2024-05-02 14:04 UTC: Alert Down fired$/m],
    ['long dated entries', '- May 2, 2024, 14:00 UTC: deploy\n- May 2, 2024, 18:00 UTC: closed\n', /^- May 2, 2024, 14:04 UTC: Alert Down fired$/m],
    ['a table', '| Time | Event |\n| --- | --- |\n| 14:00 UTC | deploy |\n| 18:00 UTC | closed |\n', /^\| 14:04 UTC \| Alert Down fired \|$/m],
    ['numbered list', '1. 14:00 UTC: deploy\n2. 18:00 UTC: closed\n', /^1\. 14:04 UTC: Alert Down fired$/m],
    ['zone declared once', 'All times UTC.\n\n- 14:00: deploy\n- 18:00: closed\n', /^- 14:04: Alert Down fired$/m],
  ];
  for (const [name, timeline, line] of styles) {
    it(name, () => {
      const document = `# Incident\n\nDuration: 2024-05-02 14:00 - 18:00 UTC\n\n## Timeline\n\n${timeline}`;
      const outcome = importIntoDocument(document, ALX, { sources: [{ text: alerts }] });
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
      const text = applyEdits(document, outcome.merge.edits).text;
      assert.match(text, line);
      const precision = /\d:\d\d:\d\d/.test(timeline) ? 1000 : 60_000;
      const floor = (ms: number) => Math.floor(ms / precision) * precision;
      const expected = [
        Date.parse('2024-05-02T14:00:00Z'),
        Date.parse('2024-05-02T14:04:11Z'),
        Date.parse('2024-05-02T13:10:00Z'),
        Date.parse('2024-05-02T17:45:30Z'),
        Date.parse('2024-05-02T18:00:00Z'),
      ]
        .map(floor)
        .sort((a, b) => a - b);
      const read = parse(text, ALX).model.entries.map((entry) => entry.timestamp.epochMs);
      assert.deepEqual(read, expected, text);
    });
  }
});
