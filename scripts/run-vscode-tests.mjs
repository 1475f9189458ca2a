#!/usr/bin/env node
// Runs the extension-host mocha suite (out/test/extension/index.js) inside a real VS Code: the VS
// Code server from code-server (Node 24) and Debian's chromium via playwright-core. Exits with the
// suite's exit code; any failure to run (no server, no browser, timeout) is a non-zero exit too.
//
//   node scripts/run-vscode-tests.mjs [--tests out/test/extension/index.js] [--workspace test/fixtures/workspace]
// Env: POSTMORTEM_VSCODE_TIMEOUT (seconds, default 600), POSTMORTEM_KEEP_TMP=1, POSTMORTEM_SKIP_SETUP=1,
//      POSTMORTEM_VSCODE_VERBOSE=1 (all workbench logs), POSTMORTEM_TEST_GREP (mocha grep),
//      POSTMORTEM_CACHE (see scripts/setup-vscode.sh).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { REPO, copyWorkspace, ensureSetup, launchBrowser, log, makeRunDirs, removeRunDirs, startServer, tail, workbenchUrl } from './vscode-server.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const testsPath = resolve(REPO, arg('--tests', 'out/test/extension/index.js'));
const fixture = resolve(REPO, arg('--workspace', 'test/fixtures/workspace'));
const timeoutMs = Number(process.env.POSTMORTEM_VSCODE_TIMEOUT || 600) * 1000;
const resultsDir = join(REPO, 'test-results');
const verbose = process.env.POSTMORTEM_VSCODE_VERBOSE === '1';
/** Workbench chatter that says nothing about the suite (shown with POSTMORTEM_VSCODE_VERBOSE=1). */
const NOISE = [
  /^\[(ChatModelSelection|AgentHost|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /No default agent contributed/,
  /getaddrinfo ENOTFOUND/,
];

async function main() {
  const started = Date.now();
  for (const f of [testsPath, join(REPO, 'dist', 'client.js'), join(REPO, 'dist', 'server.js')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run "node esbuild.mjs" first`);
  }
  ensureSetup();
  const dirs = makeRunDirs();
  let server;
  let browser;
  const cleanup = () => {
    server?.stopSync();
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  process.on('SIGTERM', () => {
    cleanup();
    process.exit(143);
  });
  try {
    const workspace = copyWorkspace(dirs, fixture);
    server = await startServer(dirs);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let done;
    const exitCode = new Promise((ok) => (done = ok));
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = Array.isArray(message) ? format(...message) : typeof message === 'string' ? message : JSON.stringify(message);
      if (!verbose && NOISE.some((re) => re.test(text))) return;
      if (level === 'error') process.stderr.write(text + '\n');
      else process.stdout.write(text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (code !== 0 && Array.isArray(logs)) {
        // The extension host's logs, to read after a failure.
        const dir = join(resultsDir, 'vscode-logs');
        mkdirSync(dir, { recursive: true });
        for (const l of logs) {
          if (l && typeof l.relativePath === 'string') {
            const file = join(dir, l.relativePath.replace(/[\\/]/g, '__'));
            writeFileSync(file, typeof l.contents === 'string' ? l.contents : Buffer.from(l.contents ?? []));
          }
        }
        log(`VS Code logs written to ${dir}`);
      }
      done(code);
    });
    page.on('pageerror', (e) => log('page error:', e.message));
    const url = workbenchUrl(server, workspace, { extensionDevelopmentPath: REPO, extensionTestsPath: testsPath });
    log(`opening ${url}`);
    await page.goto(url);
    let timer;
    const timeout = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`no exit code from the extension host within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    let code;
    try {
      code = await Promise.race([exitCode, timeout]);
    } catch (e) {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: join(resultsDir, 'vscode-timeout.png') }).catch(() => {});
      log(`server log tail:\n${tail(dirs.log)}`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
    log(`extension host exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return typeof code === 'number' ? code : 1;
  } finally {
    await browser?.close().catch(() => {});
    // The process group goes before its folders do.
    await server?.stopAndWait();
    removeRunDirs(dirs);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[vscode] FAILED: ${e instanceof Error ? e.stack || e.message : e}`);
    process.exit(2);
  },
);
