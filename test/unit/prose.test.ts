// A prose block's offsets must point at the very characters of its text in the source, so a finding
// on a word highlights that word: on continuation lines of list items and quotes (whose indentation
// and `>` markers the parser leaves out of the text), after escapes and character references, and
// on every real document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { proseBlocks, sourceSpan } from '../../server/src/core/prose';
import { allDocuments } from '../support/markdownFiles';

/** The source under the first `word` of the first block holding it. */
function sourceOf(text: string, word: string): string {
  const block = proseBlocks(parseMarkdown(text), text).find((b) => b.text.includes(word));
  assert.ok(block, `a block holds "${word}"`);
  const span = sourceSpan(block, block.text.indexOf(word), word.length);
  return text.slice(span.start, span.end);
}

/** Every letter or digit of every block sits on the same character in the source. */
function misplaced(text: string): string[] {
  const wrong: string[] = [];
  for (const block of proseBlocks(parseMarkdown(text), text)) {
    for (let i = 0; i < block.text.length; i++) {
      const char = block.text[i];
      if (/[\p{L}\p{N}]/u.test(char) && text[block.offsets[i]] !== char) {
        wrong.push(`${JSON.stringify(block.text.slice(Math.max(0, i - 10), i + 10))}: "${char}" at ${block.offsets[i]} is "${text[block.offsets[i]]}"`);
        break;
      }
    }
  }
  return wrong;
}

describe('prose blocks: offsets back into the source', () => {
  const cases: [string, string][] = [
    ['a list item continued on an indented line', '- The first line of the item\n  goes on with the culprit here\n'],
    ['a paragraph continued on an indented line', 'A paragraph\n    indented culprit\n'],
    ['a quote continued on a second quoted line', '> A quoted line\n> and the culprit\n'],
    ['a quote inside a list item', '1. One\n   > quoted\n   > culprit too\n'],
    ['a list inside a quote', '> - a\n>   culprit\n'],
    ['escaped characters before the word', 'Not \\*bold\\* \\_here\\_ culprit\n'],
    ['character references before the word', 'Caf&eacute; &amp; &#39;x&#39; &#128512; culprit\n'],
    ['a literal ampersand and an unknown reference', 'AT&T and &nope; culprit\n'],
    ['Windows line endings', 'Line one\r\n  culprit\r\n'],
    ['an escaped pipe in a table cell', '| a \\| culprit |\n| - |\n| b |\n'],
    ['a line with trailing blanks before the next', 'Ends with a blank \nculprit\n'],
  ];
  for (const [what, text] of cases) {
    it(`finds the word itself: ${what}`, () => assert.equal(sourceOf(text, 'culprit'), 'culprit'));
  }

  it('every letter of every block on every document sits on itself in the source', () => {
    const wrong = allDocuments().flatMap((file) => misplaced(readFileSync(file, 'utf8')).map((w) => `${file}: ${w}`));
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('holds on random nestings of lists, quotes, escapes and references', () => {
    const piece = fc.constantFrom('word', '\\\\\\_', '\\*', '&amp;', '&#39;', 'AT&T', '`code`', '*em*', '**strong**', '[link](u)', '\\\\');
    const line = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
    const prefix = fc.constantFrom('', '- ', '> ', '1. ', '> - ', '  ', '   > ', '\t');
    const doc = fc.array(fc.tuple(prefix, line), { minLength: 1, maxLength: 8 }).map((lines) => lines.map(([p, l]) => p + l).join('\n') + '\n');
    fc.assert(
      fc.property(doc, (text) => {
        assert.deepEqual(misplaced(text), []);
      }),
      { numRuns: 300 },
    );
  });
});
