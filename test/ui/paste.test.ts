// UI test in a real VS Code (harness: workbench.ts), the repository as the development extension:
// a Slack conversation copied from the app and pasted into a postmortem is pasted as text, and the
// paste widget offers "Paste as Timeline Entries"; choosing it merges the messages into the
// timeline as entries in its style; one undo restores the document. Screenshots in test-results/.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 300000 --enable-source-maps out/test/ui/paste.test.js
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickOpen, useWorkbench } from './workbench';

const FILE = 'incidents/paste-postmortem.md';
const DOCUMENT = [
  '# Postmortem: checkout errors',
  '',
  '## Issue Summary',
  '',
  'Duration: May 2, 2024, 2:00 PM - 4:00 PM UTC',
  '',
  '## Timeline',
  '',
  '- 2:00 PM UTC: cache deploy started',
  '- 3:55 PM UTC: resolved',
  '',
].join('\n');
const SLACK = 'Alice Smith  [2:04 PM]\ncheckout is returning 500s\nBob Jones  [2:30 PM]\nrolled back the cache deploy (edited)\n';

/** Monaco renders spaces as U+00A0. */
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+$/, '');

async function editorText(page: Page): Promise<string[]> {
  return (await page.locator('.editor-group-container .monaco-editor .view-lines .view-line').allInnerTexts()).map(norm);
}

describe('UI: paste a Slack conversation as timeline entries', function () {
  this.timeout(Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000));

  const wb = useWorkbench({
    runDirPrefix: 'pm-ui-paste-',
    extension: 'development',
    files: { [FILE]: DOCUMENT },
    failureScreenshot: 'ui-paste-failure',
  });
  let page: Page;
  before(() => {
    page = wb.page;
  });

  it('offers "Paste as Timeline Entries" beside the plain paste, and it writes the entries into the timeline', async () => {
    await quickOpen(page, 'paste-postmortem.md');
    // The server has read the document: its CodeLens shows the outage length.
    await page.locator('.editor-group-container .codelens-decoration', { hasText: '2 h' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');

    // What the clipboard holds after copying the messages in Slack, pasted as the browser does.
    // (A script string: this file is type-checked without the DOM library.)
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(SLACK)});
      const target = document.activeElement || document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    // The plain paste stays the default.
    await page.locator('.editor-group-container .view-line', { hasText: 'Alice Smith  [2:04 PM]' }).first().waitFor({ timeout: 30_000 });

    // The paste widget's other options (Ctrl+.): ours is among them.
    await page.keyboard.press('Control+.');
    const option = page.locator('.monaco-list-row, .action-item, .quick-input-list .monaco-list-row', { hasText: 'Paste as Timeline Entries' }).first();
    await option.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(wb.results, 'ui-paste-offered.png') });
    await option.click();

    await page
      .locator('.editor-group-container .view-line', { hasText: '- 2:04 PM UTC: Alice Smith: checkout is returning 500s' })
      .first()
      .waitFor({ timeout: 30_000 });
    const lines = await editorText(page);
    wb.log(`after the paste:\n  ${lines.join('\n  ')}`);
    const timeline = lines.slice(lines.indexOf('## Timeline'));
    assert.deepEqual(
      timeline.filter((l) => l.startsWith('- ')),
      [
        '- 2:00 PM UTC: cache deploy started',
        '- 2:04 PM UTC: Alice Smith: checkout is returning 500s',
        '- 2:30 PM UTC: Bob Jones: rolled back the cache deploy',
        '- 3:55 PM UTC: resolved',
      ],
    );
    assert.ok(!lines.some((l) => l.includes('Alice Smith  [2:04 PM]')), 'the plain paste was replaced');
    await page.screenshot({ path: join(wb.results, 'ui-paste-entries.png') });

    await page.keyboard.press('Control+Z');
    await page.locator('.editor-group-container .view-line', { hasText: '2:04 PM UTC' }).first().waitFor({ state: 'detached', timeout: 30_000 });
    assert.deepEqual(await editorText(page), DOCUMENT.split('\n').map(norm));
  });
});
