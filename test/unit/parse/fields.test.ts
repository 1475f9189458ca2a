// The summary-fields stage: `Label: value` lines in their written forms.
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { ALX } from '../../../server/src/core/profiles/builtin';

const model = (text: string, profile = ALX) => parse(text, profile).model;

describe('parse: summary fields', () => {
  const forms = [
    'Duration: 09:00 - 10:00 UTC',
    '**Duration:** 09:00 - 10:00 UTC',
    '**Duration**: 09:00 - 10:00 UTC',
    '- Duration: 09:00 - 10:00 UTC',
    '*Duration:* 09:00 - 10:00 UTC',
    '**•\tDuration:** 09:00 - 10:00 UTC',
    '🕒 Duration: 09:00 - 10:00 UTC',
    '*Duration:*\n09:00 - 10:00 UTC',
    'Duration:\n\n09:00 - 10:00 UTC',
  ];
  for (const line of forms) {
    it(`reads the field in ${JSON.stringify(line)}`, () => {
      const { fields, window } = model(`## Issue Summary\n\n${line}\n`);
      assert.equal(fields[0].id, 'duration');
      assert.equal(fields[0].value, '09:00 - 10:00 UTC');
      assert.equal(window?.zone, 'UTC');
      assert.equal(window?.end!.epochMs! - window?.start!.epochMs!, 3600_000);
    });
  }

  it("does not take the next label as a label's value", () => {
    const { fields } = model('## Issue Summary\n\nDuration:\nImpact: all users.\n');
    assert.deepEqual(
      fields.map((f) => [f.id, f.value]),
      [
        ['duration', ''],
        ['impact', 'all users.'],
      ],
    );
  });
});
