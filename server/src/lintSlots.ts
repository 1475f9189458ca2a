// The scheduling both lint pools share (lintPool.ts on Node worker threads, webLintPool.ts on
// nested web workers): a queue of lints, a few slots each holding one worker and at most one lint,
// and a deadline per lint after which its worker is stopped and replaced and the lint is answered
// with the "deadline" outcome. The pools only start, message and stop their kind of worker.
import type { LintOptions } from './core/lint';
import type { LintOutcome } from './lintRunner';

export interface LintJob {
  text: string;
  options: LintOptions;
  resolve(outcome: LintOutcome): void;
}

export interface LintSlots<W> {
  /** Queue a lint; it runs on the first free worker. */
  lint(text: string, options: LintOptions): Promise<LintOutcome>;
  /** `worker` answered its lint. Ignored when `worker` was already replaced. */
  answer(worker: W, outcome: LintOutcome): void;
  /** `worker` was lost: its lint gets `outcome`, and it is replaced unless `replace` is false. */
  lost(worker: W, outcome: LintOutcome, replace?: boolean): void;
  /** No more lints start; the queued ones are handed back to the caller to answer. */
  close(): LintJob[];
  workers(): W[];
}

interface Slot<W> {
  worker: W;
  job?: LintJob;
  timer?: ReturnType<typeof setTimeout>;
}

/** `size` slots of workers made by `start`; a worker that throws while starting stops those already made. */
export function createLintSlots<W>(options: {
  size: number;
  deadlineMs: number;
  start(): W;
  post(worker: W, job: LintJob): void;
  stop(worker: W): void;
}): LintSlots<W> {
  const queue: LintJob[] = [];
  const slots: Slot<W>[] = [];
  let closed = false;
  const slotOf = (worker: W) => slots.find((slot) => slot.worker === worker);

  const finish = (slot: Slot<W>, outcome: LintOutcome) => {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = slot.timer = undefined;
    job.resolve(outcome);
    dispatch();
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job || !queue.length || closed) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        const late = slot.worker;
        slot.worker = options.start();
        options.stop(late);
        finish(slot, { kind: 'deadline', deadlineMs: options.deadlineMs });
      }, options.deadlineMs);
      options.post(slot.worker, job);
    }
  };

  try {
    for (let i = 0; i < Math.max(1, options.size); i++) slots.push({ worker: options.start() });
  } catch (error) {
    for (const slot of slots) options.stop(slot.worker);
    throw error;
  }

  return {
    lint: (text, lintOptions) =>
      new Promise<LintOutcome>((resolve) => {
        queue.push({ text, options: lintOptions, resolve });
        dispatch();
      }),
    answer(worker, outcome) {
      const slot = slotOf(worker);
      if (slot) finish(slot, outcome);
    },
    lost(worker, outcome, replace = true) {
      const slot = slotOf(worker);
      if (!slot) return;
      if (replace && !closed) slot.worker = options.start();
      finish(slot, outcome);
    },
    close() {
      closed = true;
      return queue.splice(0);
    },
    workers: () => slots.map((slot) => slot.worker),
  };
}
