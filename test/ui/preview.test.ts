// UI test of the timeline preview in a real VS Code (the VS Code server from code-server, in
// Debian's chromium through playwright-core), the repository loaded as the development extension:
// the command opens the panel beside the editor, the webview shows the entries, a click selects
// the entry's line, and screenshots in a dark and a light theme go to test-results/.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/preview.test.js
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { quickOpen, runCommand, useWorkbench } from './workbench';

const FIXTURE = 'timeline-preview-postmortem.md';

/** Switches the theme through the workspace settings file (VS Code applies it live). */
function setTheme(workspace: string, theme: string): void {
  const file = join(workspace, '.vscode', 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...settings, 'workbench.colorTheme': theme }, null, 2));
}

describe('UI: timeline preview in a real VS Code', function () {
  this.timeout(Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000));

  const wb = useWorkbench({
    runDirPrefix: 'pm-ui-preview-',
    // The development extension, not a .vsix: a packaged one may predate the preview.
    extension: 'development',
    requires: ['dist/preview/preview.js', 'dist/preview/preview.css'],
    failureScreenshot: 'ui-preview-failure',
  });
  let page: Page;
  let results: string;
  let repo: string;
  let workspace: string;
  let webview: FrameLocator;
  before(() => {
    ({ page, results, repo, workspace } = wb);
    webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  });

  it('opens the panel beside the editor with the entries of the document', async () => {
    await quickOpen(page, FIXTURE);
    // The server has linted it (the title button appears only for postmortems).
    await page.locator('.editor-group-container .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });

    await runCommand(page, 'Postmortem: Open Timeline Preview to the Side');
    await page.locator('.editor-group-container .tab', { hasText: `Timeline: ${FIXTURE}` }).waitFor({ timeout: 30_000 });
    await webview.locator('li.entry').first().waitFor({ timeout: 30_000 });
    const fixture = readFileSync(join(repo, 'test', 'fixtures', 'workspace', 'incidents', FIXTURE), 'utf8');
    const expected = fixture
      .split('\n')
      .filter((l) => /^- \d\d:\d\d UTC:/.test(l))
      .map((l) => l.slice(2, 11));
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
