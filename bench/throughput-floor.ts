// What bounds the CLI's throughput: on the same files the throughput run checks, the CPU per file of
// a bare remark parse (the parser every lint must run), of our whole lint, and of markdownlint's,
// each in this one thread, second pass (warm). From them, the most any remark-based checker could
// reach against markdownlint-cli2 on `cores` cores if it did nothing but parse, and what a target
// leaves for everything else per file. Prints figures; asserts nothing.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint as markdownlint } from 'markdownlint/sync';
import { lint } from '../server/src/core/lint';

export interface ThroughputFloor {
  files: number;
  /** CPU ms per file, second pass over the files. */
  parseMs: number;
  lintMs: number;
  markdownlintMs: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU ms per file of `run` over `texts`, on the second of two passes (the first warms the JIT). */
function perFile(texts: string[], run: (text: string) => unknown): number {
  for (const text of texts) run(text);
  const start = cpuMs();
  for (const text of texts) run(text);
  return (cpuMs() - start) / texts.length;
}

export function throughputFloor(texts: string[]): ThroughputFloor {
  const bare = unified().use(remarkParse);
  return {
    files: texts.length,
    parseMs: perFile(texts, (text) => bare.parse(text)),
    lintMs: perFile(texts, (text) => lint(text)),
    markdownlintMs: perFile(texts, (text) => markdownlint({ strings: { doc: text } })),
  };
}

/**
 * `cli2MsPerFile`: markdownlint-cli2's measured wall time per file (whole command), when the
 * throughput run has it; otherwise markdownlint's in-process CPU per file stands for it (it runs on one core).
 */
export function describeThroughputFloor(floor: ThroughputFloor, cores: number, cli2MsPerFile?: number, target = 3): string {
  const theirs = cli2MsPerFile ?? floor.markdownlintMs;
  const parseOnlyCeiling = (theirs * cores) / floor.parseMs;
  const budget = (theirs * cores) / target;
  return [
    `what bounds it (one thread, warm, CPU per file over the same ${floor.files} files):`,
    `  remark parse ${floor.parseMs.toFixed(2)} ms, our lint ${floor.lintMs.toFixed(2)} ms, markdownlint ${floor.markdownlintMs.toFixed(2)} ms` +
      (cli2MsPerFile === undefined ? '' : `; markdownlint-cli2 took ${cli2MsPerFile.toFixed(2)} ms per file (wall, whole command)`),
    `  a checker that only parsed with remark could reach at most ${parseOnlyCeiling.toFixed(1)} x markdownlint-cli2 on ${cores} cores;`,
    `  ${target} x leaves ${budget.toFixed(2)} ms per file per core, ${(budget - floor.parseMs).toFixed(2)} ms of it beyond the parse (our lint spends ${(floor.lintMs - floor.parseMs).toFixed(2)} ms beyond it)`,
  ].join('\n');
}
