// The rules registry is the one source of rule metadata: ids, default severities, which rules fix
// and how, and the notice ids. docs/rules/README.md's table and the pages must say the same.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES, ruleDocPath, ruleDocUrl } from '../../server/src/core/rules';
import { NOTICES, NOTICE_IDS } from '../../server/src/core/notices';
import { lint } from '../../server/src/core/lint';
import { builtinProfile, defaultProfile } from '../../server/src/core/profiles';
import { readFixture } from '../support/fixtures';

const REPO = resolve(__dirname, '..', '..', '..');
const DOCS = join(REPO, 'docs', 'rules');

/** The rows of docs/rules/README.md's table: id -> [default, fix]. */
function docsTable(): Map<string, { severity: string; fix: string }> {
  const rows = new Map<string, { severity: string; fix: string }>();
  for (const line of readFileSync(join(DOCS, 'README.md'), 'utf8').split('\n')) {
    const match = /^\| \[`([a-z-]+)`\]\(([a-z-]+)\.md\) \| (\w+) \|\s*([a-z ]*?)\s*\|/.exec(line);
    if (!match) continue;
    assert.equal(`${match[2]}.md`, ruleDocPath(match[1]), `the row of ${match[1]} links its own page`);
    rows.set(match[1], { severity: match[3], fix: match[4].trim() });
  }
  return rows;
}

describe('rules registry', () => {
  it("docs/rules/README.md's table lists every rule and notice with its default and fix, and nothing else", () => {
    const table = docsTable();
    const expected = new Map<string, { severity: string; fix: string }>([
      ...RULES.map((rule) => [rule.id, { severity: rule.defaultSeverity, fix: rule.fix ?? '' }] as const),
      ...Object.values(NOTICES).map((notice) => [notice.id, { severity: notice.severity, fix: '' }] as const),
    ]);
    assert.deepEqual(Object.fromEntries(table), Object.fromEntries(expected));
  });

  it('every rule and notice has its page, and every page is a rule or notice', () => {
    const ids = [...RULES.map((rule) => rule.id), ...NOTICE_IDS];
    for (const id of ids) assert.ok(existsSync(join(DOCS, ruleDocPath(id))), `docs/rules/${ruleDocPath(id)}`);
    const pages = readdirSync(DOCS).filter((name) => name !== 'README.md' && name.endsWith('.md'));
    assert.deepEqual(pages.sort(), ids.map(ruleDocPath).sort());
  });

  it('links a page under the docs base, with or without its trailing slash', () => {
    assert.equal(ruleDocUrl('file:///ext/docs/rules/', 'heading-space'), 'file:///ext/docs/rules/heading-space.md');
    assert.equal(ruleDocUrl('file:///ext/docs/rules', 'heading-space'), 'file:///ext/docs/rules/heading-space.md');
  });

  it("each rule's fix metadata is what its fixture's findings offer", () => {
    const options = { profile: defaultProfile(), rules: { 'word-count': 'off' as const } };
    for (const rule of RULES.filter((r) => r.id !== 'word-count')) {
      const path = join(REPO, 'test', 'fixtures', 'rules', `${rule.id}.md`);
      const fixture = readFixture(path);
      // A fixture written for another profile (`<!-- profile: google-sre -->`) is linted with it.
      const profile = (fixture.profileId && builtinProfile(fixture.profileId)) || options.profile;
      const findings = lint(fixture.text, { ...options, profile }).findings.filter((f) => f.ruleId === rule.id);
      const fixes = findings.flatMap((f) => f.fixes);
      if (!rule.fix) assert.deepEqual(fixes, [], `${rule.id} declares no fix`);
      else if (rule.fix === 'safe')
        assert.ok(
          fixes.some((fix) => fix.safe),
          `${rule.id} declares safe fixes`,
        );
      else assert.ok(fixes.length > 0 && fixes.every((fix) => !fix.safe), `${rule.id} declares quick fixes only`);
    }
  });

  it('rule ids and notice ids never collide', () => {
    const ids = [...RULES.map((rule) => rule.id), ...NOTICE_IDS];
    assert.equal(new Set(ids).size, ids.length);
  });
});
