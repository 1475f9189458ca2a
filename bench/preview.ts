// Timeline preview latency: from an edit to the panel showing it. Measured in two real parts and
// summed with the extension's debounce:
//   server  - didChange then postmortem/model for that version, over stdio to dist/server.js
//   render  - the model posted to the built webview script (dist/preview/) in Chromium, until the
//             script has drawn it and the browser has painted the next frame
//   total   = server + render (the panel asks for the model when the server's postmortem/status
//             says the version was validated: no debounce of its own; the server's is in its
//             keystroke latency, `npm run bench`)
// The VS Code webview message hop is not included (it is the same for any payload size, ~1 ms).
// Prints medians and writes test-results/bench-preview.json; asserts nothing.
//
//   node esbuild.mjs && node out/bench/preview.js
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { UpdateMessage } from '../client/src/preview/messages';
import type { ModelResult } from '../common/protocol';
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { launch, openPreview, REPO } from '../test/browser/previewPage';

const ROOT = REPO;

/** The bundled server over stdio, as an editor drives it: open, change, ask for the model. */
function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const versions = new Map<string, number>();
  return {
    connection,
    async initialize() {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
    },
    open(uri: string, text: string) {
      versions.set(uri, 1);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    },
    change(uri: string, changes: { text: string }[]): number {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      return version;
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}
const RUNS = Number(process.env.BENCH_RUNS || 15);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A postmortem with `count` timeline entries, minutes apart over days, with phases and an occasional long gap. */
function generateTimeline(count: number): string {
  const lines = ['# Postmortem: generated long incident', '', '## Issue Summary', ''];
  const start = Date.UTC(2024, 0, 1, 0, 0);
  const stamps: number[] = [];
  let t = start;
  for (let i = 0; i < count; i++) {
    stamps.push(t);
    t += (i % 97 === 96 ? 180 : 3 + (i % 7)) * 60_000;
  }
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  lines.push(`Duration: ${iso(stamps[0])} to ${iso(stamps[count - 1])} UTC`, 'Impact: generated.', 'Root Cause: generated.', '', '## Timeline', '');
  const words = [
    'alert fired and the outage was detected',
    'on-call acknowledged the page',
    'rolled back the deploy, mitigated',
    'checked shard latency',
    'service restored',
  ];
  stamps.forEach((ms, i) => {
    const phase = i === 1 ? words[0] : i === 3 ? words[1] : i === Math.floor(count / 2) ? words[2] : i === count - 1 ? words[4] : `${words[3]} ${i}`;
    lines.push(`- ${iso(ms)} UTC: ${phase}.`);
  });
  lines.push('', '## Root Cause and Resolution', '', 'Generated.', '', '## Corrective and Preventative Measures', '', '- [ ] Nothing.', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const documents: [string, string][] = [];
  const seed = resolve(ROOT, '..', 'shared', 'corpus', 'seed-postmortem.md');
  if (existsSync(seed)) documents.push(['seed (corpus)', readFileSync(seed, 'utf8')]);
  else console.warn('(seed-postmortem.md not found beside the checkout: skipped)');
  documents.push(['generated 2,000 entries', generateTimeline(2000)]);

  const client = startServer();
  await client.initialize();
  const { browser, profile } = await launch();
  const rows = [];
  try {
    for (const [name, text] of documents) {
      const uri = `file:///bench/incidents/${name.replace(/\W+/g, '-')}-postmortem.md`;
      client.open(uri, text);
      await client.connection.sendRequest('postmortem/model', { uri });
      const preview = await openPreview(browser, profile);
      const serverMs: number[] = [];
      const renderMs: number[] = [];
      let entries = 0;
      for (let run = 0; run <= RUNS; run++) {
        // An edit: one character typed at the end of the last line before the tail.
        const edited = text + `\nx${run}`;
        const t0 = process.hrtime.bigint();
        const version = client.change(uri, [{ text: edited }]);
        const model: ModelResult = await client.connection.sendRequest('postmortem/model', { uri });
        const server = Number(process.hrtime.bigint() - t0) / 1e6;
        if (model.version !== version) throw new Error(`model for v${model.version}, expected v${version}`);
        const message: UpdateMessage = { type: 'update', fileName: 'bench.md', locked: false, model };
        // In the page: post, wait for the script's `rendered` report, then a painted frame.
        const render = (await preview.page.evaluate(`new Promise((done) => {
          const before = window.__posted.length;
          const t0 = performance.now();
          window.postMessage(${JSON.stringify(message)}, '*');
          const poll = () => window.__posted.length > before && window.__posted.at(-1).type === 'rendered'
            ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0))
            : setTimeout(poll, 0);
          poll();
        })`)) as number;
        if (run === 0) continue; // warm-up
        serverMs.push(server);
        renderMs.push(render);
        entries = model.entries.length;
      }
      await preview.page.close();
      const row = { name, bytes: text.length, entries, debounceMs: 0, serverMs: median(serverMs), renderMs: median(renderMs) };
      rows.push({ ...row, totalMs: row.debounceMs + row.serverMs + row.renderMs });
    }
  } finally {
    await browser.close();
    await client.stop();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`Timeline preview: edit -> panel shows it (median of ${RUNS} runs)`);
  console.log('document                    bytes  entries  debounce  server(change->model)  render(->painted)   total');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(26)}${String(r.bytes).padStart(7)}${String(r.entries).padStart(9)}${`${r.debounceMs} ms`.padStart(10)}${`${r.serverMs.toFixed(1)} ms`.padStart(23)}${`${r.renderMs.toFixed(1)} ms`.padStart(19)}${`${r.totalMs.toFixed(0)} ms`.padStart(8)}`,
    );
  }
  const out = join(ROOT, 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-preview.json'), JSON.stringify({ runs: RUNS, rows }, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
