// Each rule against its own fixture in test/fixtures/rules/<rule-id>.md. A fixture marks the lines
// where its rule must report with a trailing `<!-- rule-id -->` comment (stripped before linting),
// so every fixture documents itself. The rule must report on exactly those lines. A fixture for
// another profile than ALX says so in a comment of its own: `<!-- profile: google-sre -->`.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, type LintOptions } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/lines';
import { applyEdits, applySafeFixes } from '../../server/src/core/fixes';
import { RULES } from '../../server/src/core/rules';
import { builtinProfile, defaultProfile } from '../../server/src/core/profiles';
import { readFixture } from '../support/fixtures';

const FIXTURES = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');
/** Short fixtures would all be too short for ALX: word-count is tested on its own. */
const options: LintOptions = { profile: defaultProfile(), rules: { 'word-count': 'off' } };

/** The options a fixture is linted with: its own profile, when it names one. */
function optionsFor(profileId: string | undefined): LintOptions {
  if (!profileId) return options;
  const profile = builtinProfile(profileId);
  assert.ok(profile, `unknown profile ${profileId}`);
  return { ...options, profile };
}

function linesOf(text: string, ruleId: string, opts = options): number[] {
  const index = new LineIndex(text);
  return lint(text, opts)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => index.position(f.span.start).line + 1);
}

describe('rules, each on its own fixture', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.md') && name !== 'clean.md');

  it('has a fixture for every rule but word-count', () => {
    const missing = RULES.map((rule) => rule.id).filter((id) => id !== 'word-count' && !files.includes(`${id}.md`));
    assert.deepEqual(missing, []);
  });

  for (const name of files) {
    const ruleId = name.replace(/\.md$/, '');
    it(`${ruleId} reports exactly the marked lines`, () => {
      const fixture = readFixture(join(FIXTURES, name));
      const want = (fixture.expected.get(ruleId) ?? []).sort((a, b) => a - b);
      assert.ok(want.length > 0, `${name} marks no line for ${ruleId}`);
      assert.deepEqual(
        linesOf(fixture.text, ruleId, optionsFor(fixture.profileId)).sort((a, b) => a - b),
        want,
      );
    });
  }

  it('finds nothing at all in a clean postmortem', () => {
    const { text } = readFixture(join(FIXTURES, 'clean.md'));
    assert.deepEqual(
      lint(text, options).findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it('reports word-count outside the profile range only', () => {
    const { text } = readFixture(join(FIXTURES, 'clean.md'));
    const withWords = (n: number) => `${text}\n${'word '.repeat(n)}\n`;
    const count = (t: string) => lint(t).findings.filter((f) => f.ruleId === 'word-count').length;
    assert.equal(count(text), 1, 'too short');
    assert.equal(count(withWords(400)), 0, 'within 400 to 600');
    assert.equal(count(withWords(700)), 1, 'too long');
  });

  it("field-missing counts start and end times written in the summary's prose as a duration", () => {
    const summary = (prose: string) => `# Postmortem\n\n## Issue Summary\n\n${prose}\nImpact: all users.\nRoot Cause: a typo.\n`;
    const missing = (text: string) =>
      lint(text, options)
        .findings.filter((f) => f.ruleId === 'field-missing')
        .map((f) => f.message);
    assert.deepEqual(missing(summary('On June 9, 2024 from 10:05 AM to 10:15 AM WAT the site was down.')), []);
    assert.deepEqual(missing(summary('At 10:05 AM WAT the site went down.')), [
      'The "Issue Summary" section has no Duration: it never says when the outage started and ended (or how long it lasted). Add a line "Duration: ..." to the summary.',
    ]);
  });

  it('placeholder-text takes "TODO: <task>" among the action items for an action item, and a bare TODO there for a TODO', () => {
    const doc = (items: string) => `# Postmortem\n\n## Root Cause and Resolution\n\nA typo.\n\n## Corrective and Preventative Measures\n\n${items}\n`;
    const todos = (text: string) => lint(text, options).findings.filter((f) => f.ruleId === 'placeholder-text').length;
    assert.equal(todos(doc('- Add a config check.\n- TODO: write a runbook for Nginx failures.')), 0);
    assert.equal(todos(doc('- Add a config check.\n- TODO:')), 1);
    assert.equal(todos(doc('- Add a config check.').replace('A typo.', 'A typo. TODO: find the commit.')), 1);
  });

  it('timeline-contradicts-window sees a detection in an entry that also pages', () => {
    const text = [
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      'Duration: 2024-03-12 10:15 - 11:00 UTC',
      '',
      '## Timeline',
      '',
      '- 10:05 UTC: Error-rate alert fires; on-call paged.',
      '- 10:20 UTC: Cause found.',
      '- 11:00 UTC: Service restored.',
      '',
    ].join('\n');
    const found = lint(text, options).findings.filter((f) => f.ruleId === 'timeline-contradicts-window');
    assert.deepEqual(
      found.map((f) => f.message),
      ["The outage is detected at 10:05 UTC, 10 min before it started (2024-03-12 10:15): correct the entry or the window's start."],
    );
  });

  it('uses the configured severity, and off silences a rule', () => {
    const { text } = readFixture(join(FIXTURES, 'heading-space.md'));
    const levels = lint(text, { ...options, rules: { 'heading-space': 'info' } }).findings.filter((f) => f.ruleId === 'heading-space');
    assert.deepEqual([...new Set(levels.map((f) => f.severity))], ['info']);
    assert.equal(linesOf(text, 'heading-space', { ...options, rules: { 'heading-space': 'off' } }).length, 0);
  });
});

describe('fixes', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.md'));
  for (const name of files) {
    const { text, profileId } = readFixture(join(FIXTURES, name));
    const options = optionsFor(profileId);
    const findings = lint(text, options).findings.filter((f) => f.fixes.length);
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        it(`${name}: "${fix.title}" removes its finding and no other text`, () => {
          const fixed = applyEdits(text, fix.edits).text;
          const before = linesOf(text, finding.ruleId, options).length;
          const after = linesOf(fixed, finding.ruleId, options).length;
          assert.equal(after, before - 1, `${finding.ruleId}: reported ${after} times after the fix (was ${before})`);
          // Every line the fix did not touch is still there, in order.
          const touched = new Set(fix.edits.map((edit) => new LineIndex(text).position(edit.span.start).line));
          const kept = text.split('\n').filter((_, index) => !touched.has(index));
          let at = 0;
          for (const line of kept) {
            const found = fixed.indexOf(line, at);
            assert.ok(found >= 0, `line lost: ${JSON.stringify(line)}`);
            at = found + line.length;
          }
          const newErrors = lint(fixed, options).findings.filter(
            (f) => f.severity === 'error' && !lint(text, options).findings.some((g) => g.ruleId === f.ruleId),
          );
          assert.deepEqual(
            newErrors.map((f) => f.ruleId),
            [],
          );
        });
      }
    }
  }

  it('applying all safe fixes twice gives the same text as once', () => {
    for (const name of files) {
      const { text, profileId } = readFixture(join(FIXTURES, name));
      const options = optionsFor(profileId);
      const once = applySafeFixes(text, lint(text, options).findings).text;
      const again = applySafeFixes(once, lint(once, options).findings).text;
      assert.equal(again, once, name);
    }
  });
});
