// The window stage: the incident window from a Duration value or Start and End fields.
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { ALX } from '../../../server/src/core/profiles/builtin';

const model = (text: string, profile = ALX) => parse(text, profile).model;

describe('parse: the incident window', () => {
  it('takes the window from Start and End fields', () => {
    const { window } = model('## Summary\n\n- Duration:\n  - Start Time: March 11, 2024, 09:30 AM (UTC)\n  - End Time: March 11, 2024, 03:45 PM (UTC)\n');
    assert.equal(window?.start?.instant, '2024-03-11T09:30:00.000Z');
    assert.equal(window?.end?.instant, '2024-03-11T15:45:00.000Z');
  });

  it('reads a window across midnight as ending the next day', () => {
    const { window } = model('Duration: 2024-01-05 10:00 PM - 01:30 AM EAT\n');
    assert.equal(window?.start?.instant, '2024-01-05T22:00:00.000+03:00');
    assert.equal(window?.end?.instant, '2024-01-06T01:30:00.000+03:00');
  });

  it('reads a start time, a date and a length written as prose', () => {
    const { window } = model('- **Duration**: Started at **10:00 am GMT** on **3rd June 2023**, lasting **37 minutes**.\n');
    assert.equal(window?.error, undefined);
    assert.equal(window?.start?.instant, '2023-06-03T10:00:00.000Z');
    assert.equal(window?.statedMinutes, 37);
  });

  it('keeps a stated length and where it is written', () => {
    const text = 'Duration: 2024-04-10 09:00 - 13:00 UTC (4 hours)\n';
    const { window } = model(text);
    assert.equal(window?.statedMinutes, 240);
    assert.equal(text.slice(window!.statedSpan!.start, window!.statedSpan!.end), '4 hours');
  });
});
