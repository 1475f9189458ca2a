// The built CLI (dist/cli.js) run as users run it: a child process on fixture files.
// Build first: `node esbuild.mjs`.
import * as assert from 'node:assert/strict';
import { requireCorpus } from '../support/corpus';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures/cli';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

function json(args: string[], cwd = ROOT): { status: number | null; problems: JsonProblem[] } {
  const run = cli(['--format', 'json', ...args], cwd);
  return { status: run.status, problems: JSON.parse(run.stdout) as JsonProblem[] };
}

describe('postmortem-lint (dist/cli.js)', function () {
  let temp: string;

  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run "node esbuild.mjs" first`);
    temp = mkdtempSync(join(tmpdir(), 'postmortem-cli-'));
  });

  after(function () {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  describe('usage', function () {
    it('--help prints usage and exits 0', function () {
      const run = cli(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: postmortem-lint/);
      assert.match(run.stdout, /--format <format>/);
      assert.match(run.stdout, /^  --  +End of options: every later argument is a path\.$/m);
    });

    it('--version prints the package.json version', function () {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const run = cli(['--version']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), version);
    });
  });

  describe('default format', function () {
    it('prints file:line:col severity message [rule-id], and the summary on stderr', function () {
      const run = cli([`${FIXTURES}/heading-space.md`]);
      const lines = run.stdout.trimEnd().split('\n');
      for (const line of lines) assert.match(line, /^[^:]+:\d+:\d+ (error|warning|info) \S.* \[[a-z-]+\]$/, line);
      assert.ok(
        lines.some((line) => /^test\/fixtures\/cli\/heading-space\.md:3:1 error "##Issue Summary" is not a heading.* \[heading-space\]$/.test(line)),
        run.stdout,
      );
      assert.equal(run.stderr, '2 problems (1 error, 0 warnings, 1 info) in 1 file\n');
    });
  });

  describe('--format json', function () {
    it('prints an array of {file, line, column, endLine, endColumn, severity, ruleId, message}, 1-based', function () {
      const { status, problems } = json([`${FIXTURES}/heading-space.md`]);
      assert.equal(status, 1);
      assert.ok(Array.isArray(problems));
      for (const problem of problems) {
        assert.deepEqual(Object.keys(problem).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity']);
        assert.ok(['error', 'warning', 'info'].includes(problem.severity));
      }
      const heading = problems.find((p) => p.ruleId === 'heading-space');
      assert.deepEqual(heading, {
        file: 'test/fixtures/cli/heading-space.md',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 16, // "##Issue Summary" is 15 characters; the end is exclusive
        severity: 'error',
        ruleId: 'heading-space',
        message: '"##Issue Summary" is not a heading: Markdown needs a space after "##".',
      });
      assert.equal(problems.find((p) => p.ruleId === 'word-count')?.severity, 'info');
    });

    it('prints [] for a clean run', function () {
      const { status, problems } = json([`${FIXTURES}/config-off/postmortem.md`]);
      assert.equal(status, 0);
      assert.deepEqual(problems, []);
    });
  });

  describe('--format sarif', function () {
    it('prints SARIF 2.1.0 with the rules and results', function () {
      const run = cli(['--format', 'sarif', `${FIXTURES}/heading-space.md`]);
      assert.equal(run.status, 1);
      const sarif = JSON.parse(run.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      const { driver } = sarif.runs[0].tool;
      assert.equal(driver.name, 'postmortem-lint');
      const ids = driver.rules.map((rule: { id: string }) => rule.id);
      for (const id of ['heading-space', 'section-missing', 'word-count', 'config-invalid']) assert.ok(ids.includes(id), id);
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0, rule.id);
        assert.equal(rule.helpUri, `docs/rules/${rule.id}.md`);
        assert.ok(existsSync(join(ROOT, rule.helpUri)), `${rule.helpUri} is missing`);
      }
      const results = sarif.runs[0].results;
      assert.equal(results.length, 2);
      const heading = results.find((r: { ruleId: string }) => r.ruleId === 'heading-space');
      assert.equal(heading.level, 'error');
      assert.equal(driver.rules[heading.ruleIndex].id, 'heading-space');
      assert.match(heading.message.text, /not a heading/);
      assert.deepEqual(heading.locations[0].physicalLocation, {
        artifactLocation: { uri: 'test/fixtures/cli/heading-space.md' },
        region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 16 },
      });
      assert.equal(results.find((r: { ruleId: string }) => r.ruleId === 'word-count').level, 'note');
    });
  });

  describe('exit codes', function () {
    it('0 when only warnings and infos are found', function () {
      const run = cli([`${FIXTURES}/warnings-only.md`]);
      assert.equal(run.status, 0, run.stdout);
      assert.match(run.stdout, /\[word-count\]/);
    });

    it('1 when an error is found', function () {
      assert.equal(cli([`${FIXTURES}/heading-space.md`]).status, 1);
    });

    it('2 on an unknown flag, with a message', function () {
      const run = cli(['--frobnicate', `${FIXTURES}/warnings-only.md`]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Unknown option "--frobnicate"/);
      assert.equal(run.stdout, '');
    });

    it('2 on a missing file, with a message', function () {
      const run = cli([`${FIXTURES}/no-such-file.md`]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /No such file or folder: test\/fixtures\/cli\/no-such-file\.md/);
    });

    it('2 on a missing option value, an unknown format or profile, or no files', function () {
      assert.match(cli([`${FIXTURES}/warnings-only.md`, '--format']).stderr, /--format needs a value/);
      assert.equal(cli(['--format', 'xml', `${FIXTURES}/warnings-only.md`]).status, 2);
      const profile = cli(['--profile', 'nope', `${FIXTURES}/warnings-only.md`]);
      assert.equal(profile.status, 2);
      assert.match(profile.stderr, /Unknown profile "nope"/);
      assert.equal(cli([]).status, 2);
    });

    it('2 when a glob matches nothing', function () {
      const run = cli([`${FIXTURES}/**/*.nothing`]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /No files match/);
    });
  });

  describe('--fix', function () {
    it('inserts the space in "##Issue Summary" and changes no other line', function () {
      const file = join(temp, 'fix-postmortem.md');
      copyFileSync(join(ROOT, FIXTURES, 'heading-space.md'), file);
      const before = readFileSync(file, 'utf8').split('\n');
      const run = cli(['--fix', file]);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout, /heading-space/);
      assert.match(run.stderr, /Fixed 1 problem in 1 file/);
      const after = readFileSync(file, 'utf8').split('\n');
      assert.equal(after.length, before.length);
      for (let i = 0; i < before.length; i++) {
        if (before[i] === '##Issue Summary') assert.equal(after[i], '## Issue Summary');
        else assert.equal(after[i], before[i], `line ${i + 1} changed`);
      }
      assert.ok(after.includes('## Issue Summary'));
    });

    it('leaves no temporary file behind', function () {
      const folder = mkdtempSync(join(temp, 'fix-'));
      copyFileSync(join(ROOT, FIXTURES, 'heading-space.md'), join(folder, 'a.md'));
      cli(['--fix', folder]);
      assert.deepEqual(readdirSync(folder), ['a.md']);
    });
  });

  describe('.postmortemrc.json', function () {
    it('turns rules off for the files below it', function () {
      const { status, problems } = json([`${FIXTURES}/config-off/postmortem.md`, `${FIXTURES}/heading-space.md`]);
      assert.equal(status, 1);
      const ruled = problems.filter((p) => p.file.includes('config-off'));
      assert.deepEqual(ruled, []);
      assert.ok(problems.some((p) => p.file === `${FIXTURES}/heading-space.md` && p.ruleId === 'heading-space'));
    });

    it('when broken, is reported on the config file (config-invalid) and the file is still checked', function () {
      const run = cli(['--format', 'json', `${FIXTURES}/config-broken/postmortem.md`]);
      assert.equal(run.status, 1);
      assert.doesNotMatch(run.stderr, /internal error/);
      const problems = JSON.parse(run.stdout) as JsonProblem[];
      const config = problems.filter((p) => p.ruleId === 'config-invalid');
      assert.equal(config.length, 1);
      assert.equal(config[0].file, `${FIXTURES}/config-broken/.postmortemrc.json`);
      assert.equal(config[0].severity, 'error');
      assert.match(config[0].message, /not valid JSON/);
      assert.ok(problems.some((p) => p.file === `${FIXTURES}/config-broken/postmortem.md` && p.ruleId === 'heading-space'));
    });

    it('--profile overrides the profile', function () {
      const { problems } = json(['--profile', 'google-sre', `${FIXTURES}/warnings-only.md`]);
      const missing = problems.filter((p) => p.ruleId === 'section-missing');
      assert.ok(
        missing.some((p) => /"Lessons Learned" section is missing \(Google SRE profile\)/.test(p.message)),
        JSON.stringify(problems),
      );
      assert.ok(!problems.some((p) => p.ruleId === 'word-count'));
    });

    it('with a custom profile whose "synonyms" is 5: config-invalid on the config file, exit 1, the file still checked', function () {
      const folder = mkdtempSync(join(temp, 'synonyms-'));
      writeFileSync(
        join(folder, '.postmortemrc.json'),
        JSON.stringify({ profile: 'acme', profiles: { acme: { sections: [{ title: 'Comms', synonyms: 5 }] } } }),
      );
      copyFileSync(join(ROOT, FIXTURES, 'heading-space.md'), join(folder, 'postmortem.md'));
      const run = cli([folder], folder);
      assert.equal(run.status, 1);
      assert.doesNotMatch(run.stderr, /internal error/);
      const configLines = run.stdout.split('\n').filter((line) => line.startsWith('.postmortemrc.json:'));
      assert.deepEqual(
        configLines.map((line) => line.replace(/^[^ ]+ +/, '')),
        [
          'error Profile "acme": sections[0].synonyms must be an array of strings. [config-invalid]',
          'error Profile "acme" is not used until its definition is fixed (see its other problems); the default profile applies. [config-invalid]',
        ],
      );
      assert.match(run.stdout, /^postmortem\.md:3:1 .*\[heading-space\]$/m);
      assert.match(run.stderr, / in 1 file\n$/);
    });

    it('reads a config file saved with a byte order mark', function () {
      const folder = mkdtempSync(join(temp, 'bom-'));
      writeFileSync(join(folder, '.postmortemrc.json'), '\uFEFF{ "rules": { "heading-space": "off" } }');
      copyFileSync(join(ROOT, FIXTURES, 'heading-space.md'), join(folder, 'postmortem.md'));
      const { problems } = json([folder], folder);
      assert.ok(problems.length > 0, 'the postmortem has other problems');
      assert.deepEqual(
        problems.filter((p) => p.ruleId === 'heading-space' || p.ruleId === 'config-invalid'),
        [],
      );
    });

    it('matches files.include against paths relative to the working folder, wherever the config file is', function () {
      const repo = mkdtempSync(join(temp, 'globs-'));
      mkdirSync(join(repo, 'docs', 'reports'), { recursive: true });
      mkdirSync(join(repo, 'docs', 'notes'));
      writeFileSync(join(repo, 'docs', '.postmortemrc.json'), JSON.stringify({ files: { include: ['docs/reports/*.md'], detectByContent: false } }));
      copyFileSync(join(ROOT, FIXTURES, 'heading-space.md'), join(repo, 'docs', 'reports', 'q1.md'));
      copyFileSync(join(ROOT, FIXTURES, 'heading-space.md'), join(repo, 'docs', 'notes', 'q2.md'));
      const run = cli(['docs'], repo);
      assert.deepEqual(
        [
          ...new Set(
            run.stdout
              .trimEnd()
              .split('\n')
              .map((line) => line.split(':')[0]),
          ),
        ],
        ['docs/reports/q1.md'],
      );
      assert.match(run.stderr, /Skipped 1 Markdown file /);
    });
  });

  describe('files, folders and globs', function () {
    it('searches folders for *.md postmortems, skipping node_modules and dot folders', function () {
      const run = cli([`${FIXTURES}/folder`]);
      const files = [
        ...new Set(
          run.stdout
            .trimEnd()
            .split('\n')
            .map((line) => line.split(':')[0]),
        ),
      ].sort();
      assert.deepEqual(files, [`${FIXTURES}/folder/sub/nested.md`, `${FIXTURES}/folder/top.md`]);
      assert.match(run.stderr, /Skipped 1 Markdown file /);
      assert.match(run.stderr, / in 2 files\n$/);
    });

    it('checks every *.md in folders with --all, and a non-postmortem named explicitly', function () {
      const all = json(['--all', `${FIXTURES}/folder`]).problems;
      assert.ok(all.some((p) => p.file === `${FIXTURES}/folder/sub/meeting-notes.md` && p.ruleId === 'heading-space'));
      assert.ok(!all.some((p) => /node_modules|\.drafts/.test(p.file)));
      const named = json([`${FIXTURES}/folder/sub/meeting-notes.md`]).problems;
      assert.ok(named.some((p) => p.ruleId === 'heading-space' && p.line === 3));
    });

    it('expands globs', function () {
      const run = cli([`${FIXTURES}/folder/**/n*.md`, `${FIXTURES}/folder/*.md`]);
      assert.equal(run.status, 0);
      assert.match(run.stderr, / in 2 files\n$/);
      assert.match(run.stdout, /folder\/top\.md:/);
      assert.match(run.stdout, /folder\/sub\/nested\.md:/);
    });

    it('checks binary junk without crashing', function () {
      const file = join(temp, 'junk.md');
      const bytes = Buffer.alloc(64 * 1024);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3) * 31) & 0xff;
      writeFileSync(file, bytes);
      const run = cli([file]);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      assert.doesNotMatch(run.stderr, /internal error/);
    });

    it('gives a file above 5 MB one info message instead of a lint', function () {
      const file = join(temp, 'huge.md');
      writeFileSync(file, '##Heading\n' + 'x'.repeat(5 * 1024 * 1024 + 10));
      const { status, problems } = json([file], temp);
      assert.equal(status, 0);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].ruleId, 'document-too-large');
      assert.equal(problems[0].severity, 'info');
      assert.equal(problems[0].file, 'huge.md');
    });
  });

  describe('examples/', function () {
    it('good-postmortem.md has no findings under the default (alx) profile', function () {
      assert.deepEqual(json(['examples/good-postmortem.md']), { status: 0, problems: [] });
    });

    it('google-sre-postmortem.md has no findings under --profile google-sre', function () {
      assert.deepEqual(json(['--profile', 'google-sre', 'examples/google-sre-postmortem.md']), { status: 0, problems: [] });
    });

    it('sloppy-postmortem.md shows the mistakes examples/README.md lists', function () {
      const { status, problems } = json(['examples/sloppy-postmortem.md']);
      assert.equal(status, 1);
      assert.deepEqual(
        problems.map((p) => `${p.line} ${p.ruleId}`),
        [
          '1 word-count',
          '3 heading-space',
          '5 duration-timezone',
          '5 duration-mismatch',
          '14 timestamp-order',
          '16 timestamp-invalid',
          '26 section-not-heading',
          '26 tasks-not-list',
        ],
      );
    });
  });

  describe('docs/rules', function () {
    // Each rule page's first Markdown example under "## Wrong" must trigger the rule, the one under "## Right" must not.
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const page of pages) {
      const id = page.replace(/\.md$/, '');
      for (const part of ['Wrong', 'Right'] as const) {
        const text = readFileSync(join(ROOT, 'docs', 'rules', page), 'utf8');
        const example = /^\s*```markdown\n([\s\S]*?)```/.exec(text.split(`\n## ${part}\n`)[1] ?? '')?.[1];
        if (example === undefined) continue;
        it(`${id}: the ${part.toLowerCase()} example ${part === 'Wrong' ? 'is' : 'is not'} reported`, function () {
          const file = join(temp, `${id}-${part}.md`);
          writeFileSync(file, example);
          const hits = json([file]).problems.filter((p) => p.ruleId === id);
          if (part === 'Wrong') assert.ok(hits.length > 0, `docs/rules/${page}: the wrong example is not reported`);
          else assert.deepEqual(hits, [], `docs/rules/${page}: the right example is reported`);
        });
      }
    }
  });

  describe('the seed postmortem (../shared/corpus)', function () {
    it('reports heading-space on lines 5, 11, 23, 30 and section-not-heading on line 27', function () {
      const seed = join(requireCorpus(this), 'seed-postmortem.md');
      const { problems } = json([seed]);
      const lines = (id: string) => problems.filter((p) => p.ruleId === id).map((p) => p.line);
      assert.deepEqual(lines('heading-space'), [5, 11, 23, 30]);
      assert.deepEqual(lines('section-not-heading'), [27]);
    });
  });
});
