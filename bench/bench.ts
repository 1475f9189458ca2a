// npm run bench: lint time next to a bare unified + remark-parse parse and markdownlint, on the
// same text. Prints figures (medians of several runs) and writes them as JSON; asserts nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint as markdownlint } from 'markdownlint/sync';
import { lint } from '../server/src/core/lint';
import { generatePostmortem } from './generate';
import { serverBurst } from './server-burst';
import { keystrokeLatency, type KeystrokeResult } from './keystroke';
import { cliOnCorpus } from './cli-corpus';
import { cliThroughput, corpusCopies, describeThroughput } from './cli-throughput';
import { describeThroughputFloor, throughputFloor } from './throughput-floor';
import { availableParallelism } from 'node:os';
import { activationInRealVsCode } from './activation';
import { statSync } from 'node:fs';

const ROOT = resolve(__dirname, '..', '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median milliseconds per call of each contender, measured in interleaved rounds so that noise from
 * the rest of the machine falls on all of them alike; small documents get many calls per sample
 * (and a long warm-up) so the JIT has settled and the clock's resolution does not matter.
 */
function timeAll(contenders: Record<string, () => void>, bytes: number): Record<string, number> {
  const callsPerSample = bytes < 20_000 ? 50 : 1;
  const rounds = bytes > 1_000_000 ? 5 : bytes > 100_000 ? 11 : 31;
  const names = Object.keys(contenders);
  for (const name of names) for (let i = 0; i < callsPerSample * 5; i++) contenders[name]();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < callsPerSample; i++) contenders[name]();
      samples[name].push(Number(process.hrtime.bigint() - start) / 1e6 / callsPerSample);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

const bare = unified().use(remarkParse);
const documents: [string, string][] = [];
const seed = resolve(ROOT, '..', 'shared', 'corpus', 'seed-postmortem.md');
if (existsSync(seed)) documents.push(['seed (corpus)', readFileSync(seed, 'utf8')]);
documents.push(['generated 200 KB', generatePostmortem(200_000)], ['generated 2 MB', generatePostmortem(2_000_000)]);

const rows = documents.map(([name, text]) => {
  const times = timeAll(
    {
      lint: () => lint(text),
      parse: () => bare.parse(text),
      markdownlint: () => markdownlint({ strings: { doc: text } }),
    },
    text.length,
  );
  return {
    name,
    bytes: text.length,
    lintMs: times.lint,
    bareParseMs: times.parse,
    markdownlintMs: times.markdownlint,
    vsBareParse: times.lint / times.parse,
    vsMarkdownlint: times.lint / times.markdownlint,
  };
});

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('document', 18)}${pad('bytes', 10)}${pad('lint ms', 10)}${pad('parse ms', 10)}${pad('mdlint ms', 11)}${pad('÷ parse', 9)}÷ markdownlint`);
for (const row of rows) {
  console.log(
    `${pad(row.name, 18)}${pad(String(row.bytes), 10)}${pad(row.lintMs.toFixed(1), 10)}${pad(row.bareParseMs.toFixed(1), 10)}${pad(row.markdownlintMs.toFixed(1), 11)}${pad(row.vsBareParse.toFixed(2), 9)}${row.vsMarkdownlint.toFixed(2)}`,
  );
}
async function main(): Promise<void> {
  // Keystroke latency: one character typed after a pause -> its diagnostics, beside the lint time.
  const keystrokes: (KeystrokeResult & { lintMs: number })[] = [];
  for (const bytes of [3_000, 50_000, 200_000]) {
    const text = generatePostmortem(bytes);
    const lintMs = timeAll({ lint: () => lint(text) }, text.length).lint;
    keystrokes.push({ ...(await keystrokeLatency(join(ROOT, 'dist', 'server.js'), text)), lintMs });
  }
  console.log(`\nkeystroke -> diagnostics over LSP (${keystrokes[0].edits} single edits, each after a pause)`);
  console.log(`${pad('bytes', 10)}${pad('median ms', 11)}${pad('max ms', 9)}${pad('lint ms', 9)}median ÷ lint`);
  for (const row of keystrokes) {
    console.log(
      `${pad(String(row.bytes), 10)}${pad(row.medianMs.toFixed(1), 11)}${pad(row.maxMs.toFixed(1), 9)}${pad(row.lintMs.toFixed(1), 9)}${(row.medianMs / row.lintMs).toFixed(2)}`,
    );
  }
  const burst = await serverBurst(join(ROOT, 'dist', 'server.js'), generatePostmortem(200_000), 100);
  console.log(
    `\nserver, 100 edits to a ${burst.bytes}-byte postmortem: last edit -> diagnostics ${burst.lastEditToDiagnosticsMs.toFixed(0)} ms, ` +
      `${burst.publications} publication(s), ${burst.stalePublications} stale`,
  );
  const corpus = resolve(ROOT, '..', 'shared', 'corpus');
  const cli = existsSync(corpus) ? cliOnCorpus(ROOT, corpus) : undefined;
  if (cli) {
    console.log(
      `CLI on the ${cli.files} corpus files: postmortem-lint ${cli.oursMs.toFixed(0)} ms, markdownlint-cli2 ${cli.markdownlintCli2Ms.toFixed(0)} ms (whole commands, median of 5)`,
    );
  }
  // 2,000 real-sized postmortems made from the corpus at run time, next to markdownlint-cli2 (`--no-10k` skips the 10,000-file memory run).
  const throughput = existsSync(corpus) ? cliThroughput(ROOT, corpus, { tenThousand: !process.argv.includes('--no-10k') }) : undefined;
  if (throughput) console.log(describeThroughput(throughput));
  const floor = existsSync(corpus) ? throughputFloor(corpusCopies(corpus, throughput?.files ?? 2000)) : undefined;
  if (floor) console.log(describeThroughputFloor(floor, availableParallelism(), throughput && throughput.markdownlintCli2.wallMs / throughput.files));
  const size = (path: string) => (existsSync(join(ROOT, path)) ? statSync(join(ROOT, path)).size : undefined);
  const sizes = {
    'dist/server.js': size('dist/server.js'),
    'dist/client.js': size('dist/client.js'),
    'dist/cli.js': size('dist/cli.js'),
    'postmortem-lint.vsix': size('postmortem-lint.vsix'),
  };
  console.log(
    `sizes (dist/ as built by this run, unminified; the .vsix holds minified bundles): ${Object.entries(sizes)
      .map(([name, bytes]) => `${name} ${bytes === undefined ? 'not built' : `${(bytes / 1024).toFixed(0)} KB`}`)
      .join(', ')}`,
  );
  const activation = process.argv.includes('--no-editor') ? undefined : activationInRealVsCode(ROOT);
  if (activation) {
    console.log(
      activation.activationMs !== undefined
        ? `activation in the real VS Code (VS Code server + Chromium): ${activation.activationMs} ms to the language server running`
        : `activation in the real VS Code: not measured (${activation.error})`,
    );
  }
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'test-results', 'bench.json'),
    JSON.stringify({ node: process.version, lint: rows, keystrokes, burst, cli, throughput, floor, sizes, activation }, null, 2),
  );
  console.log('written: test-results/bench.json');
}

void main();
