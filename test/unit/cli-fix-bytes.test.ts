// --fix keeps every byte outside the spans its edits name: on generated postmortems with bytes
// that are not UTF-8, CRLF and lone CR line ends, a byte order mark and mixed 12- and 24-hour
// clocks. Byte offsets are counted here independently of core/bytes, from the code units.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes, encodeText, withReplacementCharacters } from '../../server/src/core/bytes';
import { defaultProfile } from '../../server/src/core/profiles';
import type { LintOptions } from '../../server/src/core/lint';
import { fixBytes } from '../../server/src/cli/fix';

const options: LintOptions = { profile: defaultProfile(), rules: {} };

/** UTF-8 length of text as the file holds it: an escape U+DC80..U+DCFF stands for one raw byte. */
function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 4;
      i++;
    } else if (code >= 0xdc80 && code <= 0xdcff) bytes += 1;
    else bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

const text = (s: string) => Buffer.from(s, 'utf8');
const line = fc.oneof(
  fc
    .constantFrom(
      '# Postmortem: café outage',
      '##Issue Summary',
      '## Timeline',
      'Timeline:',
      '##Root Cause and Resolution',
      '**Corrective and Preventative Measures**',
      '',
      '- [ ] add an alert',
      'Duration: 2024-04-10 09:00 - 13:00 UTC (3 hours)',
    )
    .map(text),
  fc
    .tuple(
      fc.constantFrom('', '- ', '* '),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.boolean(),
      fc.constantFrom(': detected', ' - mitigated', ': resolved', ' paged ☎'),
    )
    .map(([lead, h, m, twelve, rest]) =>
      text(
        twelve
          ? `${lead}${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}${rest}`
          : `${lead}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${rest}`,
      ),
    ),
  // Bytes that are not UTF-8 (stray Latin-1, cut sequences, surrogates, 0xFF) inside prose.
  fc
    .tuple(fc.constantFrom('notes ', '##', '- 10:00 '), fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.constantFrom(' end', ''))
    .map(([a, raw, b]) => Buffer.concat([text(a), Buffer.from(raw), text(b)])),
);
const document = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 30 }))
  .map(([bom, lines]) => Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), ...lines.flatMap(([content, eol]) => [content, text(eol)])]));

describe('--fix keeps bytes (fast-check)', () => {
  it('keeps every byte outside the spans its edits name', () => {
    let invalidSeen = 0;
    let fixedSeen = 0;
    fc.assert(
      fc.property(document, (input) => {
        const outcome = fixBytes(input, options);
        if (outcome.invalid) invalidSeen++;
        if (outcome.count) fixedSeen++;
        const bom = outcome.bom ? 3 : 0;
        // Each pass: the file's bytes before it (the real input for the first), the bytes after it
        // (the real output for the last), and between them only the edits' spans may differ.
        let before: Buffer = input;
        outcome.passes.forEach((pass, n) => {
          const after =
            n + 1 < outcome.passes.length
              ? Buffer.concat([input.subarray(0, bom), Buffer.from(encodeText(outcome.passes[n + 1].before))])
              : Buffer.from(outcome.bytes);
          assert.deepEqual(before.subarray(0, bom), after.subarray(0, bom), 'byte order mark kept');
          let inAt = bom;
          let outAt = bom;
          for (const edit of [...pass.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)) {
            const start = bom + byteLength(pass.before.slice(0, edit.span.start));
            const end = bom + byteLength(pass.before.slice(0, edit.span.end));
            const gap = start - inAt;
            assert.deepEqual(after.subarray(outAt, outAt + gap), before.subarray(inAt, start), `bytes before edit at ${edit.span.start} kept`);
            outAt += gap + byteLength(edit.newText);
            inAt = end;
          }
          assert.deepEqual(after.subarray(outAt), before.subarray(inAt), 'bytes after the last edit kept');
          before = after;
        });
        if (!outcome.passes.length) assert.deepEqual(Buffer.from(outcome.bytes), input, 'nothing fixed: the same bytes');
      }),
      { numRuns: 300 },
    );
    assert.ok(invalidSeen > 20 && fixedSeen > 20, `generated cases cover both (${invalidSeen} with bad bytes, ${fixedSeen} fixed)`);
  });
});

describe('core/bytes', () => {
  it('round-trips any bytes exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        assert.deepEqual(Buffer.from(encodeText(decodeBytes(bytes).text)), Buffer.from(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes valid UTF-8 as the standard decoder does, and marks only invalid input', () => {
    assert.deepEqual(decodeBytes(Buffer.from('Zeit: 10:00 – ☎ 😀')), { text: 'Zeit: 10:00 – ☎ 😀', invalid: false });
    const bad = decodeBytes(Buffer.from([0x61, 0xe9, 0x62, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]));
    assert.equal(bad.invalid, true);
    assert.equal(bad.text, 'a\udce9b\udced\udca0\udc80\udcf0\udc9f\udc98');
    assert.equal(withReplacementCharacters(bad.text), 'a\ufffdb\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd');
    // U+10080 is a real pair whose low half is in the escape range: kept as the character.
    assert.equal(withReplacementCharacters('\ud800\udc80'), '\ud800\udc80');
    assert.deepEqual(Buffer.from(encodeText('\ud800\udc80')), Buffer.from('\u{10080}'));
  });
});
