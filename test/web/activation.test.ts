// The extension runs in the browser extension host from its `browser` entry: a web worker, no Node.
import * as vscode from 'vscode';
import { EXTENSION_ID, equal, ok, openFixture } from './helpers';

describe('web extension host: activation', () => {
  it('runs in a web worker, not in Node', () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind is Web');
    const global = globalThis as { process?: unknown; navigator?: unknown; importScripts?: unknown };
    equal(typeof global.process, 'undefined', 'no Node `process` global in the web extension host');
    ok(global.navigator, 'a `navigator` global exists');
    equal(typeof global.importScripts, 'function', 'the host is a web worker (importScripts exists)');
  });

  it('activates from its browser entry when a Markdown document opens', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    ok(ext, `extension ${EXTENSION_ID} is loaded (extensionDevelopmentPath is the repository)`);
    const browserEntry = (ext.packageJSON as { browser?: unknown }).browser;
    equal(typeof browserEntry, 'string', 'package.json has a "browser" entry');
    await openFixture('incidents/web-postmortem.md');
    const api = (await ext.activate()) as { activationMs?: unknown; serverPid?: () => number | undefined; serverRunning?: () => boolean } | undefined;
    ok(ext.isActive, `${EXTENSION_ID} is active`);
    equal(typeof api?.activationMs, 'number', 'activate() returned the extension API');
    equal(api?.serverRunning?.(), true, 'the language server (a web worker) is running');
    // The server is a web worker, not a process: it has no pid.
    equal(api?.serverPid?.(), undefined, 'no language-server process in the browser');
    // In the web host only the `browser` entry can load; `main` (Node) would have failed to start.
    equal(ext.extensionKind, vscode.ExtensionKind.UI, 'a web-worker extension runs on the UI side');
  });
});
