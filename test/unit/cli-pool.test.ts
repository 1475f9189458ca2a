// The worker pool on its own, with stand-in worker scripts: a worker that never answers is
// stopped at the deadline (each file gets one information problem) and a worker that cannot
// start ends the run with an error instead of being respawned forever.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks } from '../../server/src/cli/pool';
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

describe('CLI worker pool', function () {
  this.timeout(30_000);
  let temp: string;
  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'postmortem-pool-'));
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('answers a file whose worker hangs with document-too-complex at the deadline, in order', async () => {
    const script = join(temp, 'hang.js');
    // Ready, then answers only even files: odd ones hang until stopped.
    writeFileSync(
      script,
      "const { parentPort } = require('node:worker_threads'); parentPort.postMessage('ready');" +
        "parentPort.on('message', (t) => { if (t.index % 2 === 0) parentPort.postMessage({ kind: 'checked', problems: [], invalidUtf8: false }); else for (;;) {} });",
    );
    const seen: [number, CheckResult][] = [];
    await runChecks([0, 1, 2, 3, 4].map(task), { script, size: 2, timeoutMs: 300 }, (t, result) => seen.push([t.index, result]));
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

  it('ends the run with an error when workers cannot start', async () => {
    const script = join(temp, 'broken.js');
    writeFileSync(script, "throw new Error('cannot load');");
    await assert.rejects(
      runChecks([0, 1, 2].map(task), { script, size: 1, timeoutMs: 5_000 }, () => undefined),
      /the checking worker could not start: cannot load/,
    );
  });
});
