// UI test in a real VS Code (the VS Code server from code-server, in Debian's chromium through
// playwright-core): the packaged .vsix installed with --install-extension when one exists
// (POSTMORTEM_VSIX, or the newest *.vsix in the repository root), otherwise the repository loaded
// as the development extension. Squiggles, Problems panel rows with rule ids, a quick fix from
// Ctrl+. (the light bulb menu), and screenshots in test-results/.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/problems.test.js
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickOpen, runCommand, useWorkbench } from './workbench';

const FIXTURE = 'incidents/checkout-db-postmortem.md';

/** Monaco renders spaces as U+00A0. */
const norm = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

async function problemRows(page: Page): Promise<string[]> {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(norm);
}

async function editorLines(page: Page): Promise<string[]> {
  return (await page.locator('.editor-group-container .monaco-editor .view-lines .view-line').allInnerTexts()).map(norm);
}

describe('UI: squiggles, Problems panel and a quick fix in a real VS Code', function () {
  this.timeout(Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000));

  const wb = useWorkbench({ runDirPrefix: 'pm-ui-', extension: 'packaged' });
  let page: Page;
  let results: string;
  before(() => {
    ({ page, results } = wb);
  });

  it('shows error squiggles and Problems rows with rule ids for a postmortem', async () => {
    await quickOpen(page, 'checkout-db-postmortem.md');

    // Squiggles: the extension activated (onLanguage:markdown), the server linted the file.
    await page.locator('.editor-group-container .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });

    await runCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'timestamp-invalid' }).first().waitFor({ timeout: 30_000 });
    const rows = await problemRows(page);
    wb.log(`Problems panel:\n  ${rows.join('\n  ')}`);
    for (const code of ['heading-space', 'timestamp-invalid', 'timestamp-order', 'section-missing']) {
      assert.ok(
        rows.some((r) => r.includes(code) && r.includes('postmortem')),
        `a Problems row shows postmortem(${code}); rows:\n${rows.join('\n')}`,
      );
    }
    await page.screenshot({ path: join(results, 'ui-problems.png') });
  });

  it('applies a quick fix from the light bulb menu (Ctrl+.)', async () => {
    const fixtureText = readFileSync(join(wb.repo, 'test', 'fixtures', 'workspace', FIXTURE), 'utf8').split('\n');
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
    wb.log(`light bulb menu: ${norm(await menu.innerText()).replace(/\n+/g, ' | ')}`);
    await page.screenshot({ path: join(results, 'ui-quickfix-menu.png') });
    await fixRow.click();

    // (\s also matches the U+00A0 that Monaco renders for spaces.)
    await page
      .locator('.editor-group-container .monaco-editor .view-line', { hasText: /^##\s+Timeline\s*$/ })
      .first()
      .waitFor({ timeout: 30_000 });
    const lines = await editorLines(page);
    assert.ok(!lines.some((l) => l.startsWith('##Timeline')), `no "##Timeline" left in the editor:\n${lines.join('\n')}`);
    assert.ok(
      lines.some((l) => l.includes('13:75 UTC: replica lag on db-2')),
      'the rest of the text is still there',
    );

    await page.locator('.markers-panel .monaco-list-row', { hasText: 'heading-space' }).first().waitFor({ state: 'detached', timeout: 30_000 });
    const rows = await problemRows(page);
    assert.ok(
      rows.some((r) => r.includes('timestamp-invalid')),
      'the unfixed problems are still listed',
    );
    await page.screenshot({ path: join(results, 'ui-after-quickfix.png') });
  });
});
