// UI test in a real VS Code (harness: test/ui/workbench.ts): the CodeLens above the
// Duration line, and the hover a mouse gets on a timeline timestamp, read from the rendered widgets.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/hover.test.js
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickOpen, runCommand, useWorkbench } from './workbench';

const FIXTURE = 'duration-postmortem.md';

/** Monaco renders spaces as U+00A0. */
const norm = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();

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

  const wb = useWorkbench({ runDirPrefix: 'pm-ui-hover-', extension: 'packaged', failureScreenshot: 'ui-hover-failure' });
  let page: Page;
  let results: string;
  before(() => {
    ({ page, results } = wb);
  });

  it('shows the outage length in a CodeLens above the Duration line', async () => {
    await quickOpen(page, FIXTURE);

    const lens = page.locator('.editor-group-container .monaco-editor .codelens-decoration', { hasText: 'detected after' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const text = norm(await lens.innerText());
    wb.log(`CodeLens: ${text}`);
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
    wb.log(`hover: ${text.replace(/\n+/g, ' | ')}`);
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
    await runCommand(page, 'Postmortem: Calculate Duration', 'Calculate Duration');
    const input = page.locator('.quick-input-widget input');

    const title = page.locator('.quick-input-widget .quick-input-title');
    const message = page.locator('.quick-input-widget .quick-input-message');
    await title.filter({ hasText: 'start' }).waitFor();
    assert.match(
      norm(await page.locator('.quick-input-widget').innerText()),
      /Africa\/Nairobi, date 2024-11-02/,
      'the document zone and date are the defaults',
    );
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
    await runCommand(page, 'Notifications: Show Notifications', 'Show Notifications');
    const item = page.locator('.notifications-center .notification-list-item', { hasText: 'Duration: 30 min' }).first();
    await item.waitFor({ timeout: 30_000 });
    const text = norm(await item.innerText());
    wb.log(`notification: ${text.replace(/\n+/g, ' | ')}`);
    await page.screenshot({ path: join(results, 'ui-calculate-duration.png') });
    assert.match(text, /read as the next day/);
    for (const button of ['Copy', 'Insert']) {
      assert.ok(await item.locator('.monaco-button', { hasText: button }).isVisible(), `a ${button} button`);
    }
  });
});
