// A lint that remembers (the server's: unchanged Markdown parts and the timestamps of unchanged
// lines, kept between lints) must find exactly what a lint from nothing finds, document after
// document and edit after edit; and what it remembers must be safe from the callers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createLintMemory, lint } from '../../server/src/core/lint';
import { builtinProfile } from '../../server/src/core/profiles';
import { createTimestampMemo, findTimestamps, withTimestampMemo } from '../../server/src/core/time';
import { allDocuments } from '../support/markdownFiles';

describe('lint with memory between lints', () => {
  const files = allDocuments();

  it('finds what a lint from nothing finds, on every document and after each of its edits', function () {
    this.timeout(180_000);
    assert.ok(files.length > 20, `only ${files.length} Markdown files`);
    const memory = createLintMemory();
    for (const profile of ['alx', 'google-sre']) {
      const options = { profile: builtinProfile(profile)!, rules: {} };
      for (const file of files) {
        let text = readFileSync(file, 'utf8');
        for (let edit = 0; edit < 4; edit++) {
          assert.deepStrictEqual(lint(text, options, memory), lint(text, options), `${file} (${profile}), edit ${edit}`);
          // Type into a line a third of the way down, then a timestamp further on.
          const at = Math.floor((text.length * (edit + 1)) / 5);
          text = text.slice(0, at) + (edit % 2 ? ' 10:42 UTC ' : 'x') + text.slice(at);
        }
      }
    }
  });

  it('gives the same timestamps with and without a memo, frozen when remembered', () => {
    const memo = createTimestampMemo();
    const line = '- 2024-04-10 09:15 UTC: paged; 09:40 UTC: rolled back';
    const remembered = withTimestampMemo(memo, () => findTimestamps(line));
    assert.deepStrictEqual(remembered, findTimestamps(line));
    assert.equal(
      withTimestampMemo(memo, () => findTimestamps(line)),
      remembered,
      'the second scan was not remembered',
    );
    assert.notEqual(findTimestamps(line), remembered, 'a scan outside the memo came from it');
    assert.throws(() => {
      (remembered[0] as { offset: number }).offset = 3;
    }, TypeError);
    assert.throws(() => remembered.push(remembered[0]), TypeError);
  });

  it('forgets the least recently used texts past its bound', () => {
    const memo = createTimestampMemo(100);
    const first = withTimestampMemo(memo, () => findTimestamps('At 09:00 UTC the first alert fired.'));
    withTimestampMemo(memo, () => {
      for (let i = 0; i < 10; i++) findTimestamps(`At 10:0${i} UTC another alert fired.`);
    });
    assert.ok(memo.chars <= 100, `${memo.chars} characters kept`);
    assert.notEqual(
      withTimestampMemo(memo, () => findTimestamps('At 09:00 UTC the first alert fired.')),
      first,
    );
  });
});
