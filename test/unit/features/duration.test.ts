// postmortem/duration and postmortem/statedLengthEdit (the calculator and the add-the-length edit), from the language service in-process.
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { DurationResult, ModelResult, StatedLengthEditResult } from '../../../common/protocol';
import { CHECKOUT_EAT as CHECKOUT } from '../../fixtures/checkout-postmortem';
import { InProcessClient } from '../../support/service';

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line with ${needle}`);
  return line;
}

describe('features: duration', function () {
  let client: InProcessClient;
  beforeEach(async () => {
    client = new InProcessClient();
  });

  it('computes the length between two texts with the document zone and date as defaults', async () => {
    const uri = 'file:///work/postmortems/checkout-postmortem.md';
    client.open(uri, CHECKOUT);
    const result = (await client.request('postmortem/duration', { uri, start: '23:50', end: '00:20' })) as DurationResult;
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.text, '30 min');
    assert.deepEqual(result.defaults, { zone: 'Africa/Nairobi', date: '2024-05-02' });
    // 23:50 EAT on May 2 is 20:50Z.
    assert.equal(result.start.utc, '2024-05-02T20:50:00.000Z');
    const dst = (await client.request('postmortem/duration', {
      start: '01:30',
      end: '03:30',
      zone: 'America/New_York',
      date: '2024-03-10',
    })) as DurationResult;
    assert.ok(dst.ok);
    assert.equal(dst.text, '1 h');
  });

  it('answers bad input with the part and a message, never an exception', async () => {
    const bad = (await client.request('postmortem/duration', { start: '09:00', end: '13:75' })) as DurationResult;
    assert.equal(bad.ok, false);
    assert.ok(!bad.ok && bad.part === 'end' && /minutes must be 0 to 59/.test(bad.error));
    const zone = (await client.request('postmortem/duration', { start: '09:00', end: '10:00', zone: 'Mars/Base' })) as DurationResult;
    assert.ok(!zone.ok && zone.part === 'zone');
    const nothing = (await client.request('postmortem/duration', null)) as DurationResult;
    assert.ok(!nothing.ok && nothing.part === 'start');
  });

  it('measures a selection from its first to its last timestamp, as the document reads them', async () => {
    const uri = 'file:///work/postmortems/checkout-postmortem.md';
    client.open(uri, CHECKOUT);
    const from = lineOf(CHECKOUT, '- 22:45');
    const to = lineOf(CHECKOUT, '- 00:10');
    const range = { start: { line: from, character: 0 }, end: { line: to, character: 30 } };
    const result = (await client.request('postmortem/duration', { uri, range })) as DurationResult;
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.text, '1 h 25 min');
    assert.equal(result.start.raw, '22:45');
    assert.equal(result.end.raw, '00:10');
    assert.match(result.notes[0], /first of the 3 selected timestamps/);
    const one = (await client.request('postmortem/duration', {
      uri,
      range: { start: { line: from, character: 0 }, end: { line: from, character: 30 } },
    })) as DurationResult;
    assert.ok(!one.ok && one.part === 'selection' && /only one timestamp \(22:45\)/.test(one.error));
  });

  it('returns the edit that adds the length to the Duration line, and the model carries the summary', async () => {
    const uri = 'file:///work/postmortems/checkout-postmortem.md';
    client.open(uri, CHECKOUT);
    const edit = (await client.request('postmortem/statedLengthEdit', { uri })) as StatedLengthEditResult;
    assert.ok(edit.ok, JSON.stringify(edit));
    const line = lineOf(CHECKOUT, 'Duration:');
    const end = CHECKOUT.split('\n')[line].length;
    assert.deepEqual(edit.edit, { range: { start: { line, character: end }, end: { line, character: end } }, newText: ' (4 h)' });
    const model = (await client.request('postmortem/model', { uri })) as ModelResult;
    assert.deepEqual(model.incident?.total, { minutes: 240, text: '4 h', from: 'window' });
    assert.match(model.incident!.summary!, /^4 h · detected after 15 min/);
    assert.equal(model.incident!.summaryMarkdown, model.incident!.summary, 'nothing to escape in this summary');
  });

  it('across the spring-forward night, the lens, the model and the calculator all say 3 h', async () => {
    // 23:30 EST (UTC-5) on March 9 to 03:30 EDT (UTC-4) on March 10 is 04:30Z to 07:30Z.
    const text = [
      '# Postmortem: DST',
      '',
      '## Summary',
      '',
      'Duration: 2024-03-09 23:30 - 03:30 America/New_York',
      '',
      '## Timeline',
      '',
      '- 23:30: Deploy started.',
      '- 03:30: Service resolved.',
      '',
    ].join('\n');
    const uri = 'file:///work/postmortems/dst-postmortem.md';
    client.open(uri, text);
    const lenses = (await client.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(lenses[0].command!.title, '3 h · resolved after 3 h');
    const model = (await client.request('postmortem/model', { uri })) as ModelResult;
    assert.deepEqual(model.window?.length, { minutes: 180, text: '3 h' });
    assert.equal(model.window?.endText, '2024-03-10 03:30 UTC-04:00');
    assert.deepEqual(
      model.entries.map((e) => e.dateText),
      ['2024-03-09', '2024-03-10'],
    );
    const typed = (await client.request('postmortem/duration', { uri, start: '2024-03-09 23:30', end: '03:30' })) as DurationResult;
    assert.ok(typed.ok, JSON.stringify(typed));
    assert.equal(typed.text, '3 h');
    assert.equal(typed.start.utcText, '2024-03-10 04:30 UTC');
    assert.equal(typed.end.utcText, '2024-03-10 07:30 UTC');
  });
});
