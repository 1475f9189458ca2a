// Linting never throws, never hangs and never offers a fix that eats text: for arbitrary strings,
// for Markdown built from postmortem parts, and for pathological lines.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, type LintOptions } from '../../server/src/core/lint';
import { applyEdits, applySafeFixes, chooseSafeFixes } from '../../server/src/core/fixes';
import { defaultProfile } from '../../server/src/core/profiles';
import type { Finding } from '../../server/src/core/model';

const options: LintOptions = { profile: defaultProfile(), rules: {} };

function checkFindings(text: string, findings: Finding[]): void {
  for (const finding of findings) {
    assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length, `${finding.ruleId} span in range`);
    assert.ok(finding.message.length > 0);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        assert.ok(edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length, `${finding.ruleId} fix span in range`);
        // A fix changes only the text in its range: what is before and after it is kept as is.
        const fixed = applyEdits(text, [edit]).text;
        assert.equal(fixed.slice(0, edit.span.start), text.slice(0, edit.span.start));
        assert.equal(fixed.slice(edit.span.start + edit.newText.length), text.slice(edit.span.end));
      }
    }
  }
}

const lineOf = fc.oneof(
  fc.constantFrom(
    '# Postmortem',
    '##Issue Summary',
    '## Timeline',
    'Timeline:',
    '**Root Cause and Resolution**',
    '## Corrective and Preventative Measures',
    '### Sep 27 2017',
    '',
    '---',
    '```',
    '| Time | Event |',
    '| --- | --- |',
  ),
  fc
    .tuple(
      fc.constantFrom('Duration: ', '**Duration:** ', 'Impact: ', 'Root Cause: ', '- Start Time: ', 'End: '),
      fc.constantFrom('2024-04-10 09:00 - 13:00 UTC', '09:00 AM - 01:00 PM', '4 hours', '13:00 PM - 25:00', 'soon', ''),
    )
    .map(([a, b]) => a + b),
  fc
    .tuple(
      fc.constantFrom('', '- ', '* **', '| ', '`', '[', '1. '),
      fc.integer({ min: 0, max: 26 }),
      fc.integer({ min: 0, max: 61 }),
      fc.constantFrom('', ' AM', ' PM', ' UTC', ' EAT', ' +03:00', ' Europe/Paris', ':13'),
      fc.constantFrom(': detected', ' - mitigated', '** – rolled back', ' | resolved |', '` paged', '] restored', ' text'),
    )
    .map(([lead, h, m, zone, rest]) => `${lead}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${zone}${rest}`),
  fc.string({ maxLength: 40 }),
);
const postmortemLike = fc.array(lineOf, { maxLength: 40 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

describe('robustness (fast-check)', () => {
  it('lints arbitrary strings without throwing, with findings and fixes inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        checkFindings(text, lint(text, options).findings);
      }),
      { numRuns: 300 },
    );
  });

  it('lints Markdown built from postmortem parts without throwing, with findings and fixes inside the text', () => {
    fc.assert(
      fc.property(postmortemLike, (text) => {
        checkFindings(text, lint(text, options).findings);
      }),
      { numRuns: 400 },
    );
  });

  it('fix-all applied twice gives the same text as once', () => {
    fc.assert(
      fc.property(postmortemLike, (text) => {
        const once = applySafeFixes(text, lint(text, options).findings).text;
        const twice = applySafeFixes(once, lint(once, options).findings).text;
        assert.equal(twice, once);
      }),
      { numRuns: 300 },
    );
  });

  it('fix-all keeps every line that no fix touched', () => {
    fc.assert(
      fc.property(postmortemLike, (text) => {
        const edits = chooseSafeFixes(lint(text, options).findings).flat();
        const fixed = applyEdits(text, edits).text;
        const lines = text.split('\n');
        let start = 0;
        let at = 0;
        for (const line of lines) {
          const end = start + line.length;
          const touched = edits.some((edit) => edit.span.start <= end && edit.span.end >= start);
          if (!touched) {
            const found = fixed.indexOf(line, at);
            assert.ok(found >= 0, `line lost: ${JSON.stringify(line)}`);
            at = found + line.length;
          }
          start = end + 1;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('robustness: pathological input (a hang fails by the mocha timeout)', function () {
  this.timeout(30_000);
  const megabyte = 1_000_000;
  const lines: [string, string][] = [
    ['digits', '9'.repeat(megabyte)],
    ['colons', ':'.repeat(megabyte)],
    ['digits and colons', '12:'.repeat(megabyte / 3)],
    ['spaces then a hash', ' '.repeat(megabyte) + '#'],
    ['hashes', '#'.repeat(megabyte)],
    ['digits, colons, spaces and hashes', '1:2 #3: 45:67 # '.repeat(megabyte / 16)],
    ['times without separators', '09:00 AM'.repeat(megabyte / 8)],
  ];
  // Long runs of blanks between words that then fail to match: where overlapping `\s*` would backtrack.
  const blanks = ' '.repeat(100_000);
  const documents: [string, string][] = [
    ['a timeline entry with long blanks inside', `## Timeline\n\n- 09:00 a${blanks}x\n| 09:00 | a${blanks}x${blanks}|\n`],
    ['a field label followed by long blanks', `## Summary\n\nImpact${blanks}x\nRoot Cause ${blanks}: x\n`],
    ['a heading ending in a colon and long blanks', `## a:${blanks}\n## b ${blanks}#\n`],
    ['5,000 nested block quotes', `${'> '.repeat(5000)}## Timeline\n`],
    ['5,000 nested list items', `${'- '.repeat(5000)}09:00 detected\n`],
  ];
  for (const [name, text] of documents) {
    it(`lints ${name}`, function () {
      // micromark alone takes about 12 s on the deepest nesting here (the server and CLI cut it
      // off at their deadline); a hang still fails, by this longer timeout.
      this.timeout(120_000);
      checkFindings(text, lint(text, options).findings);
    });
  }
  for (const [name, line] of lines) {
    it(`lints a 1 MB line of ${name}`, () => {
      for (const text of [line, `# Postmortem\n\n## Timeline\n\n${line}\n`, `Duration: ${line}\n`]) {
        checkFindings(text, lint(text, options).findings);
      }
    });
  }
});
