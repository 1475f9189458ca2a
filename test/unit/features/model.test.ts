// postmortem/model as the timeline preview reads it, from the language service in-process: placed and out-of-order entries, the time
// between entries and phases, the window's length and the incident metrics, formatted by the
// core's one length formatter (no client-side arithmetic).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ModelResult } from '../../../common/protocol';
import { InProcessClient } from '../../support/service';

const FIXTURES = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'workspace', 'incidents');

async function modelOf(client: InProcessClient, name: string, text = readFileSync(resolve(FIXTURES, name), 'utf8')): Promise<ModelResult> {
  const uri = `file:///work/incidents/${name}`;
  client.open(uri, text);
  return client.request('postmortem/model', { uri }) as Promise<ModelResult>;
}

describe('postmortem/model for the timeline preview', function () {
  let client: InProcessClient;
  beforeEach(async () => {
    client = new InProcessClient();
  });

  it('marks invalid and out-of-order entries and gives the time since the timed entry just above', async () => {
    const model = await modelOf(client, 'timeline-preview-postmortem.md');
    const byRaw = (raw: string) => model.entries.find((e) => e.raw === raw)!;
    assert.deepEqual(
      model.entries.map((e) => e.raw),
      ['22:00 UTC', '22:05 UTC', '22:20 UTC', '22:30 UTC', '24:10 UTC', '00:40 UTC', '00:35 UTC', '01:00 UTC', '03:30 UTC'],
    );
    assert.match(byRaw('24:10 UTC').error!, /24:10/);
    assert.equal(byRaw('24:10 UTC').epochMs, undefined, 'an invalid time is not placed');
    assert.equal(byRaw('00:35 UTC').outOfOrder, true);
    assert.equal(byRaw('00:35 UTC').sincePrevious, undefined);
    assert.equal(byRaw('00:40 UTC').outOfOrder, undefined);
    // 22:30 -> 00:40 across midnight (the invalid 24:10 between them is skipped).
    assert.deepEqual(byRaw('00:40 UTC').sincePrevious, { minutes: 130, text: '2 h 10 min' });
    // The next entry counts from the one just above it, 00:35, as the timestamp-order rule compares
    // (counting from the last placed 00:40 would give 11:30 after 12:00, 11:00 a negative gap).
    assert.deepEqual(byRaw('01:00 UTC').sincePrevious, { minutes: 25, text: '25 min' });
    assert.equal(byRaw('22:00 UTC').sincePrevious, undefined, 'the first entry has nothing before it');
    assert.equal(byRaw('03:30 UTC').epochMs, Date.parse('2024-06-04T03:30:00Z'));
  });

  it('gives the window as text with its length, phase markers with the time between them, and metrics', async () => {
    const model = await modelOf(client, 'timeline-preview-postmortem.md');
    assert.equal(model.window?.startText, '2024-06-03 22:00 UTC');
    assert.equal(model.window?.endText, '2024-06-04 03:30 UTC');
    assert.deepEqual(model.window?.length, { minutes: 330, text: '5 h 30 min' });
    const phases = model.phases!.map((p) => [p.phase, model.entries[p.entry].raw, p.sincePreviousPhase?.length.text]);
    assert.deepEqual(phases, [
      ['started', '22:00 UTC', undefined],
      ['detected', '22:20 UTC', '20 min'],
      ['acknowledged', '22:30 UTC', '10 min'],
      ['escalated', '00:40 UTC', '2 h 10 min'],
      ['mitigated', '01:00 UTC', '20 min'],
      ['resolved', '03:30 UTC', '2 h 30 min'],
    ]);
    assert.deepEqual(
      model.metrics!.map((m) => [m.id, m.label, m.length.text, model.entries[m.entry].raw]),
      [
        ['detect', 'Time to detect', '20 min', '22:20 UTC'],
        ['acknowledge', 'Time to acknowledge', '30 min', '22:30 UTC'],
        ['mitigate', 'Time to mitigate', '3 h', '01:00 UTC'],
        ['resolve', 'Time to resolve', '5 h 30 min', '03:30 UTC'],
      ],
    );
  });

  it('measures metrics from the first entry when there is no window, and shows times without a date', async () => {
    const text = ['# Postmortem: short', '', '## Timeline', '', '- 09:00: deploy', '- 09:12: alert fired and detected', '- 09:40: service restored', ''].join(
      '\n',
    );
    const model = await modelOf(client, 'no-window-postmortem.md', text);
    assert.equal(model.window, undefined);
    assert.ok(
      model.entries.every((e) => e.dateAssumed),
      'no date was written',
    );
    assert.deepEqual(
      model.metrics!.map((m) => [m.id, m.length.text]),
      [
        ['detect', '12 min'],
        ['resolve', '40 min'],
      ],
    );
  });

  it('answers an empty timeline with no entries, phases or metrics', async () => {
    const model = await modelOf(client, 'empty-postmortem.md', '# Postmortem: nothing yet\n\n## Timeline\n\n');
    assert.deepEqual([model.entries, model.phases, model.metrics], [[], [], []]);
  });
});
