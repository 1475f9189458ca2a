// Lint in nested web workers with a deadline (the web worker host, worker.ts): the browser's twin of
// lintPool.ts. A lint runs in one of a few workers started from the server's own script; one that
// passes the deadline is terminated and replaced, and its document gets the "too complex" notice
// while the other worker goes on answering the other documents. Each worker is started from a
// blob that loads the script with importScripts, so the script may be on another origin (as the
// extension's files are in VS Code for the Web), and it marks the worker as a lint worker first.
import type { LintOptions } from './core/lint';
import { lintInProcess, lintOutcome, type LintOutcome, type LintRunner } from './lintRunner';
import { createLintSlots, type LintSlots } from './lintSlots';

/** Set on a nested lint worker's global scope before the script runs (worker.ts reads it). */
export const WEB_LINT_WORKER_FLAG = 'postmortemLintWorker';

/** The worker API this file needs (the project compiles without the DOM lib). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: LintOutcome }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
interface WorkerScope {
  Worker?: new (url: string) => WebWorker;
  Blob?: new (parts: string[], options: { type: string }) => unknown;
  URL: { createObjectURL?(blob: unknown): string };
}

/**
 * A runner on `size` nested workers of `script`, or undefined where nested workers cannot be made
 * (the caller then lints in-process, without a deadline).
 */
export function createWebLintPool(scope: WorkerScope, options: { script: string; size: number; deadlineMs: number }): LintRunner | undefined {
  const { Worker, Blob } = scope;
  if (!Worker || !Blob || !scope.URL.createObjectURL) return undefined;
  const source = `self[${JSON.stringify(WEB_LINT_WORKER_FLAG)}] = true; importScripts(${JSON.stringify(options.script)});`;
  const url = scope.URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
  /** Failures in a row with no answer between them: a script that cannot load fails every worker. */
  let failuresInARow = 0;
  let broken = false;

  const start = (): WebWorker => {
    const worker = new Worker(url);
    worker.onmessage = (event) => {
      failuresInARow = 0;
      slots.answer(worker, event.data);
    };
    worker.onerror = (event) => {
      if (!slots.workers().includes(worker)) return;
      worker.terminate();
      const failed: LintOutcome = { kind: 'failed', message: event.message ?? 'the lint worker failed' };
      if (++failuresInARow < 3) return slots.lost(worker, failed);
      // Never respawn in a loop: lint in-process from now on, without a deadline.
      broken = true;
      for (const job of slots.close()) void lintInProcess(job.text, job.options).then(job.resolve);
      slots.lost(worker, failed, false);
    };
    return worker;
  };
  let slots: LintSlots<WebWorker>;
  try {
    slots = createLintSlots({
      ...options,
      start,
      post: (worker, job) => worker.postMessage({ text: job.text, options: job.options }),
      stop: (worker) => worker.terminate(),
    });
  } catch {
    return undefined;
  }

  return (text, lintOptions) => (broken ? lintInProcess(text, lintOptions) : slots.lint(text, lintOptions));
}

/** The nested worker's side: lint what the server worker posts, post back the outcome. */
export function serveWebLint(scope: {
  onmessage: ((event: { data: { text: string; options: LintOptions } }) => void) | null;
  postMessage(value: unknown): void;
}): void {
  scope.onmessage = ({ data }) => scope.postMessage(lintOutcome(data.text, data.options));
}

/**
 * The runner the web server uses: nested workers once the client has said where the server's
 * script is (initializationOptions.webWorkerScript), in-process until then or where they cannot run.
 */
export function lazyWebLint(scope: WorkerScope, options: { size: number; deadlineMs: number }) {
  let runner: LintRunner = lintInProcess;
  return {
    lint: ((text, lintOptions) => runner(text, lintOptions)) as LintRunner,
    start(script: unknown): void {
      if (typeof script !== 'string' || !script) return;
      try {
        runner = createWebLintPool(scope, { script, ...options }) ?? lintInProcess;
      } catch {
        runner = lintInProcess;
      }
    },
  };
}
