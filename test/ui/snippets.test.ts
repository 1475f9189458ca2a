// UI test in a real VS Code (harness: workbench.ts): typing a snippet prefix in a
// Markdown file offers the snippet, and accepting it inserts the template, tab stops and all;
// the clock snippets resolve VS Code's time variables (12-hour transform included). Screenshots
// in test-results/.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/snippets.test.js
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickOpen, useWorkbench } from './workbench';

const FILE = 'incidents/snippet-postmortem.md';

/** Monaco renders spaces as U+00A0. */
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+$/, '');

async function editorLines(page: Page): Promise<string[]> {
  return (await page.locator('.editor-group-container .monaco-editor .view-lines .view-line').allInnerTexts()).map(norm);
}

/** Types a prefix, asks for suggestions, waits for the snippet's row, and accepts it. */
async function acceptSnippet(page: Page, prefix: string, screenshot?: string): Promise<void> {
  await page.keyboard.type(prefix);
  await page.keyboard.press('Control+Space');
  const widget = page.locator('.editor-widget.suggest-widget');
  // The row whose label is exactly the prefix (its description follows in another element).
  const row = widget
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${prefix}$`) }) })
    .first();
  await row.waitFor({ timeout: 30_000 });
  if (screenshot) await page.screenshot({ path: screenshot });
  await row.click();
  await widget.waitFor({ state: 'hidden' });
}

describe('UI: snippets in a real VS Code', function () {
  this.timeout(Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000));

  const wb = useWorkbench({
    runDirPrefix: 'pm-ui-snippets-',
    // The repository as the development extension: the snippets file as it is now, not an old .vsix.
    extension: 'development',
    requires: ['snippets/postmortem.code-snippets'],
    viewport: { width: 1400, height: 1000 },
    files: { [FILE]: '' },
  });
  let page: Page;
  let results: string;
  before(() => {
    ({ page, results } = wb);
  });

  it('pm-alx is offered, and accepting it inserts the whole ALX postmortem with the title selected', async () => {
    await quickOpen(page, 'snippet-postmortem.md');
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();

    await acceptSnippet(page, 'pm-alx', join(results, 'ui-snippet-offered.png'));
    await page.locator('.editor-group-container .view-line', { hasText: 'Corrective and Preventative Measures' }).first().waitFor();

    // The title placeholder is selected: typing replaces it; Tab moves to the date.
    await page.keyboard.type('Queue backlog');
    await page.keyboard.press('Tab');
    await page.keyboard.type('March 7, 2024');
    await page.keyboard.press('Escape');
    const lines = await editorLines(page);
    wb.log(`inserted:\n  ${lines.join('\n  ')}`);
    assert.equal(lines[0], '# Postmortem: Queue backlog');
    assert.ok(lines.includes('## Issue Summary'), lines.join('\n'));
    assert.ok(lines.includes('Duration: March 7, 2024, 09:00 - 10:30 UTC (1 hour 30 minutes)'), lines.join('\n'));
    assert.ok(lines.includes('- 09:15 UTC: What was done next.'), 'the zone placeholder is mirrored into the timeline');
    assert.ok(!lines.some((l) => l.includes('$')), 'no snippet syntax left');
    await page.screenshot({ path: join(results, 'ui-snippet-inserted.png') });
  });

  it('pm-entry12 and pm-entry stamp the current time through VS Code’s variables', async () => {
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await acceptSnippet(page, 'pm-entry12');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await acceptSnippet(page, 'pm-entry');
    await page.keyboard.press('Escape');
    const lines = await editorLines(page);
    const twelve = lines.find((l) => /^- \d{1,2}:\d{2} (AM|PM) UTC[+-]\d{2}:\d{2}: What happened\.$/.test(l));
    const twentyFour = lines.find((l) => /^- \d{2}:\d{2} UTC[+-]\d{2}:\d{2}: What happened\.$/.test(l));
    assert.ok(twelve, `a 12-hour entry in:\n${lines.join('\n')}`);
    assert.ok(twentyFour, `a 24-hour entry in:\n${lines.join('\n')}`);
    // Both were stamped within the same minute or two: the 12-hour one is the 24-hour one converted.
    const [, h12, m12, meridiem] = /(\d{1,2}):(\d{2}) (AM|PM)/.exec(twelve)!;
    const [, h24, m24] = /(\d{2}):(\d{2})/.exec(twentyFour)!;
    const minutes12 = ((Number(h12) % 12) + (meridiem === 'PM' ? 12 : 0)) * 60 + Number(m12);
    const minutes24 = Number(h24) * 60 + Number(m24);
    assert.ok((minutes24 - minutes12 + 1440) % 1440 <= 2, `${twelve} and ${twentyFour} are the same time`);
    await page.screenshot({ path: join(results, 'ui-snippet-entries.png') });
  });
});
