// The set-up every UI test shares: a fresh copy of the fixture workspace, the VS Code server from
// code-server (scripts/vscode-server.mjs), Debian's chromium through playwright-core, and the
// workbench open on the workspace with the extension loaded; plus the palette and Quick Open steps.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

type Harness = typeof import('../../scripts/vscode-server.mjs');
type RunDirs = import('../../scripts/vscode-server.mjs').RunDirs;
type VsCodeServer = import('../../scripts/vscode-server.mjs').VsCodeServer;

export interface WorkbenchOptions {
  /** Prefix of the run's temporary folder, e.g. 'pm-ui-hover-'. */
  runDirPrefix: string;
  /**
   * 'packaged': the .vsix (POSTMORTEM_VSIX, or the newest *.vsix in the repository root) installed
   * with --install-extension when there is one, else the repository as the development extension.
   * 'development': always the repository, for features an older .vsix may not have.
   */
  extension: 'packaged' | 'development';
  viewport?: { width: number; height: number };
  /** Files written into the workspace copy before the server starts: relative path → text. */
  files?: Record<string, string>;
  /** Repository files the development extension needs besides dist/client.js and dist/server.js. */
  requires?: string[];
}

export interface Workbench {
  page: Page;
  /** The run's copy of test/fixtures/workspace. */
  workspace: string;
  repo: string;
  /** test-results/ in the repository, for screenshots. */
  results: string;
  log(...args: unknown[]): void;
  /** After a failed test: a screenshot and the server log's tail. */
  captureFailure(test: Mocha.Test | undefined, name?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Settings for the run's user (the server keeps them in its --user-data-dir), read before the first
 * layout, unlike the fixture workspace's same settings: with those alone the empty secondary side
 * bar (chat, a third of the width in screenshots) shows for about a second after the explorer
 * appears, and hiding it from the palette in that second waited 30 s for a command that had gone
 * (its precondition is a visible bar).
 */
const USER_SETTINGS = { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none' };

function findRepo(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'postmortem-lint') return dir;
    if (dirname(dir) === dir) throw new Error(`no postmortem-lint package.json above ${start}`);
  }
}

function findVsix(repo: string): string | undefined {
  if (process.env.POSTMORTEM_VSIX) {
    if (!existsSync(process.env.POSTMORTEM_VSIX)) throw new Error(`POSTMORTEM_VSIX=${process.env.POSTMORTEM_VSIX} does not exist`);
    return process.env.POSTMORTEM_VSIX;
  }
  return readdirSync(repo)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => join(repo, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** Starts everything and resolves once the workbench shows the explorer; stops what it started if that fails. */
export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const repo = findRepo(__dirname);
  const results = join(repo, 'test-results');
  mkdirSync(results, { recursive: true });
  // Loaded at run time (ESM, shared with scripts/run-vscode-tests.mjs), not bundled.
  const h = (await import(pathToFileURL(join(repo, 'scripts', 'vscode-server.mjs')).href)) as Harness;
  h.ensureSetup();
  const dirs: RunDirs = h.makeRunDirs(options.runDirPrefix);
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stopAndWait(); // the process group goes before its folders
    h.removeRunDirs(dirs);
  };
  try {
    const workspace = h.copyWorkspace(dirs);
    for (const [file, text] of Object.entries(options.files ?? {})) {
      mkdirSync(dirname(join(workspace, file)), { recursive: true });
      writeFileSync(join(workspace, file), text);
    }
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

    const vsix = options.extension === 'packaged' ? findVsix(repo) : undefined;
    if (vsix) {
      h.log(`installing ${vsix}`);
      h.installVsix(dirs, vsix);
    } else {
      if (options.extension === 'packaged') {
        h.log('no .vsix found (run the package step first to test the artifact): loading the repository as the development extension');
      }
      for (const f of ['dist/client.js', 'dist/server.js', ...(options.requires ?? [])]) {
        assert.ok(existsSync(join(repo, f)), `${f} missing: run node esbuild.mjs`);
      }
    }

    server = await h.startServer(dirs);
    browser = await h.launchBrowser();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1500, height: 900 } });
    page.on('pageerror', (e) => h.log('page error:', e.message));
    await page.goto(h.workbenchUrl(server, workspace, vsix ? {} : { extensionDevelopmentPath: repo }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 90_000 });
    // A look, not a wait: if a VS Code version ignores the setting, the screenshots say so.
    if (await page.locator('.part.auxiliarybar').isVisible()) h.log('the secondary side bar is showing despite the user setting');

    return {
      page,
      workspace,
      repo,
      results,
      log: h.log,
      async captureFailure(test, name = 'ui-failure') {
        if (test?.state !== 'failed') return;
        const file = join(results, `${name}-${Date.now()}.png`);
        await page.screenshot({ path: file }).catch(() => undefined);
        h.log(`failure screenshot: ${file}`);
        h.log(`server log tail:\n${h.tail(dirs.log)}`);
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Registers a suite's hooks: the workbench opened before its tests, a screenshot named
 * `<failureScreenshot>-<time>.png` after each failed one, everything closed after them. The object
 * returned is filled in by the before hook.
 */
export function useWorkbench(options: WorkbenchOptions & { failureScreenshot?: string }): Workbench {
  const wb = {} as Workbench;
  before(async () => {
    Object.assign(wb, await openWorkbench(options));
  });
  afterEach(async function () {
    await wb.captureFailure?.(this.currentTest, options.failureScreenshot);
  });
  after(async () => {
    await wb.close?.();
  });
  return wb;
}

/** Runs a command from the palette (F1): types `label`, waits for the row showing `pick`, Enter. */
export async function runCommand(page: Page, label: string, pick = label): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container .tab', { hasText: fileName }).first().waitFor();
}
