// The source-lines stage: which lines are read, of what kind, and the words of prose.
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { ALX } from '../../../server/src/core/profiles/builtin';
import { parseMarkdown } from '../../../server/src/core/parse/markdown';
import { readStructure } from '../../../server/src/core/parse/lines';

const model = (text: string, profile = ALX) => parse(text, profile).model;

describe('parse: words', () => {
  it('counts a word once across apostrophes, hyphens and dots inside it, and any script', async () => {
    const { countWords } = await import('../../../server/src/core/words');
    // don't · re-run · v1.2 · l'équipe · a · rétabli · le · service · 数据库
    assert.equal(countWords("don't re-run v1.2 — l'équipe a rétabli le service ; 数据库"), 9);
    assert.equal(countWords('  -- ... 42 '), 1);
  });

  it('counts the words of each section body from its prose only', () => {
    const { sections } = model('## Timeline\n\n```\nnot counted here\n```\n\nOne two [three](https://example.com/x).\n\n## Root Cause\n\nFour.\n');
    assert.deepEqual(
      sections.map((s) => s.bodyWords),
      [3, 1],
    );
  });

  it('counts prose words, not code, URLs in links or front matter', () => {
    const { wordCount } = model('---\ntitle: x y z\n---\n# One two\n\nthree [four](https://example.com/a/b) `code`\n\n```\nnot counted\n```\n');
    assert.equal(wordCount, 4);
  });
});

describe('parse: source lines', () => {
  it('flattens paragraphs, list items, headings and table rows, and skips code and HTML', () => {
    const text = '# Title\n\nOne\ntwo\n\n- item\n  more\n\n```\ncode\n```\n\n<div>html</div>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
    const { lines } = readStructure(text, parseMarkdown(text));
    assert.deepEqual(
      lines.map((line) => [line.kind, line.text, line.inList]),
      [
        ['heading', '# Title', false],
        ['para', 'One', false],
        ['para', 'two', false],
        ['item', 'item', true],
        ['para', '  more', true],
        ['row', '| a | b |', false],
        ['row', '| 1 | 2 |', false],
      ],
    );
  });
});
