// UI test in a real VS Code (the development extension): the Incidents view in the Explorer lists
// the workspace's postmortems, including ones never opened, with date · severity · length ·
// problems; its screenshot is test-results/ui-incidents-view.png (the README's
// docs/images/incidents-view.png is a copy of it).
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/incidents.test.js
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickOpen, runCommand, useWorkbench } from './workbench';

describe('UI: the Incidents view in a real VS Code', function () {
  this.timeout(Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000));

  const wb = useWorkbench({
    runDirPrefix: 'pm-ui-incidents-',
    extension: 'development',
    viewport: { width: 1280, height: 720 },
    failureScreenshot: 'ui-incidents-failure',
  });
  let page: Page;
  let results: string;
  before(() => {
    ({ page, results } = wb);
  });

  it('lists the workspace postmortems with their date, severity, length and problems', async () => {
    // Opening one Markdown file activates the extension; the others are never opened.
    await quickOpen(page, 'team-meeting.md');
    await runCommand(page, 'Postmortem: Check All Postmortems in the Workspace');
    await runCommand(page, 'Explorer: Focus on Incidents View', 'Incidents');
    const rows = page.locator('.pane-body .monaco-list-row', { hasText: 'problem' });
    await rows.first().waitFor({ timeout: 60_000 });
    await page.locator('.pane-body .monaco-list-row', { hasText: 'payment gateway timeouts' }).first().waitFor({ timeout: 30_000 });
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    wb.log(`Incidents view:\n  ${texts.join('\n  ')}`);
    const payments = texts.find((t) => t.includes('payment gateway timeouts'));
    assert.ok(payments?.includes('2024-11-02') && payments.includes('3 h 30 min'), `the row shows its date and length: ${payments}`);
    // Room for the view: fold the folder tree and widen the side bar before the screenshot.
    await page.locator('.pane-header', { hasText: 'workspace' }).first().click();
    const sash = page.locator('.monaco-sash.vertical').first();
    const box = await sash.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 420, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    await page.screenshot({ path: join(results, 'ui-incidents-view.png') });
  });
});
