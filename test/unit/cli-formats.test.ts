// The CI formats (github, gitlab, junit), streamed output, and `report`, each checked against the
// shape its consumer documents: GitHub's workflow-command syntax and escaping, GitLab's code
// quality issue fields, JUnit's testsuites/testsuite/testcase/failure, the incident index.
// Build first: `node esbuild.mjs`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChunkedOutput } from '../../server/src/cli/formats/output';
import { sarifWriter } from '../../server/src/cli/formats/sarif';
import { jsonWriter } from '../../server/src/cli/formats/json';
import { githubWriter } from '../../server/src/cli/formats/github';
import type { Problem } from '../../server/src/cli/problems';
import { indexIncidents, median, normaliseSeverity, type IncidentSummary } from '../../server/src/core/incidents';

const ROOT = resolve(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const GOOD = readFileSync(join(ROOT, 'examples', 'good-postmortem.md'), 'utf8');

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const problem = (n: number, over: Partial<Problem> = {}): Problem => ({
  file: 'docs/postmortem.md',
  line: n + 1,
  column: 1,
  endLine: n + 1,
  endColumn: 5,
  severity: 'error',
  ruleId: 'heading-space',
  message: `problem ${n}`,
  ...over,
});

/** A tiny XML well-formedness check: tags balance, attributes are quoted, `&` only starts an entity. */
function assertWellFormedXml(xml: string): void {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  assert.doesNotMatch(xml, /&(?!(amp|lt|gt|quot|apos);)/);
  const stack: string[] = [];
  for (const match of xml.slice(xml.indexOf('?>') + 2).matchAll(/<(\/?)([a-z]+)((?:\s+[a-z]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the open element`);
    else if (!selfClosing) stack.push(name);
  }
  assert.deepEqual(stack, []);
  assert.equal(xml.replace(/<[^>]*>/g, '').replace(/[^<>]/g, ''), '', 'no stray < or >');
}

describe('CLI formats', function () {
  this.timeout(60_000);
  let temp: string;
  let dir: string;

  before(function () {
    temp = mkdtempSync(join(tmpdir(), 'postmortem-cli-formats-'));
    dir = join(temp, 'repo');
    mkdirSync(join(dir, 'postmortems'), { recursive: true });
    // A name with the characters GitHub needs escaped in properties: `,` `:` `%`.
    writeFileSync(
      join(dir, 'postmortems', 'a,b:c%d-postmortem.md'),
      '# Postmortem: <script>alert(1)</script>\n\n##Issue Summary\n\nDuration: 2024-01-05 10:00 - 11:00 UTC\n',
    );
    writeFileSync(join(dir, 'postmortems', 'clean-postmortem.md'), GOOD);
  });
  after(function () {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  describe('streamed output', function () {
    it('writes SARIF and JSON in chunks of bounded size, never as one string for the run', function () {
      for (const make of [(out: ChunkedOutput) => sarifWriter(out, '0.0.0'), jsonWriter]) {
        const chunks: string[] = [];
        const out = new ChunkedOutput((chunk) => chunks.push(chunk));
        const writer = make(out);
        writer.begin();
        for (let file = 0; file < 400; file++)
          writer.file(
            `f${file}.md`,
            Array.from({ length: 500 }, (_, n) => problem(n, { file: `f${file}.md` })),
          );
        writer.end({ files: 400, problems: 200_000, bySeverity: { error: 200_000, warning: 0, info: 0 } });
        out.flush();
        const longest = Math.max(...chunks.map((chunk) => chunk.length));
        assert.ok(longest < 128 * 1024, `longest chunk ${longest}`);
        const parsed = JSON.parse(chunks.join(''));
        const results = Array.isArray(parsed) ? parsed : parsed.runs[0].results;
        assert.equal(results.length, 200_000);
      }
    });
  });

  describe('--format github', function () {
    it('escapes %, CR and LF in the message and also : and , in properties', function () {
      const chunks: string[] = [];
      const out = new ChunkedOutput((chunk) => chunks.push(chunk));
      const writer = githubWriter(out);
      writer.file('a,b:c%d.md', [problem(0, { message: '50% done\r\nnext: line, more', severity: 'warning' }), problem(1, { severity: 'info' })]);
      out.flush();
      assert.deepEqual(chunks.join('').split('\n'), [
        '::warning file=a%2Cb%3Ac%25d.md,line=1,endLine=1,col=1,endColumn=5,title=postmortem-lint heading-space::50%25 done%0D%0Anext: line, more',
        '::notice file=a%2Cb%3Ac%25d.md,line=2,endLine=2,col=1,endColumn=5,title=postmortem-lint heading-space::problem 1',
        '',
      ]);
    });

    it('prints one workflow command per problem, as GitHub documents them', function () {
      const run = cli(['--format', 'github', 'postmortems'], dir);
      assert.equal(run.status, 1);
      const lines = run.stdout.trimEnd().split('\n');
      assert.ok(lines.length > 3);
      for (const line of lines)
        assert.match(
          line,
          /^::(error|warning|notice) file=[^,:]+,line=\d+,endLine=\d+,col=\d+(,endColumn=\d+)?,title=postmortem-lint [a-z-]+::[^\r\n]+$/,
          line,
        );
      assert.ok(
        lines.some((line) =>
          line.startsWith('::error file=postmortems/a%2Cb%3Ac%25d-postmortem.md,line=3,endLine=3,col=1,endColumn=16,title=postmortem-lint heading-space::'),
        ),
      );
      assert.equal(run.stderr, '', 'no summary mixed into the annotations');
    });
  });

  describe('--format gitlab', function () {
    it('prints a code quality report: description, check_name, fingerprint, severity, location.path, location.lines.begin', function () {
      const run = cli(['--format', 'gitlab', 'postmortems'], dir);
      assert.equal(run.status, 1);
      const issues = JSON.parse(run.stdout) as Record<string, unknown>[];
      assert.ok(Array.isArray(issues) && issues.length > 3);
      const fingerprints = new Set<string>();
      for (const issue of issues) {
        assert.equal(typeof issue.description, 'string');
        assert.match(issue.check_name as string, /^[a-z-]+$/);
        assert.match(issue.fingerprint as string, /^[0-9a-f]{64}$/);
        fingerprints.add(issue.fingerprint as string);
        assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity as string));
        const location = issue.location as { path: string; lines: { begin: number } };
        assert.equal(location.path, 'postmortems/a,b:c%d-postmortem.md');
        assert.ok(Number.isInteger(location.lines.begin) && location.lines.begin >= 1);
      }
      assert.equal(fingerprints.size, issues.length, 'fingerprints are unique');
      const again = JSON.parse(cli(['--format', 'gitlab', 'postmortems'], dir).stdout) as { fingerprint: string }[];
      assert.deepEqual(
        again.map((i) => i.fingerprint),
        issues.map((i) => i.fingerprint),
        'and stable across runs',
      );
      assert.deepEqual(JSON.parse(cli(['--format', 'gitlab', 'postmortems/clean-postmortem.md'], dir).stdout), []);
    });
  });

  describe('--format junit', function () {
    it('prints one testsuite per file, one testcase per rule, a failure for each rule that found something', function () {
      const run = cli(['--format', 'junit', 'postmortems'], dir);
      assert.equal(run.status, 1);
      assertWellFormedXml(run.stdout);
      const suites = [...run.stdout.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"[^>]*>([\s\S]*?)<\/testsuite>/g)];
      assert.deepEqual(
        suites.map((s) => s[1]),
        ['postmortems/a,b:c%d-postmortem.md', 'postmortems/clean-postmortem.md'],
      );
      for (const [, , tests, failures, body] of suites) {
        assert.equal((body.match(/<testcase /g) ?? []).length, Number(tests));
        assert.equal((body.match(/<failure /g) ?? []).length, Number(failures));
        const names = [...body.matchAll(/<testcase classname="[^"]*" name="([a-z-]+)"/g)].map((m) => m[1]);
        assert.equal(new Set(names).size, names.length, 'one testcase per rule');
      }
      assert.equal(suites[1][3], '0');
      assert.match(
        suites[0][4],
        /<testcase classname="[^"]*" name="heading-space">\n {6}<failure message="1 problem: &quot;##Issue Summary&quot; is not a heading/,
      );
    });
  });

  describe('report', function () {
    let reportDir: string;
    before(function () {
      reportDir = join(temp, 'report');
      mkdirSync(reportDir);
      // Three incidents of the shape of the good example, on other dates and severities.
      const variant = (date: string, severity: string, title: string) =>
        GOOD.replace(/^# .*$/m, `# Postmortem: ${title}`)
          .replace('March 14, 2024', date)
          .replace('Root Cause: ', `Severity: ${severity}\nRoot Cause: `);
      writeFileSync(join(reportDir, 'one-postmortem.md'), variant('March 14, 2024', 'SEV1', 'Uploads < 5% & "slow" | partial'));
      writeFileSync(join(reportDir, 'two-postmortem.md'), variant('March 20, 2024', 'sev 2', '=HYPERLINK("x")'));
      // Inline HTML in a title is read as its text; a file name is shown as it is, so it carries the markup.
      writeFileSync(join(reportDir, '<b onmouseover=alert(1)>three-postmortem.md'), variant('April 2, 2024', 'SEV-1 (critical)', '<script>alert(1)</script>'));
    });

    it('json: one summary per incident, totals, MTTD and MTTR by month and by severity', function () {
      const run = cli(['report', '--format', 'json', '.'], reportDir);
      assert.equal(run.status, 0, run.stderr);
      const index = JSON.parse(run.stdout);
      assert.deepEqual(
        index.incidents.map((i: IncidentSummary) => [
          i.file,
          i.date,
          i.severity,
          i.lengthMinutes,
          i.detectMinutes,
          i.acknowledgeMinutes,
          i.mitigateMinutes,
          i.resolveMinutes,
        ]),
        [
          ['one-postmortem.md', '2024-03-14', 'SEV1', 75, 0, 4, 55, 75],
          ['two-postmortem.md', '2024-03-20', 'SEV2', 75, 0, 4, 55, 75],
          ['<b onmouseover=alert(1)>three-postmortem.md', '2024-04-02', 'SEV1', 75, 0, 4, 55, 75],
        ],
      );
      assert.equal(index.totals.incidents, 3);
      assert.equal(index.totals.lengthMinutes, 225);
      assert.equal(index.totals.medianLengthMinutes, 75);
      assert.deepEqual(
        index.byMonth.map((g: { key: string; incidents: number; mttrMinutes: number }) => [g.key, g.incidents, g.mttrMinutes]),
        [
          ['2024-03', 2, 75],
          ['2024-04', 1, 75],
        ],
      );
      assert.deepEqual(
        index.bySeverity.map((g: { key: string; incidents: number }) => [g.key, g.incidents]),
        [
          ['SEV1', 2],
          ['SEV2', 1],
        ],
      );
    });

    it('markdown and csv: a row per incident, text escaped for each', function () {
      const md = cli(['report', '.'], reportDir).stdout;
      assert.match(md, /^# Incident index\n/);
      assert.match(
        md,
        /\| 2024-03-14 \| Postmortem: Uploads &lt; 5% & "slow" \\\| partial \| SEV1 \| 1 h 15 min \| 0 min \| 4 min \| 55 min \| 1 h 15 min \| \d+ \| one-postmortem\.md \|/,
      );
      assert.match(md, /## By month\n\n\| Month \| Incidents \| MTTD \| MTTR \|.*\n.*\n\| 2024-03 \| 2 \| 0 min \| 1 h 15 min \|/);
      const csv = cli(['report', '--format', 'csv', '.'], reportDir).stdout.split('\r\n');
      assert.equal(csv[0], 'file,date,title,severity,length_minutes,detect_minutes,acknowledge_minutes,mitigate_minutes,resolve_minutes,problems');
      assert.match(csv[1], /^one-postmortem\.md,2024-03-14,"Postmortem: Uploads < 5% & ""slow"" \| partial",SEV1,75,0,4,55,75,\d+$/);
      assert.match(csv[2], /^two-postmortem\.md,2024-03-20,"Postmortem: =HYPERLINK\(""x""\)",SEV2,/);
    });

    it('html: a page with inline SVG charts, no script, nothing fetched, every text escaped', function () {
      const html = cli(['report', '--format', 'html', '.'], reportDir).stdout;
      assert.match(html, /^<!DOCTYPE html>/);
      assert.equal((html.match(/<svg /g) ?? []).length, 2);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<[^>]*\s(src|href|on[a-z]+)=/i, 'no tag loads or runs anything');
      assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
      assert.match(html, /<td>&lt;b onmouseover=alert\(1\)&gt;three-postmortem\.md<\/td>/);
      assert.doesNotMatch(html, /<b /);
      assert.match(html, /Uploads &lt; 5% &amp; &quot;slow&quot; \| partial/);
    });

    it('refuses --fix', function () {
      const run = cli(['report', '--fix', '.'], reportDir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /report does not fix/);
    });
  });
});

describe('core/incidents', function () {
  it('medians, severities as SEV1/P2, groups with MTTD and MTTR', function () {
    assert.equal(median([]), undefined);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.deepEqual(['Sev 1', 'SEV-2 (major)', 'p3', 'P 4', 'critical', '  '].map(normaliseSeverity), ['SEV1', 'SEV2', 'P3', 'P4', 'critical', undefined]);
    const base = { problems: 0, errors: 0 };
    const index = indexIncidents([
      { ...base, file: 'b.md', date: '2024-02-10', severity: 'SEV2', detectMinutes: 10, resolveMinutes: 100 },
      { ...base, file: 'a.md', date: '2024-02-01', severity: 'SEV10', detectMinutes: 20, resolveMinutes: 50 },
      { ...base, file: 'c.md', severity: 'SEV2', resolveMinutes: 30 },
    ]);
    assert.deepEqual(
      index.incidents.map((i) => i.file),
      ['a.md', 'b.md', 'c.md'],
    );
    assert.deepEqual(
      index.byMonth.map((g) => [g.key, g.incidents, g.mttdMinutes, g.mttrMinutes]),
      [
        ['2024-02', 2, 15, 75],
        ['unknown', 1, undefined, 30],
      ],
    );
    assert.deepEqual(
      index.bySeverity.map((g) => [g.key, g.mttrMinutes, g.medianResolveMinutes]),
      [
        ['SEV2', 65, 65],
        ['SEV10', 50, 50],
      ],
    );
    assert.equal(index.totals.mttrMinutes, 60);
    assert.equal(index.totals.medianResolveMinutes, 50);
  });
});
