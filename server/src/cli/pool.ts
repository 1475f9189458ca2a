// Files checked in parallel on worker threads, each file with a deadline: a worker that takes
// longer (a parse that is super-linear on its input) is stopped and replaced, and the file gets one
// information problem instead of a hang. Each worker holds its next file before it finishes the one
// in hand, so it never waits on the main thread between files. Results are handed on in the order
// the files were given, whatever order they finish in.
import { Worker } from 'node:worker_threads';
import type { CheckResult, CheckTask } from './check';

export const WORKER_ROLE = 'postmortem-lint-check';
/** What a worker posts once it has loaded, before any result. */
export const READY = 'ready';

/** How far past the oldest unfinished file the pool may run ahead (bounds the results held). */
const MAX_AHEAD = 512;

/** Files a worker holds at once: the one in hand and the next, so that it never idles between files. */
const IN_FLIGHT = 2;

/** Workers that die before answering anything, in a row: past this the run stops instead of respawning forever. */
const MAX_FAILED_STARTS = 3;

interface Slot {
  worker: Worker;
  /** Consecutive workers of this slot that failed before they were ready. */
  failedStarts: number;
  /** The worker has loaded: the deadline of a file counts from here, not from a slow start. */
  ready: boolean;
  /** Files sent to this worker and not answered yet, in the order sent: the first is in hand. */
  queue: CheckTask[];
  /** The deadline of the file in hand. */
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
    /** Files taken back from a worker that was replaced before it reached them: sent again first. */
    const returned: CheckTask[] = [];
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

    /** The deadline of the file a worker has in hand, counted from when it starts on it. */
    const startTimer = (slot: Slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      const task = slot.queue[0];
      if (!task || !slot.ready) return;
      slot.timer = setTimeout(() => {
        if (slot.queue[0] !== task) return;
        replace(slot);
        const seconds = options.timeoutMs / 1000;
        const message = `Too complex to check: the file took longer than ${seconds} s (its Markdown is pathological for the parser); it was not checked.`;
        settle(slot, {
          kind: 'checked',
          invalidUtf8: false,
          problems: [{ file: task.shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', ruleId: 'document-too-complex', message }],
        });
      }, options.timeoutMs);
    };

    /** The file in hand is answered (by its worker or for it): record it, start the next, send more. */
    const settle = (slot: Slot, result: CheckResult) => {
      const task = slot.queue.shift()!;
      done.set(task.index, result);
      startTimer(slot);
      report();
      for (const idle of slots) dispatch(idle);
    };

    /** A new worker for the slot; the files it held but had not started go back to be sent again. */
    const replace = (slot: Slot) => {
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
      takeBack(slot);
      slot.worker = spawn(slot);
    };

    const takeBack = (slot: Slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      returned.push(...slot.queue.splice(1));
      returned.sort((a, b) => a.index - b.index);
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
      /** The worker failed: the file in hand gets the reason, the slot a new worker. */
      const failed = (reason: string) => {
        const task = slot.queue[0];
        takeBack(slot);
        slot.worker = spawn(slot);
        if (task) settle(slot, { kind: 'failed', message: `internal error while checking ${task.shown}: ${reason}` });
        else for (const idle of slots) dispatch(idle);
      };
      worker.on('message', (result: CheckResult | typeof READY) => {
        answered = true;
        slot.failedStarts = 0;
        if (slot.worker !== worker) return;
        if (result === READY) {
          slot.ready = true;
          startTimer(slot);
          dispatch(slot);
          return;
        }
        if (slot.queue.length) settle(slot, result);
      });
      worker.on('error', (error) => {
        if (slot.worker !== worker || closed) return;
        if (failedToStart(error)) return;
        worker.removeAllListeners();
        void worker.terminate();
        failed(error instanceof Error ? error.message : String(error));
      });
      worker.on('exit', (code) => {
        if (slot.worker !== worker || closed) return;
        if (failedToStart(`exit code ${code}`)) return;
        failed('the worker stopped');
      });
      return worker;
    };

    const nextTask = (): CheckTask | undefined => {
      if (returned.length) return returned.shift();
      if (nextToDispatch >= tasks.length || nextToDispatch >= nextToReport + MAX_AHEAD) return undefined;
      return tasks[nextToDispatch++];
    };

    const dispatch = (slot: Slot) => {
      while (!closed && slot.ready && slot.queue.length < IN_FLIGHT) {
        const task = nextTask();
        if (!task) return;
        slot.queue.push(task);
        if (slot.queue.length === 1) startTimer(slot);
        slot.worker.postMessage(task);
      }
    };

    if (!tasks.length) {
      resolve();
      return;
    }
    const size = Math.max(1, Math.min(options.size, tasks.length));
    for (let i = 0; i < size; i++) {
      const slot = { queue: [], timer: undefined, failedStarts: 0, ready: false } as unknown as Slot;
      slot.worker = spawn(slot);
      slots.push(slot);
    }
  });
}
