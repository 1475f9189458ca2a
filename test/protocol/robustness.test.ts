// Every CommonMark specification example and mutated copies of every corpus postmortem pass
// through the real server: it answers each version and stays up.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient } from './lspClient';
import { requireCorpus } from '../support/corpus';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const spec: { tests: { markdown: string; number: number }[] } = require('commonmark-spec');

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const kind = Math.floor(next() * 3);
  if (kind === 0 && lines.length > 1) lines.splice(Math.floor(next() * lines.length), 1 + Math.floor(next() * 3));
  else if (kind === 1 && lines.length > 1) {
    const a = Math.floor(next() * lines.length);
    const b = Math.floor(next() * lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
  } else return text.slice(0, Math.floor(next() * text.length));
  return lines.join('\n');
}

describe('server robustness', function () {
  this.timeout(120_000);
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  it(`answers every CommonMark specification example (${spec.tests.length}), each as a postmortem`, async () => {
    for (const example of spec.tests) {
      const uri = `file:///spec/postmortem-${example.number}.md`;
      const version = client.open(uri, example.markdown);
      await client.diagnosticsFor(uri, version);
    }
    assert.equal(client.process.exitCode, null);
    assert.equal(client.stderr.join('').includes('could not lint'), false, client.stderr.join(''));
  });

  it('answers every corpus postmortem after random line deletions, swaps and truncations', async function () {
    const dir = requireCorpus(this);
    const next = random(20261128);
    let count = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      let text = readFileSync(join(dir, name), 'utf8');
      const uri = `file:///corpus/postmortem-${name}`;
      let version = client.open(uri, text);
      for (let round = 0; round < 8; round++) {
        text = mutate(text, next);
        version = client.change(uri, [{ text }]);
        count++;
      }
      await client.diagnosticsFor(uri, version);
    }
    assert.ok(count > 200, `${count} mutated versions`);
    assert.equal(client.process.exitCode, null);
    assert.equal(client.stderr.join('').includes('could not lint'), false, client.stderr.join(''));
  });
});
