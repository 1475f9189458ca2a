// The CLI's throughput next to markdownlint-cli2's on the same folder: 2,000 real-sized
// postmortems made at run time from the shared corpus (copied to a temporary folder, never into
// the project), whole commands, wall time and peak memory; then our peak memory on 10,000 files.
// Prints figures (wall time, peak memory, and CPU per file, which holds steadier than wall time on a
// shared machine); asserts nothing. Run alone: `node out/bench/cli-throughput.js` after a build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeThroughputFloor, throughputFloor } from './throughput-floor';

export interface CommandFigures {
  wallMs: number;
  /** Peak resident memory of the whole process (all its threads), from /usr/bin/time; undefined without it. */
  peakRssMb?: number;
  /**
   * User and system CPU of the whole process (all its threads), from /usr/bin/time: steadier than
   * wall time when other work shares the machine. Undefined without it.
   */
  cpuMs?: number;
}

export interface ThroughputFigures {
  files: number;
  bytes: number;
  ours: CommandFigures;
  markdownlintCli2: CommandFigures;
  /** markdownlint-cli2's wall time over ours: how many times as many files per second we check. */
  speedup: number;
  tenThousand?: CommandFigures & { files: number };
}

const TIME = '/usr/bin/time';

function measure(args: string[], cwd: string): CommandFigures {
  const timed = existsSync(TIME);
  const start = performance.now();
  const result = timed
    ? spawnSync(TIME, ['-f', '%U %S %M', process.execPath, ...args], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  const wallMs = performance.now() - start;
  const figures = timed ? /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(String(result.stderr)) : null;
  if (!figures) return { wallMs };
  return { wallMs, peakRssMb: Number(figures[3]) / 1024, cpuMs: (Number(figures[1]) + Number(figures[2])) * 1000 };
}

/** `count` postmortems cycling through the corpus, each copy told apart by a last line of its own. */
export function corpusCopies(corpus: string, count: number): string[] {
  const sources = readdirSync(corpus)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => readFileSync(join(corpus, name), 'utf8'));
  return Array.from({ length: count }, (_, i) => `${sources[i % sources.length]}\n<!-- copy ${i} -->\n`);
}

/** `count` postmortems in `folder`, in 20 team folders. */
function makeFolder(corpus: string, folder: string, count: number): number {
  let bytes = 0;
  for (const [i, text] of corpusCopies(corpus, count).entries()) {
    const sub = join(folder, `team-${i % 20}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `incident-${String(i).padStart(5, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** Median of `runs` interleaved rounds, so noise from the rest of the machine falls on both alike. */
function interleaved(runs: number, contenders: Record<string, () => CommandFigures>): Record<string, CommandFigures> {
  const samples: Record<string, CommandFigures[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < runs; round++) for (const [name, run] of Object.entries(contenders)) samples[name].push(run());
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a.wallMs - b.wallMs);
      const cpu = list.map((s) => s.cpuMs ?? NaN).sort((a, b) => a - b)[Math.floor(list.length / 2)];
      return [
        name,
        {
          ...sorted[Math.floor(sorted.length / 2)],
          peakRssMb: Math.max(...list.map((s) => s.peakRssMb ?? 0)) || undefined,
          cpuMs: Number.isFinite(cpu) ? cpu : undefined,
        },
      ];
    }),
  );
}

export function cliThroughput(root: string, corpus: string, options: { files?: number; runs?: number; tenThousand?: boolean } = {}): ThroughputFigures {
  const files = options.files ?? 2000;
  const temp = mkdtempSync(join(tmpdir(), 'postmortem-bench-'));
  try {
    const folder = join(temp, 'postmortems');
    const bytes = makeFolder(corpus, folder, files);
    const ours = [join(root, 'dist', 'cli.js'), '--format', 'json', 'postmortems'];
    // markdownlint-cli2 with its defaults (every rule), on the same files, reading the same folder.
    const theirs = [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'postmortems/**/*.md'];
    const figures = interleaved(options.runs ?? 3, { ours: () => measure(ours, temp), markdownlintCli2: () => measure(theirs, temp) });
    const result: ThroughputFigures = {
      files,
      bytes,
      ours: figures.ours,
      markdownlintCli2: figures.markdownlintCli2,
      speedup: figures.markdownlintCli2.wallMs / figures.ours.wallMs,
    };
    if (options.tenThousand !== false) {
      const big = join(temp, 'big');
      makeFolder(corpus, join(big, 'postmortems'), 10_000);
      result.tenThousand = { files: 10_000, ...measure(ours, big) };
    }
    return result;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export function describeThroughput(figures: ThroughputFigures): string {
  const rate = (f: CommandFigures) => `${((figures.files / f.wallMs) * 1000).toFixed(0)} files/s`;
  const mb = (f: CommandFigures) => (f.peakRssMb === undefined ? 'peak RSS not measured' : `peak RSS ${f.peakRssMb.toFixed(0)} MB`);
  const cpu = (f: CommandFigures, files: number) => (f.cpuMs === undefined ? '' : `, ${(f.cpuMs / files).toFixed(1)} ms CPU/file`);
  const lines = [
    `CLI on ${figures.files} corpus postmortems (${(figures.bytes / 1024 / 1024).toFixed(1)} MB), whole commands, median of interleaved runs:`,
    `  postmortem-lint     ${figures.ours.wallMs.toFixed(0).padStart(7)} ms  ${rate(figures.ours)}, ${mb(figures.ours)}${cpu(figures.ours, figures.files)}`,
    `  markdownlint-cli2   ${figures.markdownlintCli2.wallMs.toFixed(0).padStart(7)} ms  ${rate(figures.markdownlintCli2)}, ${mb(figures.markdownlintCli2)}${cpu(figures.markdownlintCli2, figures.files)}`,
    `  throughput: ${figures.speedup.toFixed(2)} x markdownlint-cli2`,
  ];
  if (figures.tenThousand) {
    lines.push(
      `  postmortem-lint on 10,000 files: ${figures.tenThousand.wallMs.toFixed(0)} ms, ${mb(figures.tenThousand)}${cpu(figures.tenThousand, figures.tenThousand.files)}`,
    );
  }
  return lines.join('\n');
}

// Run on its own (`node out/bench/cli-throughput.js`), not when bundled into bench.js, whose main it then also is.
if (require.main === module && /cli-throughput\.js$/.test(process.argv[1] ?? '')) {
  const root = resolve(__dirname, '..', '..');
  const corpus = resolve(root, '..', 'shared', 'corpus');
  if (!existsSync(corpus)) {
    console.log('../shared/corpus is not beside this checkout: nothing to measure.');
  } else {
    const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);
    const figures = cliThroughput(root, corpus, { runs, tenThousand: !process.argv.includes('--no-10k') });
    console.log(describeThroughput(figures));
    const floor = throughputFloor(corpusCopies(corpus, figures.files));
    console.log(describeThroughputFloor(floor, availableParallelism(), figures.markdownlintCli2.wallMs / figures.files));
  }
}
