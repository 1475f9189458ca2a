// Phrase matching in the word lists: whole words only, wherever the text around them comes from
// (ASCII, accented letters, letters outside the Basic Multilingual Plane, emoji).
import assert from 'node:assert/strict';
import { findPhrases, hasPhrase } from '../../server/src/core/wordLists';

const LIST = ['forgot', 'failed to', 'careless*'] as const;

describe('word lists', function () {
  it('finds a phrase only where a word starts and ends', function () {
    assert.deepEqual(findPhrases('Sam forgot; unforgotten; forgot_x, Failed  to and carelessly', LIST), [
      { offset: 4, phrase: 'forgot' },
      { offset: 35, phrase: 'Failed  to' },
      { offset: 50, phrase: 'carelessly' },
    ]);
  });

  it('reads the character before a match as a whole code point', function () {
    // A mathematical letter (outside the BMP) is a letter: no word starts after it; an emoji is not.
    assert.equal(hasPhrase('\u{1D400}forgot', LIST), false);
    assert.equal(hasPhrase('éforgot', LIST), false);
    assert.equal(hasPhrase('9forgot', LIST), false);
    assert.deepEqual(findPhrases('\u{1F600}forgot \u{1D400}forgot forgot', LIST), [
      { offset: 2, phrase: 'forgot' },
      { offset: 18, phrase: 'forgot' },
    ]);
  });

  it('goes on after a match that does not start a word', function () {
    assert.equal(hasPhrase('xforgot forgot', LIST), true);
    assert.equal(hasPhrase('xforgot', LIST), false);
    assert.deepEqual(findPhrases('', LIST), []);
    assert.deepEqual(findPhrases('forgot', []), []);
  });
});
