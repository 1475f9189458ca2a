// UI test in a real VS Code (see test/ui/problems.test.ts for the harness): the CodeLens above the
// Duration line, and the hover a mouse gets on a timeline timestamp, read from the rendered widgets.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/hover.test.js
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

type Harness = typeof import('../../scripts/vscode-server.mjs');
type RunDirs = import('../../scripts/vscode-server.mjs').RunDirs;
type VsCodeServer = import('../../scripts/vscode-server.mjs').VsCodeServer;

const FIXTURE = 'duration-postmortem.md';

function findRepo(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'postmortem-lint') return dir;
    if (dirname(dir) === dir) throw new Error(`no postmortem-lint package.json above ${start}`);
  }
}

function findVsix(repo: string): string | undefined {
  if (process.env.POSTMORTEM_VSIX) return process.env.POSTMORTEM_VSIX;
  return readdirSync(repo)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => join(repo, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** Monaco renders spaces as U+00A0. */
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ').trim();

/**
 * The screen point over the second character of `needle` in the editor's rendered lines. Runs in
 * the page (as text: this project compiles without the DOM library).
 */
const POINT_OVER = `(needle) => {
  for (const line of document.querySelectorAll('.editor-group-container .monaco-editor .view-line')) {
    const at = (line.textContent || '').replace(/\\u00a0/g, ' ').indexOf(needle);
    if (at < 0) continue;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (offset + length > at + 1) {
        const range = document.createRange();
        range.setStart(node, at + 1 - offset);
        range.setEnd(node, at + 2 - offset);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      offset += length;
    }
  }
  return null;
}`;

async function pointOver(page: Page, needle: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`(${POINT_OVER})(${JSON.stringify(needle)})`) as Promise<{ x: number; y: number } | null>;
}

describe('UI: duration CodeLens, timestamp hover and the calculator in a real VS Code', function () {
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
    h = (await import(pathToFileURL(join(repo, 'scripts', 'vscode-server.mjs')).href)) as Harness;
    h.ensureSetup();
    dirs = h.makeRunDirs('pm-ui-hover-');
    const workspace = h.copyWorkspace(dirs);
    const vsix = findVsix(repo);
    if (vsix) h.installVsix(dirs, vsix);
    else for (const f of ['dist/client.js', 'dist/server.js']) assert.ok(existsSync(join(repo, f)), `${f} missing: run node esbuild.mjs`);
    server = await h.startServer(dirs);
    browser = await h.launchBrowser();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on('pageerror', (e) => h.log('page error:', e.message));
    await page.goto(h.workbenchUrl(server, workspace, vsix ? {} : { extensionDevelopmentPath: repo }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const file = join(results, `ui-hover-failure-${Date.now()}.png`);
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

  it('shows the outage length in a CodeLens above the Duration line', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(FIXTURE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FIXTURE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab', { hasText: FIXTURE }).first().waitFor();

    const lens = page.locator('.editor-group-container .monaco-editor .codelens-decoration', { hasText: 'detected after' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const text = norm(await lens.innerText());
    h.log(`CodeLens: ${text}`);
    assert.match(text, /^3 h 30 min · detected after 12 min · escalated after 25 min · mitigated after 1 h 40 min · resolved after 3 h 30 min/);
  });

  it('hovering a timeline timestamp shows it in UTC and the document zone, since the start and since the previous entry', async () => {
    const point = await pointOver(page, '00:05: On-call');
    assert.ok(point, 'the timeline line "- 00:05: On-call engineer paged." is rendered');
    // Two moves: the hover controller reacts to mouse movement onto the word.
    await page.mouse.move(point.x + 40, point.y + 40);
    await page.mouse.move(point.x, point.y);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'timeline entry' }).first();
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    const text = norm(await hover.innerText());
    h.log(`hover: ${text.replace(/\n+/g, ' | ')}`);
    await page.screenshot({ path: join(results, 'ui-hover.png') });
    assert.match(text, /00:05 · timeline entry/);
    // 00:05 EAT on 3 November is 21:05 UTC on 2 November.
    assert.match(text, /UTC: 2024-11-02 21:05 UTC/);
    assert.match(text, /Document zone \(Africa\/Nairobi\): 2024-11-03 00:05 UTC\+03:00/);
    assert.match(text, /25 min since the incident start \(2024-11-02 23:40\)/);
    assert.match(text, /13 min since the previous entry \(23:52\)/);
  });

  it('"Postmortem: Calculate Duration" asks for start and end, validates as the user types, and shows the result', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Postmortem: Calculate Duration');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Calculate Duration' }).first().waitFor();
    await page.keyboard.press('Enter');

    const title = page.locator('.quick-input-widget .quick-input-title');
    const message = page.locator('.quick-input-widget .quick-input-message');
    await title.filter({ hasText: 'start' }).waitFor();
    assert.match(norm(await page.locator('.quick-input-widget').innerText()), /Africa\/Nairobi, date 2024-11-02/, 'the document zone and date are the defaults');
    await input.fill('23:50');
    // 23:50 EAT on the window's date is 20:50 UTC.
    await message.filter({ hasText: 'Reads as 2024-11-02 20:50 UTC' }).waitFor();
    await page.keyboard.press('Enter');

    await title.filter({ hasText: 'end' }).waitFor();
    await input.fill('00:75');
    await message.filter({ hasText: '00:75: the minutes must be 0 to 59' }).waitFor();
    await input.fill('00:20');
    await message.filter({ hasText: 'Length: 30 min' }).waitFor();
    await page.keyboard.press('Enter');

    // Read it from the notification centre: whether a toast pops up depends on window focus.
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Notifications: Show Notifications');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().waitFor();
    await page.keyboard.press('Enter');
    const item = page.locator('.notifications-center .notification-list-item', { hasText: 'Duration: 30 min' }).first();
    await item.waitFor({ timeout: 30_000 });
    const text = norm(await item.innerText());
    h.log(`notification: ${text.replace(/\n+/g, ' | ')}`);
    await page.screenshot({ path: join(results, 'ui-calculate-duration.png') });
    assert.match(text, /read as the next day/);
    for (const button of ['Copy', 'Insert']) {
      assert.ok(await item.locator('.monaco-button', { hasText: button }).isVisible(), `a ${button} button`);
    }
  });
});
