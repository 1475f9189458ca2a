// The part-by-part parse (blocks.ts) must give exactly the tree a whole parse gives, positions
// included, on real documents, after edits that reuse earlier parts, and on random documents built
// from the constructs that could run on past a heading; and a keystroke must re-parse only its part.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createBlockParser } from '../../../server/src/core/parse/blocks';
import { parseMarkdown } from '../../../server/src/core/parse/markdown';
import { allDocuments } from '../../support/markdownFiles';

/** `count` one-character insertions spread over the text, one after another. */
function edited(text: string, count: number): string[] {
  const versions: string[] = [];
  let current = text;
  for (let i = 1; i <= count; i++) {
    const at = Math.floor((current.length * i) / (count + 1));
    current = current.slice(0, at) + 'x' + current.slice(at);
    versions.push(current);
  }
  return versions;
}

/** Sections long enough to be parts of their own, one of them holding `body`. */
function document(sections: number, body = 'Plain words.'): string {
  const filler = 'The service answered slowly while the cache warmed up again after the deploy. '.repeat(14);
  return Array.from({ length: sections }, (_, i) => `## Section ${i}\n\n${i === 1 ? body : filler}\n`).join('\n');
}

describe('parse: part by part, reusing unchanged parts', () => {
  const files = allDocuments();

  it('finds documents to compare', () => {
    assert.ok(files.length > 20, `only ${files.length} Markdown files`);
  });

  it('gives the whole parse’s tree for every document, and again after ten edits each', function () {
    this.timeout(120_000);
    const parse = createBlockParser();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepStrictEqual(parse(text), parseMarkdown(text), file);
      for (const [i, version] of edited(text, 10).entries()) assert.deepStrictEqual(parse(version), parseMarkdown(version), `${file}, edit ${i + 1}`);
    }
  });

  it('gives the whole parse’s tree for random documents and their edits', function () {
    this.timeout(120_000);
    const filler = 'Words of a paragraph that runs on for a while so that parts are long enough. '.repeat(14);
    const block = fc.constantFrom(
      '# Title',
      '## Timeline',
      '### 10:00 UTC',
      '#no space',
      '```',
      '```bash',
      '~~~',
      '    indented code',
      '# a shell comment',
      '<!-- a comment',
      '-->',
      '<div>',
      '</div>',
      '<pre>',
      '</pre>',
      '- item',
      '- another item',
      '* starred item',
      '+ plus item',
      '-',
      '- - -',
      '* * *',
      '  continued',
      '      indented in an item',
      '1. first',
      '2. second',
      '3) third',
      '> quoted',
      '| a | b |',
      '| --- | --- |',
      '| 1 | 2 |',
      'Setext',
      '===',
      '---',
      'title: x',
      '[rb]: https://example.com/runbook',
      'See [the runbook][rb].',
      '',
      '',
      filler,
      `- ${filler}`,
      `* ${filler}`,
      `1. ${filler}`,
      `  ${filler}`,
    );
    const parse = createBlockParser();
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 60 }), fc.nat(), fc.boolean(), (lines, at, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        assert.deepStrictEqual(parse(text), parseMarkdown(text));
        const cut = at % (text.length + 1);
        const changed = text.slice(0, cut) + '\n# ' + text.slice(cut);
        assert.deepStrictEqual(parse(changed), parseMarkdown(changed));
      }),
      { numRuns: 400 },
    );
  });

  it('re-parses only the part a keystroke touched', () => {
    const parsed: string[] = [];
    const parse = createBlockParser({ onParse: (part) => parsed.push(part) });
    const text = document(12);
    parse(text);
    parsed.length = 0;
    const typed = text.replace('## Section 5\n\n', '## Section 5\n\nx');
    assert.deepStrictEqual(parse(typed), parseMarkdown(typed));
    assert.equal(parsed.length, 1);
    assert.ok(parsed[0].startsWith('## Section 5'), parsed[0].slice(0, 40));
    assert.ok(parsed[0].length < text.length / 6, `${parsed[0].length} of ${text.length} characters parsed again`);
  });

  it('keeps a heading below an unclosed fence inside the code block', () => {
    const text = document(4, '```bash\nsystemctl restart nginx\n\n# check it came back\ncurl -I localhost\n');
    const tree = parse(text);
    assert.deepStrictEqual(tree, parseMarkdown(text));
    const last = tree.children[tree.children.length - 1];
    assert.equal(last.type, 'code');
    assert.match(last.type === 'code' ? last.value : '', /# check it came back[^]*## Section 3/);
  });

  it('parses a text that may hold a link reference definition whole', () => {
    const parsed: string[] = [];
    const parse = createBlockParser({ onParse: (part) => parsed.push(part) });
    const text = document(6, 'See [the runbook][rb].') + '\n[rb]: https://example.com/runbook\n';
    const tree = parse(text);
    assert.deepStrictEqual(tree, parseMarkdown(text));
    assert.deepStrictEqual(parsed, [text]);
  });

  it('forgets the least recently used parts past its bound', () => {
    const parsed: string[] = [];
    const parse = createBlockParser({ maxCachedChars: 5_000, onParse: (part) => parsed.push(part) });
    const first = document(12);
    parse(first);
    parse(document(12, 'Other words.'));
    parsed.length = 0;
    assert.deepStrictEqual(parse(first), parseMarkdown(first));
    assert.ok(parsed.length > 1, 'the first document’s parts were all still kept');
  });
});

const parse = createBlockParser();
