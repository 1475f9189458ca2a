// Lint on worker threads with a deadline (Node only): micromark is super-linear on some inputs
// (a megabyte of `[a](`, a list nested thousands deep), so one such document must not block the
// server. Each lint runs on one of a few long-lived workers; one that passes the deadline is
// stopped and replaced, and its document gets a notice instead, while the other workers go on
// answering the other documents. The worker runs the same bundle (server.ts knows its role).
import { Worker } from 'node:worker_threads';
import type { LintOptions } from './core/lint';
import { lintOutcome, type LintOutcome, type LintRunner } from './lintRunner';
import { createLintSlots, type LintSlots } from './lintSlots';

export const LINT_WORKER_ROLE = 'postmortem-lint-worker';

export interface LintPool {
  lint: LintRunner;
  dispose(): Promise<void>;
}

/** `size` workers running `script` (the server bundle); a lint past `deadlineMs` is abandoned. */
export function createLintPool(options: { script: string; size: number; deadlineMs: number }): LintPool {
  let disposed = false;
  const start = (): Worker => {
    const worker = new Worker(options.script, {
      workerData: { role: LINT_WORKER_ROLE },
      // A parse that eats memory fails its document alone, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on('message', (outcome: LintOutcome) => slots.answer(worker, outcome));
    const lost = (why: string) => {
      if (!disposed) slots.lost(worker, { kind: 'failed', message: why });
    };
    worker.on('error', (error) => lost(error instanceof Error ? error.message : String(error)));
    worker.on('exit', () => lost('the lint worker stopped'));
    return worker;
  };
  const slots: LintSlots<Worker> = createLintSlots({
    ...options,
    start,
    post: (worker, job) => worker.postMessage({ text: job.text, options: job.options }),
    stop(worker) {
      worker.removeAllListeners();
      void worker.terminate();
    },
  });

  return {
    lint: slots.lint,
    async dispose() {
      disposed = true;
      for (const job of slots.close()) job.resolve({ kind: 'failed', message: 'the server is stopping' });
      await Promise.all(slots.workers().map((worker) => worker.terminate()));
    },
  };
}

/** The worker's side: lint what the server posts, post back the outcome. */
export function serveLint(port: {
  on(event: 'message', listener: (job: { text: string; options: LintOptions }) => void): void;
  postMessage(value: unknown): void;
}): void {
  port.on('message', ({ text, options }) => port.postMessage(lintOutcome(text, options)));
}
