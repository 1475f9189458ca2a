// Shared by scripts/run-vscode-tests.mjs and test/ui/*.test.ts: the VS Code server from the npm
// package code-server (run with Node 24), and Debian's chromium driven by playwright-core.
// Facts and flags: ../shared/REAL-VSCODE.md. Everything here fails loudly; nothing is skipped.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_VERSION = process.env.POSTMORTEM_NODE_VERSION || '24.21.0';
export const CODE_SERVER_VERSION = process.env.POSTMORTEM_CODE_SERVER_VERSION || '4.139.1';
export const CACHE = process.env.POSTMORTEM_CACHE || join(homedir(), '.cache', 'postmortem-vscode');
export const NODE24 = join(CACHE, `node-${NODE_VERSION}`, 'bin', 'node');
export const CODE_SERVER = join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
export const CHROMIUM = process.env.POSTMORTEM_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function log(...args) {
  console.error('[vscode]', ...args);
}

/** Runs scripts/setup-vscode.sh (idempotent; instant when cached) unless told not to. */
export function ensureSetup() {
  if (process.env.POSTMORTEM_SKIP_SETUP !== '1') {
    try {
      execFileSync('bash', [join(REPO, 'scripts', 'setup-vscode.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      // The script has said what failed and how to retry.
      process.exit(1);
    }
  }
  for (const [what, path] of [
    ['Node 24', NODE24],
    ['code-server', join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js')],
    ['chromium', CHROMIUM],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} not found at ${path}: run scripts/setup-vscode.sh`);
  }
}

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** A fresh temporary folder for one run, with the sub-folders the server and browser need. */
export function makeRunDirs(prefix = 'pm-vscode-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    serverData: join(root, 'server-data'),
    extensions: join(root, 'extensions'),
    xdg: join(root, 'xdg-config'),
    workspace: join(root, 'workspace'),
    log: join(root, 'server.log'),
  };
  for (const d of [dirs.userData, dirs.serverData, dirs.extensions, dirs.xdg]) mkdirSync(d, { recursive: true });
  return dirs;
}

/** Copies the fixture workspace fresh (the editor may save files). */
export function copyWorkspace(dirs, from = join(REPO, 'test', 'fixtures', 'workspace')) {
  if (!existsSync(from)) throw new Error(`fixture workspace missing: ${from}`);
  cpSync(from, dirs.workspace, { recursive: true });
  return dirs.workspace;
}

function serverEnv(dirs) {
  const env = { ...process.env, XDG_CONFIG_HOME: dirs.xdg, PATH: `${dirname(NODE24)}:${process.env.PATH}` };
  // Variables of an outer VS Code / Electron would confuse the server.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return env;
}

/** Installs a .vsix into the run's extensions dir with the server's own CLI. */
export function installVsix(dirs, vsix) {
  const out = execFileSync(
    NODE24,
    [
      join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js'),
      '--accept-server-license-terms',
      '--user-data-dir',
      dirs.userData,
      '--server-data-dir',
      dirs.serverData,
      '--extensions-dir',
      dirs.extensions,
      '--install-extension',
      vsix,
      '--force',
    ],
    { env: serverEnv(dirs), encoding: 'utf8', timeout: 120_000 },
  );
  log(out.trim());
}

/**
 * Starts the VS Code server in its own process group (detached = setsid), waits for GET /version.
 * Returns { port, url, pid, stop() }.
 */
export async function startServer(dirs) {
  const port = await freePort();
  const logStream = createWriteStream(dirs.log);
  const child = spawn(
    NODE24,
    [
      join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-workspace-trust',
      '--disable-telemetry',
      '--user-data-dir',
      dirs.userData,
      '--server-data-dir',
      dirs.serverData,
      '--extensions-dir',
      dirs.extensions,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv(dirs) },
  );
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const pid = child.pid;
  const stop = () => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {}
    // Whatever ignores SIGTERM (file watchers, language servers) goes with SIGKILL.
    setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
    }, 1500).unref();
  };
  /** Stops the whole process group and resolves once no process of it is left (SIGKILL after 1.5 s). */
  const stopAndWait = async () => {
    stop();
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        process.kill(-pid, 0);
      } catch {
        return; // ESRCH: the group is gone
      }
      if (Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stopSync = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`VS Code server exited early (${JSON.stringify(exited)}):\n${tail(dirs.log)}`);
    try {
      const res = await fetch(`${url}/version`);
      if (res.ok) {
        log(`server up on ${url} (pid ${pid}, commit ${(await res.text()).slice(0, 12)})`);
        break;
      }
    } catch {}
    if (Date.now() > deadline) {
      stopSync();
      throw new Error(`VS Code server did not answer GET /version within 60 s:\n${tail(dirs.log)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, url, pid, stop, stopAndWait, stopSync };
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The workbench URL for a folder, optionally with a test payload (extension development + tests). */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://remote${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://remote${extensionTestsPath}`]);
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Launches Debian's chromium through playwright-core (fresh profile per launch). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function removeRunDirs(dirs) {
  if (process.env.POSTMORTEM_KEEP_TMP === '1') {
    log(`kept ${dirs.root}`);
    return;
  }
  try {
    rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
  } catch {}
}
