// Classes of failure seen on real postmortems, one short fixture each in test/fixtures/classes/.
// A fixture marks every finding it expects with a trailing `<!-- rule-id -->` comment (stripped
// before linting) and must get exactly those: no other rule may report anywhere, so a fixture
// also proves what is NOT reported (a label followed by its content is not an empty section).
// A first line `<!-- profile: ID -->` picks the profile (ALX by default); word-count and
// timeline-coverage are off (a short fixture is neither a whole report nor a whole story).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, type LintOptions } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/lines';
import { applyEdits } from '../../server/src/core/fixes';
import { builtinProfile, defaultProfile } from '../../server/src/core/profiles';

const FIXTURES = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'classes');
const MARKER = /[ \t]*<!--\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*-->[ \t]*$/;
const PROFILE = /^<!--\s*profile:\s*([a-z-]+)\s*-->/;

function readClassFixture(path: string): { text: string; expected: string[]; options: LintOptions } {
  const expected: string[] = [];
  const raw = readFileSync(path, 'utf8');
  const lines = raw.split('\n').map((line, index) => {
    const match = MARKER.exec(line);
    if (!match) return line;
    for (const id of match[1].split(/\s*,\s*/)) expected.push(`${index + 1} ${id}`);
    return line.slice(0, match.index);
  });
  const profileId = PROFILE.exec(raw)?.[1];
  const profile = profileId ? builtinProfile(profileId) : defaultProfile();
  assert.ok(profile, `${path}: unknown profile ${profileId}`);
  return { text: lines.join('\n'), expected: expected.sort(), options: { profile, rules: { 'word-count': 'off', 'timeline-coverage': 'off' } } };
}

describe('classes of real-document failures, each on its own fixture', () => {
  for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.md'))) {
    const fixture = readClassFixture(join(FIXTURES, name));
    const { findings } = lint(fixture.text, fixture.options);
    const index = new LineIndex(fixture.text);
    it(`${name.replace(/\.md$/, '')}: exactly the marked findings`, () => {
      const got = findings.map((f) => `${index.position(f.span.start).line + 1} ${f.ruleId}`).sort();
      assert.deepEqual(got, fixture.expected, findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
    });
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        it(`${name}: "${fix.title}" removes its finding`, () => {
          const fixed = applyEdits(fixture.text, fix.edits).text;
          const count = (text: string) => lint(text, fixture.options).findings.filter((f) => f.ruleId === finding.ruleId).length;
          assert.equal(count(fixed), count(fixture.text) - 1, fixed);
        });
      }
    }
  }
});
