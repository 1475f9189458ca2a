// The worker pool on its own, with stand-in worker scripts: a worker that never answers is
// stopped at the deadline (each file gets one information problem), the files it held but had
// not started are checked by its replacement, a worker that cannot start ends the run with an
// error instead of being respawned forever; and with the real worker (dist/cli.js), a file that
// vanished after the folder was walked is reported and the others are checked, in order.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runChecks, type PoolOptions } from '../../server/src/cli/pool';
import type { CheckResult, CheckTask } from '../../server/src/cli/check';

const task = (index: number): CheckTask => ({
  index,
  fsPath: `/nowhere/${index}.md`,
  path: `/nowhere/${index}.md`,
  shown: `${index}.md`,
  fromFolder: false,
  all: false,
  fix: false,
  cwd: '/',
  summarize: false,
});

/** Every result in the order the pool hands them over. */
async function checkAll(tasks: CheckTask[], options: PoolOptions): Promise<[number, CheckResult][]> {
  const seen: [number, CheckResult][] = [];
  await runChecks(tasks, options, (t, result) => seen.push([t.index, result]));
  return seen;
}

describe('CLI worker pool', function () {
  this.timeout(30_000);
  let temp: string;
  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'postmortem-pool-'));
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  /** A stand-in worker that says it is ready, then runs `onTask` (JavaScript over `t`, the task) for each file. */
  const standIn = (name: string, onTask: string): string => {
    const script = join(temp, name);
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads'); parentPort.postMessage('ready'); parentPort.on('message', (t) => { ${onTask} });`,
    );
    return script;
  };
  const CHECKED = "parentPort.postMessage({ kind: 'checked', problems: [], invalidUtf8: false })";

  it('answers a file whose worker hangs with document-too-complex at the deadline, in order', async () => {
    // Answers only even files: odd ones hang until stopped.
    const script = standIn('hang.js', `if (t.index % 2 === 0) ${CHECKED}; else for (;;) {}`);
    const seen = await checkAll([0, 1, 2, 3, 4].map(task), { script, size: 2, timeoutMs: 300 });
    assert.deepEqual(
      seen.map(([index]) => index),
      [0, 1, 2, 3, 4],
    );
    for (const [index, result] of seen) {
      if (index % 2 === 0) assert.deepEqual(result, { kind: 'checked', problems: [], invalidUtf8: false });
      else {
        assert.equal(result.kind, 'checked');
        assert.deepEqual(result.kind === 'checked' && result.problems.map((p) => [p.file, p.ruleId, p.severity]), [
          [`${index}.md`, 'document-too-complex', 'info'],
        ]);
      }
    }
  });

  it('hands the files a stopped worker held but had not started to its replacement, in order', async () => {
    // One worker holds the file in hand and the next: when file 2 hangs, file 3 is already queued on it.
    const script = standIn(
      'hang-on-2.js',
      "if (t.index === 2) for (;;) {} parentPort.postMessage({ kind: 'checked', problems: [], invalidUtf8: false, by: t.index });",
    );
    const seen = await checkAll([0, 1, 2, 3, 4, 5].map(task), { script, size: 1, timeoutMs: 300 });
    assert.deepEqual(
      seen.map(([index, result]) => [index, result.kind === 'checked' ? (result.problems[0]?.ruleId ?? (result as { by?: number }).by) : result.kind]),
      [
        [0, 0],
        [1, 1],
        [2, 'document-too-complex'],
        [3, 3],
        [4, 4],
        [5, 5],
      ],
    );
  });

  it('gives the file in hand the reason when its worker exits, and checks the file queued behind it', async () => {
    const script = standIn('exit-on-1.js', `if (t.index === 1) process.exit(3); ${CHECKED};`);
    const seen = await checkAll([0, 1, 2, 3].map(task), { script, size: 1, timeoutMs: 5_000 });
    assert.deepEqual(
      seen.map(([index, result]) => [index, result.kind]),
      [
        [0, 'checked'],
        [1, 'failed'],
        [2, 'checked'],
        [3, 'checked'],
      ],
    );
    const failed = seen[1][1];
    assert.equal(failed.kind === 'failed' && failed.message, 'internal error while checking 1.md: the worker stopped');
  });

  it('with the real worker, reports a file that vanished after the walk and checks the rest in order', async () => {
    const script = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const files = [0, 1, 2, 3, 4, 5, 6].map((index) => join(temp, `vanish-${index}.md`));
    files.forEach((file, index) => index !== 3 && writeFileSync(file, '# Postmortem\n\n##Summary\n'));
    const tasks = files.map((file, index) => ({ ...task(index), fsPath: file, path: file, shown: `vanish-${index}.md`, cwd: temp }));
    const seen = await checkAll(tasks, { script, size: 2, timeoutMs: 20_000 });
    assert.deepEqual(
      seen.map(([index]) => index),
      [0, 1, 2, 3, 4, 5, 6],
    );
    for (const [index, result] of seen) {
      if (index === 3) assert.deepEqual(result, { kind: 'failed', message: 'cannot read vanish-3.md: ENOENT' });
      else
        assert.ok(result.kind === 'checked' && result.problems.some((p) => p.ruleId === 'heading-space' && p.file === `vanish-${index}.md`), `file ${index}`);
    }
  });

  it('ends the run with an error when workers cannot start', async () => {
    const script = join(temp, 'broken.js');
    writeFileSync(script, "throw new Error('cannot load');");
    await assert.rejects(
      runChecks([0, 1, 2].map(task), { script, size: 1, timeoutMs: 5_000 }, () => undefined),
      /the checking worker could not start: cannot load/,
    );
  });
});
