// The built CLI against hostile files, names and folders (issue 13): each case once broke it.
// Build first: `node esbuild.mjs`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const HEADING_SPACE = readFileSync(join(ROOT, 'test/fixtures/cli/heading-space.md'));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: (string | Buffer)[], cwd: string, timeout = 60_000): Run {
  const result = spawnSync(process.execPath, [CLI, ...(args as string[])], { cwd, encoding: 'utf8', timeout, maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fixture with its "##Issue Summary" fixed: what --fix must write, byte for byte. */
const fixedHeading = (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace('\n##Issue Summary\n', '\n## Issue Summary\n'), 'latin1');

describe('postmortem-lint against hostile input (dist/cli.js)', function () {
  this.timeout(120_000);
  let temp: string;
  let n = 0;
  const folder = () => {
    const path = join(temp, `case-${n++}`);
    mkdirSync(path);
    return path;
  };

  before(function () {
    temp = mkdtempSync(join(tmpdir(), 'postmortem-cli-robust-'));
  });
  after(function () {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('reports 150,000 findings in one file without overflowing the stack', function () {
    this.timeout(300_000);
    const dir = folder();
    writeFileSync(join(dir, 'postmortem.md'), '##a\n'.repeat(150_000));
    // A long deadline: this test is about the size of the report, not about the per-file deadline.
    const run = cli(['--format', 'json', '--timeout', '280', 'postmortem.md'], dir, 290_000);
    assert.doesNotMatch(run.stderr, /internal error|Maximum call stack/);
    const problems = JSON.parse(run.stdout) as { ruleId: string }[];
    assert.equal(problems.filter((p) => p.ruleId === 'heading-space').length, 150_000);
  });

  describe('--fix keeps the file as it was outside its edits', function () {
    it('keeps bytes that are not UTF-8 exactly', function () {
      const dir = folder();
      const bytes = Buffer.concat([
        Buffer.from('# Postmortem: caf'),
        Buffer.from([0xe9, 0x20, 0xff, 0xc3]),
        HEADING_SPACE.subarray(HEADING_SPACE.indexOf('\n')),
      ]);
      writeFileSync(join(dir, 'postmortem.md'), bytes);
      const run = cli(['--fix', 'postmortem.md'], dir);
      assert.match(run.stderr, /Fixed 1 problem in 1 file/, run.stderr);
      assert.deepEqual(readFileSync(join(dir, 'postmortem.md')), fixedHeading(bytes));
    });

    it('keeps the mode bits and the owner', function () {
      const dir = folder();
      const file = join(dir, 'postmortem.md');
      writeFileSync(file, HEADING_SPACE);
      chmodSync(file, 0o664);
      const owner = process.getuid?.() === 0;
      if (owner) chownSync(file, 4321, 4322);
      const result = spawnSync('sh', ['-c', `umask 022 && exec "${process.execPath}" "${CLI}" --fix postmortem.md`], { cwd: dir, encoding: 'utf8' });
      assert.match(result.stderr, /Fixed 1 problem/, result.stderr);
      const stats = statSync(file);
      assert.equal(stats.mode & 0o7777, 0o664);
      if (owner) assert.deepEqual([stats.uid, stats.gid], [4321, 4322]);
      assert.deepEqual(readFileSync(file), fixedHeading(HEADING_SPACE));
    });

    it('writes in place when the file has other hard links', function () {
      const dir = folder();
      writeFileSync(join(dir, 'postmortem.md'), HEADING_SPACE);
      linkSync(join(dir, 'postmortem.md'), join(dir, 'other-name.md'));
      const inode = statSync(join(dir, 'postmortem.md')).ino;
      cli(['--fix', 'postmortem.md'], dir);
      assert.equal(statSync(join(dir, 'postmortem.md')).ino, inode);
      assert.deepEqual(readFileSync(join(dir, 'other-name.md')), fixedHeading(HEADING_SPACE));
    });

    it('refuses a read-only file with a message and exit code 2', function () {
      const dir = folder();
      const file = join(dir, 'postmortem.md');
      writeFileSync(file, HEADING_SPACE);
      chmodSync(file, 0o444);
      const run = cli(['--fix', 'postmortem.md'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /postmortem\.md: the file is read-only \(mode 0444\): not fixed/);
      assert.match(run.stdout, /\[heading-space\]/, 'its problems are still listed');
      assert.deepEqual(readFileSync(file), HEADING_SPACE);
      assert.equal(statSync(file).mode & 0o7777, 0o444);
    });

    it('in a folder, never writes through a symbolic link to outside it, nor to a file that is not Markdown', function () {
      const dir = folder();
      mkdirSync(join(dir, 'outside'));
      mkdirSync(join(dir, 'postmortems'));
      const script = Buffer.from('#!/bin/sh\n# Postmortem\n##Issue Summary\necho hello\n');
      writeFileSync(join(dir, 'outside', 'victim.sh'), script);
      writeFileSync(join(dir, 'outside', 'real-postmortem.md'), HEADING_SPACE);
      symlinkSync('../outside/victim.sh', join(dir, 'postmortems', 'incident-notes.md'));
      symlinkSync('../outside/real-postmortem.md', join(dir, 'postmortems', 'linked-postmortem.md'));
      writeFileSync(join(dir, 'postmortems', 'own-postmortem.md'), HEADING_SPACE);
      const run = cli(['--fix', 'postmortems'], dir);
      assert.deepEqual(readFileSync(join(dir, 'outside', 'victim.sh')), script);
      assert.deepEqual(readFileSync(join(dir, 'outside', 'real-postmortem.md')), HEADING_SPACE);
      assert.deepEqual(readFileSync(join(dir, 'postmortems', 'own-postmortem.md')), fixedHeading(HEADING_SPACE));
      assert.match(run.stderr, /skipped postmortems\/incident-notes\.md: a symbolic link to .*victim\.sh, outside the folder searched/);
      // Named on purpose, a link to a script is still checked but never written.
      const named = cli(['--fix', 'postmortems/incident-notes.md'], dir);
      assert.equal(named.status, 2);
      assert.match(named.stderr, /not a Markdown file \(\.md or \.markdown\): not fixed/);
      assert.deepEqual(readFileSync(join(dir, 'outside', 'victim.sh')), script);
    });
  });

  it('escapes control characters from document text and file names in text output', function () {
    const dir = folder();
    const evilName = 'evil\npostmortem.md:1:1 error forged [heading-space]\n.md';
    writeFileSync(join(dir, evilName), `# Postmortem\n\n##Issue Summary\u001b[2J\u0007\n`);
    const run = cli(['.'], dir);
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f]/);
    for (const line of run.stdout.trimEnd().split('\n')) assert.match(line, /^evil\\npostmortem\.md:1:1 error forged \[heading-space\]\\n\.md:\d+:\d+ /, line);
    assert.match(run.stdout, /"##Issue Summary\\x1B\[2J\\x07" is not a heading/);
  });

  it('takes profile names as own properties only (constructor, __proto__, toString)', function () {
    const dir = folder();
    writeFileSync(join(dir, 'postmortem.md'), HEADING_SPACE);
    for (const name of ['constructor', '__proto__', 'toString']) {
      const run = cli(['--profile', name, 'postmortem.md'], dir);
      assert.equal(run.status, 2, name);
      assert.match(run.stderr, new RegExp(`Unknown profile "${name}"`));
    }
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ profile: 'constructor' }));
    const run = cli(['--format', 'json', 'postmortem.md'], dir);
    const problems = JSON.parse(run.stdout) as { ruleId: string; message: string }[];
    assert.ok(
      problems.some((p) => p.ruleId === 'config-invalid' && /Unknown profile "constructor"/.test(p.message)),
      run.stdout,
    );
    writeFileSync(join(dir, '.postmortemrc.json'), '{ "profile": "__proto__", "profiles": { "__proto__": { "extends": "google-sre" } } }');
    const custom = JSON.parse(cli(['--format', 'json', 'postmortem.md'], dir).stdout) as { ruleId: string; message: string }[];
    assert.ok(!custom.some((p) => p.ruleId === 'config-invalid'), JSON.stringify(custom));
    assert.ok(
      custom.some((p) => p.ruleId === 'section-missing' && /"Lessons Learned" section is missing \(__proto__ profile\)/.test(p.message)),
      'the profile named __proto__ (extending google-sre) is used',
    );
  });

  it('checks a file whose name is not valid UTF-8, found in a folder or named', function () {
    const dir = folder();
    const name = Buffer.concat([Buffer.from(join(dir, 'postmortem-')), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]);
    writeFileSync(name, HEADING_SPACE);
    writeFileSync(join(dir, 'second-postmortem.md'), HEADING_SPACE);
    const walked = cli(['.'], dir);
    assert.equal(walked.status, 1, walked.stderr);
    assert.match(walked.stdout, /^postmortem-\\xFF\\xFE\.md:3:1 error .*\[heading-space\]$/m);
    assert.match(walked.stdout, /^second-postmortem\.md:3:1 /m);
    const named = spawnSync(process.execPath, [CLI, '--fix', name.subarray(dir.length + 1) as unknown as string], { cwd: dir, encoding: 'utf8' });
    assert.match(named.stderr, /Fixed 1 problem in 1 file/, named.stderr);
    assert.deepEqual(readFileSync(name), fixedHeading(HEADING_SPACE));
  });

  it('takes everything after -- as a path: a file named --fix is checked, not obeyed', function () {
    const dir = folder();
    writeFileSync(join(dir, '--fix'), HEADING_SPACE);
    const run = cli(['--', '--fix'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^--fix:3:1 error .*\[heading-space\]$/m);
    assert.deepEqual(readFileSync(join(dir, '--fix')), HEADING_SPACE, 'nothing was fixed');
  });

  it('answers a pathological file at the deadline with one information problem, and checks the others', function () {
    const dir = folder();
    writeFileSync(join(dir, 'links-postmortem.md'), '[a]('.repeat(262_144));
    writeFileSync(join(dir, 'postmortem.md'), HEADING_SPACE);
    const started = Date.now();
    const run = cli(['--format', 'json', '--timeout', '2', 'links-postmortem.md', 'postmortem.md'], dir);
    assert.ok(Date.now() - started < 30_000, 'bounded time');
    const problems = JSON.parse(run.stdout) as { file: string; ruleId: string; severity: string; message: string }[];
    const slow = problems.filter((p) => p.file === 'links-postmortem.md');
    assert.deepEqual(
      slow.map((p) => [p.ruleId, p.severity]),
      [['document-too-complex', 'info']],
    );
    assert.match(slow[0].message, /^Too complex to check: the file took longer than 2 s/);
    assert.ok(problems.some((p) => p.file === 'postmortem.md' && p.ruleId === 'heading-space'));
    assert.equal(run.status, 1);
  });

  it('reports and skips FIFOs, folder loops, dangling links and missing files; never hangs', function () {
    const dir = folder();
    mkdirSync(join(dir, 'postmortems'));
    writeFileSync(join(dir, 'postmortems', 'a-postmortem.md'), HEADING_SPACE);
    symlinkSync('..', join(dir, 'postmortems', 'loop'));
    symlinkSync('gone.md', join(dir, 'postmortems', 'dangling-postmortem.md'));
    const fifo = spawnSync('mkfifo', [join(dir, 'postmortems', 'pipe-postmortem.md')]);
    assert.equal(fifo.status, 0, 'mkfifo');
    const run = cli(['postmortems', 'postmortems/pipe-postmortem.md', 'missing-postmortem.md'], dir, 30_000);
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^postmortems\/a-postmortem\.md:3:1 error /m);
    assert.match(run.stderr, /postmortem-lint: cannot read postmortems\/pipe-postmortem\.md: not a regular file/);
    assert.match(run.stderr, /skipped postmortems\/dangling-postmortem\.md: a symbolic link to nothing/);
    assert.match(run.stderr, /No such file or folder: missing-postmortem\.md/);
    assert.match(run.stderr, / in 1 file\n$/);
    assert.deepEqual(readdirSync(join(dir, 'postmortems')).sort(), ['a-postmortem.md', 'dangling-postmortem.md', 'loop', 'pipe-postmortem.md']);
  });

  it('checks files in parallel and prints them in the order given', function () {
    const dir = folder();
    const names: string[] = [];
    for (let i = 0; i < 24; i++) {
      const name = `postmortem-${String(i).padStart(2, '0')}.md`;
      // Sizes vary so that files finish out of order.
      writeFileSync(join(dir, name), Buffer.concat([HEADING_SPACE, Buffer.from('\nMore words here.\n'.repeat(((i * 37) % 11) * 30))]));
      names.push(name);
    }
    const serial = cli(['--jobs', '1', ...names.reverse()], dir);
    const parallel = cli(['--jobs', '3', ...names], dir);
    assert.equal(parallel.stdout, serial.stdout);
    const files = [
      ...new Set(
        parallel.stdout
          .trimEnd()
          .split('\n')
          .map((line) => line.split(':')[0]),
      ),
    ];
    assert.deepEqual(files, names);
  });
});
