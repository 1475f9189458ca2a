// UI test of the timeline preview in a real VS Code (the VS Code server from code-server, in
// Debian's chromium through playwright-core), the repository loaded as the development extension:
// the command opens the panel beside the editor, the webview shows the entries, a click selects
// the entry's line, and screenshots in a dark and a light theme go to test-results/.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/preview.test.js
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';

type Harness = typeof import('../../scripts/vscode-server.mjs');
type RunDirs = import('../../scripts/vscode-server.mjs').RunDirs;
type VsCodeServer = import('../../scripts/vscode-server.mjs').VsCodeServer;

const FIXTURE = 'timeline-preview-postmortem.md';

function findRepo(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'postmortem-lint') return dir;
    if (dirname(dir) === dir) throw new Error(`no postmortem-lint package.json above ${start}`);
  }
}

async function runCommand(page: Page, label: string, pick = label): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Switches the theme through the workspace settings file (VS Code applies it live). */
function setTheme(workspace: string, theme: string): void {
  const file = join(workspace, '.vscode', 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...settings, 'workbench.colorTheme': theme }, null, 2));
}

describe('UI: timeline preview in a real VS Code', function () {
  this.timeout(Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000));

  let h: Harness;
  let repo: string;
  let results: string;
  let dirs: RunDirs | undefined;
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let webview: FrameLocator;
  let workspace: string;

  before(async () => {
    repo = findRepo(__dirname);
    results = join(repo, 'test-results');
    mkdirSync(results, { recursive: true });
    h = (await import(pathToFileURL(join(repo, 'scripts', 'vscode-server.mjs')).href)) as Harness;
    h.ensureSetup();
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/preview/preview.js', 'dist/preview/preview.css']) {
      assert.ok(existsSync(join(repo, f)), `${f} missing: run node esbuild.mjs`);
    }
    dirs = h.makeRunDirs('pm-ui-preview-');
    workspace = h.copyWorkspace(dirs);
    server = await h.startServer(dirs);
    browser = await h.launchBrowser();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on('pageerror', (e) => h.log('page error:', e.message));
    // The development extension, not a .vsix: a packaged one may predate the preview.
    await page.goto(h.workbenchUrl(server, workspace, { extensionDevelopmentPath: repo }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 90_000 });
    if (await page.locator('.part.auxiliarybar').isVisible()) {
      await runCommand(page, 'View: Hide Secondary Side Bar').catch((e) => h.log(`could not hide the secondary side bar: ${e}`));
    }
    webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const file = join(results, `ui-preview-failure-${Date.now()}.png`);
      await page.screenshot({ path: file }).catch(() => undefined);
      h?.log(`failure screenshot: ${file}`);
      if (dirs) h?.log(`server log tail:\n${h.tail(dirs.log)}`);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    server?.stop();
    await new Promise((r) => setTimeout(r, 1700)); // let the process group go before its folders
    if (dirs) h?.removeRunDirs(dirs);
  });

  it('opens the panel beside the editor with the entries of the document', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(FIXTURE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FIXTURE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab', { hasText: FIXTURE }).first().waitFor();
    // The server has linted it (the title button appears only for postmortems).
    await page.locator('.editor-group-container .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });

    await runCommand(page, 'Postmortem: Open Timeline Preview to the Side');
    await page.locator('.editor-group-container .tab', { hasText: `Timeline: ${FIXTURE}` }).waitFor({ timeout: 30_000 });
    await webview.locator('li.entry').first().waitFor({ timeout: 30_000 });
    const fixture = readFileSync(join(repo, 'test', 'fixtures', 'workspace', 'incidents', FIXTURE), 'utf8');
    const expected = fixture.split('\n').filter((l) => /^- \d\d:\d\d UTC:/.test(l)).map((l) => l.slice(2, 11));
    assert.deepEqual(await webview.locator('li.entry .stamp').allTextContents(), expected);
    assert.equal(await webview.locator('header .window').textContent(), 'Incident window 2024-06-03 22:00 UTC → 2024-06-04 03:30 UTC · 5 h 30 min');
    assert.equal(await page.locator('.editor-group-container').count(), 2, 'the panel is in its own group beside the editor');
  });

  it('selects the entry line when an entry is clicked', async () => {
    await webview.locator('li.entry', { hasText: '00:40 UTC' }).click();
    const fixture = readFileSync(join(repo, 'test', 'fixtures', 'workspace', 'incidents', FIXTURE), 'utf8').split('\n');
    const line = fixture.findIndex((l) => l.startsWith('- 00:40 UTC')) + 1;
    // The status bar shows the cursor and the selection size: the whole line is selected.
    const status = page.locator('.statusbar-item[id="status.editor.selection"]');
    await status.filter({ hasText: `Ln ${line},` }).waitFor({ timeout: 30_000 });
    assert.match((await status.textContent())!, new RegExp(`\\(${fixture[line - 1].length} selected\\)`));
    // And the cursor on that line highlights the entry back in the panel.
    await webview.locator('li.entry.active', { hasText: '00:40 UTC' }).waitFor({ timeout: 30_000 });
  });

  for (const [theme, workbenchClass, webviewClass, file] of [
    ['Dark 2026', 'vs-dark', 'vscode-dark', 'ui-preview-dark.png'],
    ['Light 2026', 'vs', 'vscode-light', 'ui-preview-light.png'],
    ['Default High Contrast', 'hc-black', 'vscode-high-contrast', 'ui-preview-high-contrast.png'],
  ]) {
    it(`follows the ${theme} theme`, async () => {
      setTheme(workspace, theme);
      await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
      await webview.locator(`body.${webviewClass}`).waitFor({ timeout: 30_000 });
      await webview.locator('li.entry').first().waitFor();
      await page.screenshot({ path: join(results, file) });
    });
  }
});
