// The language server in a web worker, for VS Code in the browser (vscode.dev, github.dev). The
// same service and router as on Node; there is no file system here, so no `.postmortemrc.json` is
// read (settings alone configure it) and no `readFile`: the workspace check answers that it cannot
// read files that are not open, and the client says so. Lints run in nested workers with a
// deadline (webLintPool.ts), started from this same script, which then only lints.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './startServer';
import { lazyWebLint, serveWebLint, WEB_LINT_WORKER_FLAG } from './webLintPool';

/** How long one document's lint may take before it is reported as too complex (as on Node). */
const LINT_DEADLINE_MS = 10_000;
/** Lint workers: one document past its deadline still leaves one for the others. */
const LINT_WORKERS = 2;

// The worker global scope, typed as the reader, the writer and the lint pool want it (the project has no WebWorker lib).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] &
  Parameters<typeof lazyWebLint>[0] &
  Parameters<typeof serveWebLint>[0] &
  Record<string, unknown>;

if (self[WEB_LINT_WORKER_FLAG] === true) serveWebLint(self);
else {
  const webLint = lazyWebLint(self, { size: LINT_WORKERS, deadlineMs: LINT_DEADLINE_MS });
  startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), {
    findConfig: () => undefined,
    configExists: () => false,
    forgetConfigs: () => undefined,
    // The client passes the extension's own docs folder; this is only a fallback.
    ruleDocsBaseUri: '',
    lint: webLint.lint,
    clientInitialized: (params) => webLint.start((params.initializationOptions as { webWorkerScript?: unknown } | undefined)?.webWorkerScript),
  });
}
