// The language server in a web worker, for VS Code in the browser (vscode.dev, github.dev). The
// same service and router as on Node; there is no file system here, so no `.postmortemrc.json` is
// read (settings alone configure it) and no `readFile`: the workspace check answers that it cannot
// read files that are not open, and the client says so.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './startServer';

// The worker global scope, typed as the reader and writer want it (the project has no WebWorker lib).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), {
  findConfig: () => undefined,
  configExists: () => false,
  forgetConfigs: () => undefined,
  // The client passes the extension's own docs folder; this is only a fallback.
  ruleDocsBaseUri: '',
});
