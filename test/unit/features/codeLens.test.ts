// CodeLens above the Duration line, from the language service in-process.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { CHECKOUT_EAT as CHECKOUT } from '../../fixtures/checkout-postmortem';
import { requireCorpus } from '../../support/corpus';
import { InProcessClient } from '../../support/service';

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line with ${needle}`);
  return line;
}

describe('features: codeLens', function () {
  let client: InProcessClient;
  beforeEach(async () => {
    client = new InProcessClient();
  });

  it('on the seed postmortem, the CodeLens above the Duration line says the outage lasted 4 h', async function () {
    const dir = requireCorpus(this);
    const text = readFileSync(join(dir, 'seed-postmortem.md'), 'utf8');
    const uri = 'file:///work/corpus/seed-postmortem.md';
    client.open(uri, text);
    const lenses = (await client.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(lenses.length, 2, 'the outage lens and the add-the-length lens');
    const lens = lenses[0];
    assert.equal(lens.range.start.line, lineOf(text, 'Duration:'));
    assert.match(lens.command!.title, /^4 h · detected after 0 min · /);
    assert.match(lens.command!.title, /resolved after 4 h$/);
    assert.equal(lens.command!.command, 'postmortem.calculateDuration');
    assert.deepEqual(lens.command!.arguments, [{ uri, start: 'April 10, 2024, 09:00 AM', end: 'April 10, 2024, 01:00 PM (UTC)' }]);
    // The seed states no length: a second lens offers to add it.
    assert.equal(lenses[1].command?.title, 'Add "(4 h)" to this line');
  });

  it('lists every known milestone in the lens, across midnight', async () => {
    const uri = 'file:///work/postmortems/checkout-postmortem.md';
    client.open(uri, CHECKOUT);
    const lenses = (await client.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(lenses[0].command!.title, '4 h · detected after 15 min · escalated after 35 min · mitigated after 1 h 40 min · resolved after 4 h');
  });
});
