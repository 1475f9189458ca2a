// The timeline preview's webview script in a real browser (Debian's chromium through
// playwright-core), without VS Code: the same HTML (CSP, nonce) and the built dist/preview/ files,
// with `acquireVsCodeApi` stood in for by a recorder of posted messages.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/html';
import type { FromWebviewMessage, UpdateMessage } from '../../client/src/preview/messages';
import type { ModelResult } from '../../common/protocol';

/** The checkout: the folder above this bundle (out/test/browser or out/bench) whose package.json is ours. */
export const REPO = findRepo(__dirname);

function findRepo(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'postmortem-lint') return dir;
    if (dirname(dir) === dir) throw new Error(`no postmortem-lint package.json above ${start}`);
  }
}
export const MEDIA = join(REPO, 'dist', 'preview');
/** The flags REAL-VSCODE.md lists for Debian's chromium here. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<{ browser: Browser; profile: string }> {
  for (const f of ['preview.js', 'preview.css']) if (!existsSync(join(MEDIA, f))) throw new Error(`${join(MEDIA, f)} is missing: run "node esbuild.mjs"`);
  const profile = mkdtempSync(join(tmpdir(), 'pm-preview-browser-'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { browser, profile };
}

export function cleanup(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

/** Records what the script posts, in order, on `window.__posted`. */
const VSCODE_STUB = `
  window.__posted = [];
  window.__state = undefined;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
`;

export interface PreviewPage {
  page: Page;
  /** Console errors and page errors seen (a CSP violation shows up here). */
  errors: string[];
  /** Posts an update and resolves once the script reports it drew that version. */
  show(model: ModelResult, fileName?: string, extra?: Partial<UpdateMessage>): Promise<FromWebviewMessage>;
  posted(): Promise<FromWebviewMessage[]>;
  /** Resolves with the first posted message (already or later) that passes `test`. */
  waitForPosted(test: string): Promise<FromWebviewMessage>;
}

/** Opens the preview HTML from a file in `dir`; `csp: false` drops the policy (to show the text is inert on its own). */
export async function openPreview(browser: Browser, dir: string, options: { csp?: boolean } = {}): Promise<PreviewPage> {
  let html = previewHtml({
    cspSource: 'file:',
    scriptUri: pathToFileURL(join(MEDIA, 'preview.js')).href,
    styleUri: pathToFileURL(join(MEDIA, 'preview.css')).href,
  });
  if (options.csp === false) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  const file = join(dir, `preview-${Date.now()}-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: VSCODE_STUB });
  await page.goto(pathToFileURL(file).href);
  const waitForPosted = async (test: string): Promise<FromWebviewMessage> => {
    const handle = await page.waitForFunction(`window.__posted.find((m) => ${test})`, undefined, { timeout: 15_000 });
    return (await handle.jsonValue()) as FromWebviewMessage;
  };
  await waitForPosted(`m.type === 'ready'`);
  return {
    page,
    errors,
    posted: () => page.evaluate('window.__posted') as Promise<FromWebviewMessage[]>,
    waitForPosted,
    async show(model, fileName = 'postmortem.md', extra = {}) {
      const before = (await page.evaluate(`window.__posted.filter((m) => m.type === 'rendered').length`)) as number;
      const message: UpdateMessage = { type: 'update', fileName, locked: false, model, ...extra };
      await page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'), message);
      const handle = await page.waitForFunction(`window.__posted.filter((m) => m.type === 'rendered').length > ${before}`, undefined, { timeout: 15_000 });
      await handle.dispose();
      const all = (await page.evaluate('window.__posted')) as FromWebviewMessage[];
      return all.filter((m) => m.type === 'rendered').at(-1)!;
    },
  };
}
