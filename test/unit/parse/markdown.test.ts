// The Markdown stage: front matter and tables, each used only where it can apply.
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { ALX } from '../../../server/src/core/profiles/builtin';
import { parseMarkdown } from '../../../server/src/core/parse/markdown';

const model = (text: string, profile = ALX) => parse(text, profile).model;

describe('parse: front matter', () => {
  it('reads closed front matter as data', () => {
    assert.equal(model('---\ntitle: Login outage\ndate: 2024-05-02\n---\n\n## Summary\n').frontMatter?.title, 'Login outage');
  });

  it('still reads lists after a --- that opens no front matter', () => {
    const entries = model('---\n## Timeline\n\n- 00:00 UTC: detected\n').entries;
    assert.equal(entries[0].form, 'list-item');
  });
});

describe('parse: tables', () => {
  it('reads a timeline table with CRLF line ends', () => {
    const text = '## Timeline\r\n\r\n| Time | Event |\r\n| --- | --- |\r\n| 14:54 UTC | Alert fired |\r\n';
    assert.deepEqual(
      model(text).entries.map((e) => [e.form, e.timestamp.raw]),
      [['table-row', '14:54 UTC']],
    );
  });

  it('reads a table whose delimiter row has colons and no outer pipes', () => {
    const text = '## Timeline\n\nTime | Event\n:--- | ---:\n14:54 UTC | Alert fired\n';
    assert.deepEqual(
      model(text).entries.map((e) => e.form),
      ['table-row'],
    );
  });
});

describe('parse: the Markdown processor', () => {
  it('reads a table only when a delimiter row is there, and front matter only when it closes', () => {
    assert.deepEqual(
      parseMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n').children.map((n) => n.type),
      ['table'],
    );
    assert.deepEqual(
      parseMarkdown('| a | b |\n').children.map((n) => n.type),
      ['paragraph'],
    );
    assert.deepEqual(
      parseMarkdown('---\ntitle: x\n---\n').children.map((n) => n.type),
      ['yaml'],
    );
    assert.deepEqual(
      parseMarkdown('---\n- item\n').children.map((n) => n.type),
      ['thematicBreak', 'list'],
    );
  });
});
