// A .postmortemrc.json with tens of thousands of keys is read in linear time (a quadratic search
// per key took seconds, on every edit), and each version of a config text is read once.
import assert from 'node:assert/strict';
import { parseConfigFile } from '../../server/src/core/config';

describe('config files at scale', function () {
  it('reports 40,000 unknown keys, each pointing at its own key (a quadratic reading fails by the timeout)', function () {
    this.timeout(5000);
    const keys = Array.from({ length: 40_000 }, (_, i) => `unknown-key-${String(i).padStart(6, '0')}`);
    const text = `{\n${keys.map((key) => `  "${key}": ${JSON.stringify('x'.repeat(10))}`).join(',\n')}\n}\n`;
    const { findings } = parseConfigFile(text);
    assert.equal(findings.length, keys.length);
    for (const index of [0, 12_345, 39_999]) {
      const { span } = findings[index];
      assert.equal(text.slice(span.start, span.end), `"${keys[index]}"`);
    }
  });

  it('points at a key written with escapes, and reads each text once', () => {
    const text = '{ "profile": "alx", "r\\u0075les": 1, "pro\\"file": 2 }';
    const first = parseConfigFile(text);
    const pointed = first.findings.map((f) => [f.message, text.slice(f.span.start, f.span.end)]);
    assert.deepEqual(pointed, [
      ['Unknown key "pro"file": expected profile, rules, files, profiles, phaseWords or words.', '"pro\\"file"'],
      ['"rules" must be an object of rule id -> off | info | warning | error.', '"r\\u0075les"'],
    ]);
    assert.equal(parseConfigFile(text), first, 'the same text is not read again');
  });
});
