// Lint on worker threads with a deadline (Node only): micromark is super-linear on some inputs
// (a megabyte of `[a](`, a list nested thousands deep), so one such document must not block the
// server. Each lint runs on one of a few long-lived workers; one that passes the deadline is
// stopped and replaced, and its document gets a notice instead, while the other workers go on
// answering the other documents. The worker runs the same bundle (server.ts knows its role).
import { Worker } from 'node:worker_threads';
import type { LintOptions } from './core/lint';
import { lintOutcome, type LintOutcome, type LintRunner } from './lintRunner';

export const LINT_WORKER_ROLE = 'postmortem-lint-worker';

interface Job {
  text: string;
  options: LintOptions;
  resolve(outcome: LintOutcome): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

export interface LintPool {
  lint: LintRunner;
  dispose(): Promise<void>;
}

/** `size` workers running `script` (the server bundle); a lint past `deadlineMs` is abandoned. */
export function createLintPool(options: { script: string; size: number; deadlineMs: number }): LintPool {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let disposed = false;

  const finish = (slot: Slot, outcome: LintOutcome) => {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    job.resolve(outcome);
    dispatch();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(options.script, {
      workerData: { role: LINT_WORKER_ROLE },
      // A parse that eats memory fails its document alone, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on('message', (outcome: LintOutcome) => {
      if (slot.worker === worker) finish(slot, outcome);
    });
    const lost = (why: string) => {
      if (slot.worker !== worker || disposed) return;
      slot.worker = spawn(slot);
      finish(slot, { kind: 'failed', message: why });
    };
    worker.on('error', (error) => lost(error instanceof Error ? error.message : String(error)));
    worker.on('exit', () => lost('the lint worker stopped'));
    return worker;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job || !queue.length || disposed) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        const worker = slot.worker;
        slot.worker = spawn(slot);
        worker.removeAllListeners();
        void worker.terminate();
        finish(slot, { kind: 'deadline', deadlineMs: options.deadlineMs });
      }, options.deadlineMs);
      slot.worker.postMessage({ text: job.text, options: job.options });
    }
  };

  for (let i = 0; i < Math.max(1, options.size); i++) {
    const slot = {} as Slot;
    slot.worker = spawn(slot);
    slots.push(slot);
  }

  return {
    lint: (text, lintOptions) =>
      new Promise<LintOutcome>((resolve) => {
        queue.push({ text, options: lintOptions, resolve });
        dispatch();
      }),
    async dispose() {
      disposed = true;
      for (const job of queue.splice(0)) job.resolve({ kind: 'failed', message: 'the server is stopping' });
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
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
