// The timeline preview's webview script in a real browser, fed models from the real language
// server (postmortem/model over stdio): entries, order, gaps, phases, header, empty states,
// interaction, scroll kept across updates, and hostile text shown literally with nothing executed.
//
//   node esbuild.mjs && npx mocha --no-config --timeout 60000 out/test/browser/*.test.js
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { toSvg } from '../../client/src/preview/export';
import type { NotOpenMessage } from '../../client/src/preview/messages';
import type { ModelResult } from '../../common/protocol';
import { TestClient } from '../protocol/lspClient';
import { cleanup, launch, openPreview, REPO, type PreviewPage } from './previewPage';

const INCIDENTS = join(REPO, 'test', 'fixtures', 'workspace', 'incidents');

async function serverModel(client: TestClient, name: string, text = readFileSync(join(INCIDENTS, name), 'utf8'), folder = 'incidents'): Promise<ModelResult> {
  const uri = `file:///work/${folder}/${name}`;
  client.open(uri, text);
  return client.connection.sendRequest('postmortem/model', { uri });
}

const texts = (preview: PreviewPage, selector: string) => preview.page.locator(selector).allTextContents();

describe('timeline preview script in Chromium', function () {
  let client: TestClient;
  let browser: Browser;
  let profile: string;
  let timeline: ModelResult;
  let hostile: ModelResult;
  let preview: PreviewPage;

  before(async () => {
    client = new TestClient();
    await client.initialize();
    timeline = await serverModel(client, 'timeline-preview-postmortem.md');
    hostile = await serverModel(client, 'injection-preview-postmortem.md');
    ({ browser, profile } = await launch());
  });
  after(async () => {
    await browser?.close();
    await client?.stop();
    if (profile) cleanup(profile);
  });
  beforeEach(async () => {
    preview = await openPreview(browser, profile);
  });
  afterEach(async () => {
    await preview.page.close();
  });

  it('shows every entry in document order with its time, text and an accessible label', async () => {
    const rendered = await preview.show(timeline, 'timeline-preview-postmortem.md');
    assert.deepEqual(rendered, { type: 'rendered', uri: timeline.uri, version: timeline.version, entries: 9, placed: 7 });
    assert.deepEqual(
      await texts(preview, 'li.entry .stamp'),
      timeline.entries.map((e) => e.raw),
    );
    assert.deepEqual(
      await texts(preview, 'li.entry .text'),
      timeline.entries.map((e) => e.text),
    );
    const label = await preview.page.locator('li.entry').nth(2).getAttribute('aria-label');
    assert.equal(label, `22:20 UTC. Detected. ${timeline.entries[2].text}`);
    assert.equal(await preview.page.locator('ol.axis').getAttribute('aria-label'), 'Timeline, 9 entries');
    assert.deepEqual(preview.errors, [], 'no console errors (a CSP violation would be one)');
  });

  it('shows the title, the incident window with its length, and the metrics in the header', async () => {
    await preview.show(timeline);
    const header = preview.page.locator('header.summary');
    assert.equal(await header.locator('.title').textContent(), 'Postmortem: Search index rebuild stalled overnight');
    assert.equal(await header.locator('.window').textContent(), 'Incident window 2024-06-03 22:00 UTC → 2024-06-04 03:30 UTC · 5 h 30 min');
    assert.deepEqual(await texts(preview, '.metric'), [
      'Time to detect20 min',
      'Time to acknowledge30 min',
      'Time to mitigate3 h',
      'Time to resolve5 h 30 min',
    ]);
  });

  it('spaces entries in proportion to time, compresses the long gap with its length, and shades the window', async () => {
    await preview.show(timeline);
    const padding = (i: number) =>
      preview.page
        .locator(`li.entry[data-entry="${i}"]`)
        .evaluate((e) => parseFloat((e as unknown as { style: { paddingTop: string } }).style.paddingTop || '0'));
    // 22:00 -> 22:05 is 5 min, 22:05 -> 22:20 is 15 min: three times the space.
    const [five, fifteen] = [await padding(1), await padding(2)];
    assert.ok(five > 0, 'a 5 min gap gets some space');
    assert.ok(Math.abs(fifteen / five - 3) < 0.1, `15 min gets 3x the space of 5 min (${fifteen} vs ${five})`);
    // 22:30 -> 00:40 (2 h 10 min, with the invalid 24:10 between): one compressed, labelled row, no proportional space.
    // 01:00 -> 03:30 is long too.
    assert.deepEqual(await texts(preview, 'li.gap'), ['2 h 10 min later', '2 h 30 min later']);
    const rows = await preview.page
      .locator('ol.axis > li')
      .evaluateAll((items) =>
        items.map(
          (i) =>
            (i as unknown as { className: string; textContent: string }).className.split(' ')[0] +
            ':' +
            ((i as unknown as { textContent: string }).textContent ?? '').slice(0, 9),
        ),
      );
    const gapAt = rows.findIndex((r) => r.startsWith('marker:2 h 10'));
    assert.equal(rows[gapAt + 1], 'entry:00:40 UTC', `the gap comes right before 00:40: ${rows.join(' | ')}`);
    assert.equal(await padding(5), 0, 'the compressed gap takes no proportional space');
    // The window: start marker before 22:00, end marker after 03:30, entries between shaded.
    assert.equal(rows[0], 'marker:Incident ');
    assert.equal(await preview.page.locator('li.window-start').textContent(), 'Incident start 2024-06-03 22:00 UTC');
    assert.equal(await preview.page.locator('li.window-end').textContent(), 'Incident end 2024-06-04 03:30 UTC');
    assert.equal(await preview.page.locator('li.entry.in-window').count(), 9);
    mkdirSync(join(REPO, 'test-results'), { recursive: true });
    await preview.page.screenshot({ path: join(REPO, 'test-results', 'preview-browser.png'), fullPage: true });
  });

  it('marks phase markers with the time between them', async () => {
    await preview.show(timeline);
    assert.deepEqual(await texts(preview, '.phase-badge'), ['Started', 'Detected', 'Acknowledged', 'Escalated', 'Mitigated', 'Resolved']);
    assert.deepEqual(await texts(preview, '.since-phase'), [
      '20 min after started',
      '10 min after detected',
      '2 h 10 min after acknowledged',
      '20 min after escalated',
      '2 h 30 min after mitigated',
    ]);
    const fill = (selector: string) =>
      preview.page
        .locator(selector)
        .first()
        .evaluate((e) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor);
    const [resolvedFill, plainFill] = [await fill('li.entry.phase-resolved .axis-mark'), await fill('li.entry:not([class*="phase-"]) .axis-mark')];
    assert.notEqual(resolvedFill, plainFill, `phase markers are coloured: ${resolvedFill} vs ${plainFill}`);
  });

  it('gives an entry that marks two phases a badge for each, and one time since the phase before', async () => {
    const text = [
      '# Postmortem: two phases in one entry',
      '',
      '## Timeline',
      '',
      '- 09:00 UTC: Deploy started.',
      '- 09:12 UTC: Error-rate alert fires; on-call paged.',
      '- 09:20 UTC: On-call acknowledges.',
      '',
    ].join('\n');
    const model = await serverModel(client, 'two-phases-postmortem.md', text);
    await preview.show(model);
    assert.deepEqual(await texts(preview, '.phase-badge'), ['Started', 'Detected', 'Escalated', 'Acknowledged']);
    assert.deepEqual(await texts(preview, '.since-phase'), ['12 min after started', '8 min after escalated']);
    assert.match((await preview.page.locator('li.entry').nth(1).getAttribute('aria-label')) ?? '', /^09:12 UTC\. Detected, Escalated\. Error-rate alert fires/);
  });

  it('marks invalid and out-of-order entries where they were written and lists them', async () => {
    await preview.show(timeline);
    assert.deepEqual(await texts(preview, 'li.entry.unplaced .stamp'), ['24:10 UTC', '00:35 UTC']);
    const problems = await texts(preview, 'li.entry.unplaced .problem');
    assert.match(problems[0], /^Invalid time: .*24:10/);
    assert.equal(problems[1], 'Out of order: earlier than the entry just above it');
    assert.equal(await preview.page.locator('.problems h2').textContent(), 'Not on the time axis (2)');
    assert.deepEqual(await texts(preview, '.problems .problem-link'), ['Line 15: 24:10 UTC', 'Line 17: 00:35 UTC']);
  });

  it('says what to write when there is no timeline, and when the file is not a postmortem', async () => {
    const empty = await serverModel(client, 'empty-preview-postmortem.md', '# Postmortem: nothing yet\n\n## Timeline\n\n');
    assert.deepEqual(await preview.show(empty), { type: 'rendered', uri: empty.uri, version: empty.version, entries: 0, placed: 0 });
    assert.equal(await preview.page.locator('.empty h2').textContent(), 'No timeline yet.');
    assert.match((await preview.page.locator('.empty .example').textContent())!, /^- 09:10 UTC: /);
    const notes = await serverModel(client, 'notes.md', '# Shopping list\n\n- milk\n', 'docs');
    assert.equal(notes.isPostmortem, false);
    await preview.show(notes, 'notes.md');
    assert.equal(await preview.page.locator('.empty h2').textContent(), 'notes.md is not treated as a postmortem.');
  });

  it('says when the file is not open, offers to open it, and draws the model that follows', async () => {
    const uri = 'file:///work/incidents/closed-postmortem.md';
    // What the panel gets from the server for a file it has not seen, and the message it then posts.
    assert.equal(await client.connection.sendRequest('postmortem/model', { uri }), null);
    const message: NotOpenMessage = { type: 'notOpen', uri, fileName: 'closed-postmortem.md', locked: true };
    await preview.page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'), message);
    const button = preview.page.locator('.empty button.open-document');
    await button.waitFor();
    assert.equal(await preview.page.locator('.empty h2').textContent(), 'closed-postmortem.md is not open.');
    assert.equal(await button.textContent(), 'Open closed-postmortem.md');
    assert.deepEqual(await preview.page.evaluate('window.__state'), { uri, locked: true }, 'kept for a reload');
    await button.click();
    assert.deepEqual(await preview.waitForPosted(`m.type === 'openDocument'`), { type: 'openDocument' });
    await preview.show(timeline, 'timeline-preview-postmortem.md');
    assert.equal(await preview.page.locator('.empty').count(), 0, 'the model replaces the not-open state');
    assert.deepEqual(preview.errors, []);
  });

  it('reports clicks and keyboard choices, and highlights the entry under the editor cursor', async () => {
    await preview.show(timeline);
    await preview.page.locator('li.entry', { hasText: '22:30 UTC' }).click();
    assert.deepEqual(await preview.waitForPosted(`m.type === 'reveal'`), { type: 'reveal', version: timeline.version, entry: 3 });
    await preview.page.keyboard.press('ArrowDown');
    await preview.page.keyboard.press('Enter');
    assert.deepEqual(await preview.waitForPosted(`m.type === 'reveal' && m.entry === 4`), { type: 'reveal', version: timeline.version, entry: 4 });
    await preview.page.locator('.problems .problem-link').nth(1).click();
    await preview.waitForPosted(`m.type === 'reveal' && m.entry === 6`);
    // The cursor on the 01:00 line (an editor highlight message).
    const line = timeline.entries[7].range.start.line;
    await preview.page.evaluate(
      (l) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage({ type: 'highlight', line: l }, '*'),
      line,
    );
    await preview.page.locator('li.entry.active[aria-current="true"]', { hasText: '01:00 UTC' }).waitFor();
    assert.equal(await preview.page.locator('li.entry.active').count(), 1);
  });

  it('keeps the scroll position when an update arrives', async () => {
    const long = ['# Postmortem: long night', '', '## Timeline', ''];
    for (let i = 0; i < 120; i++) long.push(`- ${String(Math.floor(i / 6) % 24).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')} UTC: step ${i}`);
    const first = await serverModel(client, 'long-preview-postmortem.md', long.join('\n') + '\n');
    await preview.show(first);
    await preview.page.evaluate('window.scrollTo(0, 900)');
    assert.equal(await preview.page.evaluate('window.scrollY'), 900);
    const version = client.change('file:///work/incidents/long-preview-postmortem.md', [{ text: long.join('\n') + '\n- 20:00 UTC: one more step\n' }]);
    const second: ModelResult = await client.connection.sendRequest('postmortem/model', { uri: 'file:///work/incidents/long-preview-postmortem.md' });
    assert.equal(second.version, version);
    const rendered = await preview.show(second);
    assert.equal(rendered.type === 'rendered' && rendered.entries, 121);
    assert.equal(await preview.page.evaluate('window.scrollY'), 900, 'the view did not jump');
  });

  it('exports an SVG that draws the same axis and is well-formed even with hostile text', async () => {
    for (const [model, name] of [
      [timeline, 'timeline-preview'],
      [hostile, 'injection-preview'],
    ] as const) {
      const file = join(profile, `${name}.svg`);
      writeFileSync(file, toSvg(model, `${name}.md`));
      const page = await browser.newPage({ viewport: { width: 820, height: 1000 } });
      try {
        await page.goto(pathToFileURL(file).href);
        assert.equal(await page.locator('parsererror').count(), 0, `${name}.svg parses as XML`);
        assert.equal(
          await page.locator('svg circle').count(),
          model.entries.filter((e) => e.epochMs !== undefined && !e.outOfOrder).length,
          'one dot per placed entry',
        );
        assert.equal(await page.locator('svg script, svg img, svg foreignObject').count(), 0);
        assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
        if (model === timeline) {
          assert.ok((await page.locator('svg').textContent())!.includes('2 h 10 min later'));
          await page.screenshot({ path: join(REPO, 'test-results', 'preview-export-svg.png') });
        }
      } finally {
        await page.close();
      }
    }
  });

  describe('hostile text from the document', () => {
    const FLAG = 'window.__pwned';

    async function assertInert(page: PreviewPage): Promise<void> {
      await page.show(hostile, 'injection-preview-postmortem.md');
      // Shown literally...
      const shown = await texts(page, 'li.entry .text');
      assert.deepEqual(
        shown,
        hostile.entries.map((e) => e.text),
      );
      assert.ok(
        shown.some((t) => t.includes(`<script>window.__pwned='script'</script>`)),
        shown.join('\n'),
      );
      assert.ok(shown.some((t) => t.includes('</div><b>bold escape</b>')));
      assert.ok(shown.some((t) => t.includes('javascript:')));
      assert.ok(shown.some((t) => t.includes('${window.__pwned=')));
      assert.match((await page.page.locator('.title').textContent())!, /<img src=x onerror=/);
      // ...and made into no element at all, so nothing can run later either (an image error, a link click).
      const injected = await page.page.locator('#root').locator('script, img, svg, b, a, style, iframe').count();
      assert.equal(injected, 0, 'no element was created from document text');
      await page.page.locator('li.entry').nth(3).click();
      assert.equal(await page.page.evaluate(`typeof ${FLAG}`), 'undefined', 'no script ran');
      assert.ok(await page.page.locator('li.entry').first().isVisible(), 'the <style> text hid nothing');
    }

    it('runs nothing under the webview CSP', async () => {
      await assertInert(preview);
      assert.deepEqual(preview.errors, [], 'not even a blocked attempt: nothing tried to run');
    });

    it('runs nothing even without the CSP: the text is inserted as text', async () => {
      const bare = await openPreview(browser, profile, { csp: false });
      try {
        await assertInert(bare);
        // The flag does catch an injection: markup from the same text, parsed as HTML, sets it.
        await bare.page.evaluate(`document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(hostile.entries[1].text)})`);
        await bare.page.waitForFunction(`${FLAG} === 'img'`, undefined, { timeout: 10_000 });
      } finally {
        await bare.page.close();
      }
    });
  });
});
