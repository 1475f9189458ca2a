// Files checked in parallel on worker threads, one file at a time per worker, each with a
// deadline: a worker that takes longer (a parse that is super-linear on its input) is stopped and
// replaced, and the file gets one information problem instead of a hang. Results are handed on in
// the order the files were given, whatever order they finish in.
import { Worker } from 'node:worker_threads';
import type { CheckResult, CheckTask } from './check';

export const WORKER_ROLE = 'postmortem-lint-check';
/** What a worker posts once it has loaded, before any result. */
export const READY = 'ready';

/** How far past the oldest unfinished file the pool may run ahead (bounds the results held). */
const MAX_AHEAD = 512;

/** Workers that die before answering anything, in a row: past this the run stops instead of respawning forever. */
const MAX_FAILED_STARTS = 3;

interface Slot {
  worker: Worker;
  /** Consecutive workers of this slot that failed before they were ready. */
  failedStarts: number;
  /** The worker has loaded: the deadline of a file counts from here, not from a slow start. */
  ready: boolean;
  task?: CheckTask;
  timer?: NodeJS.Timeout;
}

export interface PoolOptions {
  /** The script a worker runs (the bundled CLI, which knows its worker role). */
  script: string;
  size: number;
  timeoutMs: number;
}

/** Runs every task; `onResult` is called once per task, in task order. */
export function runChecks(tasks: CheckTask[], options: PoolOptions, onResult: (task: CheckTask, result: CheckResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = new Map<number, CheckResult>();
    let nextToDispatch = 0;
    let nextToReport = 0;
    let closed = false;
    const slots: Slot[] = [];

    const report = () => {
      try {
        while (done.has(nextToReport)) {
          const result = done.get(nextToReport)!;
          done.delete(nextToReport);
          onResult(tasks[nextToReport], result);
          nextToReport++;
        }
      } catch (error) {
        finish(error);
        return;
      }
      if (nextToReport === tasks.length) finish();
    };

    const finish = (error?: unknown) => {
      if (closed) return;
      closed = true;
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        void slot.worker.terminate();
      }
      if (error) reject(error);
      else resolve();
    };

    const settle = (slot: Slot, result: CheckResult) => {
      const task = slot.task!;
      if (slot.timer) clearTimeout(slot.timer);
      slot.task = undefined;
      slot.timer = undefined;
      done.set(task.index, result);
      report();
      for (const idle of slots) if (!idle.task) dispatch(idle);
    };

    const replace = (slot: Slot) => {
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
      slot.worker = spawn(slot);
    };

    const spawn = (slot: Slot): Worker => {
      slot.ready = false;
      const worker = new Worker(options.script, {
        workerData: { role: WORKER_ROLE },
        // A parse that eats memory fails this file alone instead of the whole run.
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
        stdout: false,
        stderr: false,
      });
      let answered = false;
      const failedToStart = (error: unknown) => {
        if (answered) return false;
        if (++slot.failedStarts < MAX_FAILED_STARTS) return false;
        finish(new Error(`the checking worker could not start: ${error instanceof Error ? error.message : String(error)}`));
        return true;
      };
      worker.on('message', (result: CheckResult | typeof READY) => {
        answered = true;
        slot.failedStarts = 0;
        if (result === READY) {
          if (slot.worker !== worker) return;
          slot.ready = true;
          if (!slot.task) dispatch(slot);
          return;
        }
        if (slot.worker === worker && slot.task) settle(slot, result);
      });
      worker.on('error', (error) => {
        if (slot.worker !== worker || closed) return;
        if (failedToStart(error)) return;
        const task = slot.task;
        replace(slot);
        if (task) {
          slot.task = task;
          settle(slot, { kind: 'failed', message: `internal error while checking ${task.shown}: ${error instanceof Error ? error.message : String(error)}` });
        }
      });
      worker.on('exit', (code) => {
        if (slot.worker !== worker || closed) return;
        if (failedToStart(`exit code ${code}`)) return;
        const task = slot.task;
        slot.worker = spawn(slot);
        if (task) {
          slot.task = task;
          settle(slot, { kind: 'failed', message: `internal error while checking ${task.shown}: the worker stopped` });
        }
      });
      return worker;
    };

    const dispatch = (slot: Slot) => {
      if (closed || !slot.ready || slot.task || nextToDispatch >= tasks.length || nextToDispatch >= nextToReport + MAX_AHEAD) return;
      const task = tasks[nextToDispatch++];
      slot.task = task;
      slot.timer = setTimeout(() => {
        if (slot.task !== task) return;
        replace(slot);
        const seconds = options.timeoutMs / 1000;
        const message = `Too complex to check: the file took longer than ${seconds} s (its Markdown is pathological for the parser); it was not checked.`;
        settle(slot, {
          kind: 'checked',
          invalidUtf8: false,
          problems: [{ file: task.shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', ruleId: 'document-too-complex', message }],
        });
      }, options.timeoutMs);
      slot.worker.postMessage(task);
    };

    if (!tasks.length) {
      resolve();
      return;
    }
    const size = Math.max(1, Math.min(options.size, tasks.length));
    for (let i = 0; i < size; i++) {
      const slot = { task: undefined, timer: undefined, failedStarts: 0, ready: false } as unknown as Slot;
      slot.worker = spawn(slot);
      slots.push(slot);
    }
  });
}
