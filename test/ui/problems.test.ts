// UI test in a real VS Code (the VS Code server from code-server, in Debian's chromium through
// playwright-core): the packaged .vsix installed with --install-extension when one exists
// (POSTMORTEM_VSIX, or the newest *.vsix in the repository root), otherwise the repository loaded
// as the development extension. Squiggles, Problems panel rows with rule ids, a quick fix from
// Ctrl+. (the light bulb menu), and screenshots in test-results/.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/problems.test.js
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

type Harness = typeof import('../../scripts/vscode-server.mjs');
type RunDirs = import('../../scripts/vscode-server.mjs').RunDirs;
type VsCodeServer = import('../../scripts/vscode-server.mjs').VsCodeServer;

const FIXTURE = 'incidents/checkout-db-postmortem.md';

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
  const found = readdirSync(repo)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => join(repo, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0];
}

/** Monaco renders spaces as U+00A0. */
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function problemRows(page: Page): Promise<string[]> {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(norm);
}

async function editorLines(page: Page): Promise<string[]> {
  return (await page.locator('.editor-group-container .monaco-editor .view-lines .view-line').allInnerTexts()).map(norm);
}

describe('UI: squiggles, Problems panel and a quick fix in a real VS Code', function () {
  this.timeout(Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000));

  let h: Harness;
  let repo: string;
  let results: string;
  let dirs: RunDirs | undefined;
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    repo = findRepo(__dirname);
    results = join(repo, 'test-results');
    mkdirSync(results, { recursive: true });
    // Loaded at run time (ESM, shared with scripts/run-vscode-tests.mjs), not bundled.
    h = (await import(pathToFileURL(join(repo, 'scripts', 'vscode-server.mjs')).href)) as Harness;
    h.ensureSetup();
    dirs = h.makeRunDirs('pm-ui-');
    const workspace = h.copyWorkspace(dirs);
    const vsix = findVsix(repo);
    if (vsix) {
      h.log(`installing ${vsix}`);
      h.installVsix(dirs, vsix);
    } else {
      h.log('no .vsix found (run the package step first to test the artifact): loading the repository as the development extension');
      for (const f of ['dist/client.js', 'dist/server.js']) assert.ok(existsSync(join(repo, f)), `${f} missing: run node esbuild.mjs`);
    }
    server = await h.startServer(dirs);
    browser = await h.launchBrowser();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on('pageerror', (e) => h.log('page error:', e.message));
    await page.goto(h.workbenchUrl(server, workspace, vsix ? {} : { extensionDevelopmentPath: repo }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 90_000 });
    // Cosmetic, for the screenshots: the empty secondary side bar (chat) takes a third of the width.
    if (await page.locator('.part.auxiliarybar').isVisible()) {
      await runCommand(page, 'View: Hide Secondary Side Bar').catch((e) => h.log(`could not hide the secondary side bar: ${e}`));
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const file = join(results, `ui-failure-${Date.now()}.png`);
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

  it('shows error squiggles and Problems rows with rule ids for a postmortem', async () => {
    // Open the fixture with Quick Open.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('checkout-db-postmortem.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'checkout-db-postmortem.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab', { hasText: 'checkout-db-postmortem.md' }).first().waitFor();

    // Squiggles: the extension activated (onLanguage:markdown), the server linted the file.
    await page.locator('.editor-group-container .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });

    await runCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'timestamp-invalid' }).first().waitFor({ timeout: 30_000 });
    const rows = await problemRows(page);
    h.log(`Problems panel:\n  ${rows.join('\n  ')}`);
    for (const code of ['heading-space', 'timestamp-invalid', 'timestamp-order', 'section-missing']) {
      assert.ok(
        rows.some((r) => r.includes(code) && r.includes('postmortem')),
        `a Problems row shows postmortem(${code}); rows:\n${rows.join('\n')}`,
      );
    }
    await page.screenshot({ path: join(results, 'ui-problems.png') });
  });

  it('applies a quick fix from the light bulb menu (Ctrl+.)', async () => {
    const fixtureText = readFileSync(join(repo, 'test', 'fixtures', 'workspace', FIXTURE), 'utf8').split('\n');
    const line = fixtureText.findIndex((l) => l.startsWith('##Timeline')) + 1;
    assert.ok(line > 0, 'the fixture has a ##Timeline line');

    // Put the cursor on the bad heading: Go to Line.
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');

    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    await menu.waitFor({ state: 'visible', timeout: 30_000 });
    const fixRow = menu.locator('.monaco-list-row.action', { hasText: /space/i }).first();
    await fixRow.waitFor({ timeout: 30_000 });
    h.log(`light bulb menu: ${norm(await menu.innerText()).replace(/\n+/g, ' | ')}`);
    await page.screenshot({ path: join(results, 'ui-quickfix-menu.png') });
    await fixRow.click();

    // (\s also matches the U+00A0 that Monaco renders for spaces.)
    await page
      .locator('.editor-group-container .monaco-editor .view-line', { hasText: /^##\s+Timeline\s*$/ })
      .first()
      .waitFor({ timeout: 30_000 });
    const lines = await editorLines(page);
    assert.ok(!lines.some((l) => l.startsWith('##Timeline')), `no "##Timeline" left in the editor:\n${lines.join('\n')}`);
    assert.ok(lines.some((l) => l.includes('13:75 UTC: replica lag on db-2')), 'the rest of the text is still there');

    await page.locator('.markers-panel .monaco-list-row', { hasText: 'heading-space' }).first().waitFor({ state: 'detached', timeout: 30_000 });
    const rows = await problemRows(page);
    assert.ok(rows.some((r) => r.includes('timestamp-invalid')), 'the unfixed problems are still listed');
    await page.screenshot({ path: join(results, 'ui-after-quickfix.png') });
  });
});
