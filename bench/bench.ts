// npm run bench: lint time next to a bare unified + remark-parse parse and markdownlint, on the
// same text. Prints figures (medians of several runs) and writes them as JSON; asserts nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint as markdownlint } from 'markdownlint/sync';
import { lint } from '../server/src/core/lint';
import { generatePostmortem } from './generate';

const ROOT = resolve(__dirname, '..', '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, runs: number): number {
  run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const bare = unified().use(remarkParse);
const documents: [string, string][] = [];
const seed = resolve(ROOT, '..', 'shared', 'corpus', 'seed-postmortem.md');
if (existsSync(seed)) documents.push(['seed (corpus)', readFileSync(seed, 'utf8')]);
documents.push(['generated 200 KB', generatePostmortem(200_000)], ['generated 2 MB', generatePostmortem(2_000_000)]);

const rows = documents.map(([name, text]) => {
  const runs = text.length > 1_000_000 ? 5 : 15;
  const ours = time(() => lint(text), runs);
  const parse = time(() => bare.parse(text), runs);
  const mdl = time(() => markdownlint({ strings: { doc: text } }), runs);
  return { name, bytes: text.length, lintMs: ours, bareParseMs: parse, markdownlintMs: mdl, vsBareParse: ours / parse, vsMarkdownlint: ours / mdl };
});

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('document', 18)}${pad('bytes', 10)}${pad('lint ms', 10)}${pad('parse ms', 10)}${pad('mdlint ms', 11)}${pad('÷ parse', 9)}÷ markdownlint`);
for (const row of rows) {
  console.log(
    `${pad(row.name, 18)}${pad(String(row.bytes), 10)}${pad(row.lintMs.toFixed(1), 10)}${pad(row.bareParseMs.toFixed(1), 10)}${pad(row.markdownlintMs.toFixed(1), 11)}${pad(row.vsBareParse.toFixed(2), 9)}${row.vsMarkdownlint.toFixed(2)}`,
  );
}
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results', 'bench.json'), JSON.stringify({ node: process.version, rows }, null, 2));
console.log('written: test-results/bench.json');
