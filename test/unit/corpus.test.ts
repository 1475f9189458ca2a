// The real postmortems in ../shared/corpus, read from there (never copied into the project).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/lines';

import { requireCorpus } from '../support/corpus';

let CORPUS = '';

function findingsByLine(text: string) {
  const lines = new LineIndex(text);
  return lint(text).findings.map((finding) => ({ line: lines.position(finding.span.start).line + 1, ruleId: finding.ruleId }));
}

describe('the corpus of real postmortems', () => {
  before(function () {
    CORPUS = requireCorpus(this);
  });

  it("finds exactly the seed postmortem's known mistakes", () => {
    const found = findingsByLine(readFileSync(join(CORPUS, 'seed-postmortem.md'), 'utf8'));
    const lines = (ruleId: string) => found.filter((f) => f.ruleId === ruleId).map((f) => f.line);
    assert.deepEqual(lines('heading-space'), [5, 11, 23, 30]);
    assert.deepEqual(lines('section-not-heading'), [27]);
    assert.equal(lines('tasks-not-list').length, 1);
    assert.equal(lines('word-count').length, 1);
    const unwanted = found.filter((f) => /^(section-missing|field-missing|duration-|timestamp-)/.test(f.ruleId));
    assert.deepEqual(unwanted, []);
  });

  it("reads the seed's incident window and all nine timeline entries in order", () => {
    const { model } = lint(readFileSync(join(CORPUS, 'seed-postmortem.md'), 'utf8'));
    assert.equal(model.window?.start?.instant, '2024-04-10T09:00:00.000Z');
    assert.equal(model.window?.end?.instant, '2024-04-10T13:00:00.000Z');
    assert.equal(model.entries.length, 9);
    assert.equal(model.entries[8].timestamp.instant, '2024-04-10T13:00:00.000Z');
    assert.equal(model.entries[0].phase, 'detected');
    assert.equal(model.entries[8].phase, 'resolved');
  });

  it('lints every corpus file without throwing', () => {
    const files = readdirSync(CORPUS).filter((name) => name.endsWith('.md'));
    assert.ok(files.length >= 30, `expected the whole corpus, found ${files.length} files`);
    for (const name of files) {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      assert.doesNotThrow(() => lint(text), name);
    }
  });
});
