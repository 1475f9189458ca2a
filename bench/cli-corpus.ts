// The CLI on every corpus file next to markdownlint-cli2 on the same files: whole commands, wall time.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function wallMs(command: string, args: string[], runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(command, args, { stdio: 'ignore' });
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export function cliOnCorpus(root: string, corpus: string, runs = 5): { files: number; oursMs: number; markdownlintCli2Ms: number } {
  const files = readdirSync(corpus)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(corpus, name));
  const oursMs = wallMs(process.execPath, [join(root, 'dist', 'cli.js'), ...files], runs);
  const markdownlintCli2Ms = wallMs(process.execPath, [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), ...files], runs);
  return { files: files.length, oursMs, markdownlintCli2Ms };
}
