// postmortem-lint: the core's findings for files on disk, in the format CI wants, and the
// incident index (`report`). Everything that knows postmortems is in core/; this file picks
// options, hands files to the worker pool, writes fixes back and prints, in the order given.
import { availableParallelism, cpus } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isAbsolute, relative, sep } from 'node:path';
import { customProfileDefinition } from './core/config';
import { BUILTIN_PROFILES, builtinProfile } from './core/profiles';
import { RULES } from './core/rules';
import type { Severity } from './core/model';
import { HELP, parseArgs, UsageError, type CliOptions } from './cli/args';
import { expandPaths, type FileToCheck } from './cli/files';
import { ConfigFinder } from './cli/config';
import { checkFile, type CheckResult, type CheckTask } from './cli/check';
import { READY, runChecks, WORKER_ROLE } from './cli/pool';
import { FixRefused, writeFixed } from './cli/write';
import { toProblems, type Problem } from './cli/problems';
import { ChunkedOutput, type ProblemWriter, type Totals } from './cli/formats/output';
import { escapeForTerminal } from './cli/formats/escape';
import { textWriter } from './cli/formats/text';
import { jsonWriter } from './cli/formats/json';
import { sarifWriter } from './cli/formats/sarif';
import { githubWriter } from './cli/formats/github';
import { gitlabWriter } from './cli/formats/gitlab';
import { junitWriter } from './cli/formats/junit';
import { writeIncidentReport } from './cli/incident-report';
import type { IncidentSummary } from './core/incidents';
import { runImport } from './cli/import';

// A static require, so esbuild bundles the version in (tsconfig has no resolveJsonModule for an import).
const VERSION: string = require('../../package.json').version;

export interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

const isOutside = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);

/** Paths inside the working folder are shown relative to it, others absolute; always with `/`. */
function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const shown = rel && !isOutside(rel) ? rel : file;
  return shown.split(sep).join('/');
}

function checkProfile(options: CliOptions, files: FileToCheck[], configs: ConfigFinder): void {
  const id = options.profile;
  if (!id || builtinProfile(id)) return;
  for (const file of files) {
    if (!customProfileDefinition(configs.forFile(file.path)?.config, id)) {
      const known = BUILTIN_PROFILES.map((p) => p.id).join(', ');
      throw new UsageError(`Unknown profile "${id}": expected ${known}, or a custom profile defined in the .postmortemrc.json that applies to ${file.path}.`);
    }
  }
}

function problemWriter(options: CliOptions, out: ChunkedOutput): ProblemWriter {
  switch (options.format) {
    case 'json':
      return jsonWriter(out);
    case 'sarif':
      return sarifWriter(out, VERSION);
    case 'github':
      return githubWriter(out);
    case 'gitlab':
      return gitlabWriter(out);
    case 'junit':
      return junitWriter(
        out,
        RULES.map((rule) => rule.id),
      );
    default:
      return textWriter(out);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatSummary(totals: Totals): string {
  const { error, warning, info } = totals.bySeverity;
  return `${plural(totals.problems, 'problem')} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'info')}) in ${plural(totals.files, 'file')}\n`;
}

function jobCount(options: CliOptions): number {
  if (options.jobs) return options.jobs;
  return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length || 1;
}

export async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'import') return runImport(argv.slice(1), io);
  let options: CliOptions;
  let files: FileToCheck[];
  const configs = new ConfigFinder();
  const warn = (message: string) => io.err(`postmortem-lint: ${escapeForTerminal(message)}\n`);
  let status = 0;
  try {
    options = parseArgs(argv);
    if (options.help) {
      io.out(HELP + '\n');
      return 0;
    }
    if (options.version) {
      io.out(VERSION + '\n');
      return 0;
    }
    if (!options.paths.length) throw new UsageError('No files given.');
    const expanded = expandPaths(options.paths, io.cwd, (path) => displayPath(path, io.cwd));
    files = expanded.files;
    for (const note of expanded.notes) {
      warn(note.message);
      if (note.failed) status = 2;
    }
    checkProfile(options, files, configs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`postmortem-lint: ${error.message}\nRun "postmortem-lint --help" for usage.\n`);
    return 2;
  }

  const out = new ChunkedOutput(io.out);
  const report = options.command === 'report';
  const writer = report ? undefined : problemWriter(options, out);
  const incidents: IncidentSummary[] = [];
  const reportedConfigs = new Set<string>();
  const totals: Totals = { files: 0, problems: 0, bySeverity: { error: 0, warning: 0, info: 0 } };
  const counts = { skipped: 0, fixedProblems: 0, fixedFiles: 0 };
  const emit = (file: string, problems: Problem[]) => {
    totals.problems += problems.length;
    for (const p of problems) totals.bySeverity[p.severity as Severity]++;
    writer?.file(file, problems);
  };

  const tasks: CheckTask[] = files.map((file, index) => ({
    index,
    fsPath: file.fsPath,
    path: file.path,
    shown: displayPath(file.path, io.cwd),
    fromFolder: file.fromFolder,
    all: options.all,
    fix: options.fix,
    profile: options.profile,
    cwd: io.cwd,
    summarize: report,
  }));

  const onResult = (task: CheckTask, result: CheckResult) => {
    if (result.kind === 'skipped') {
      counts.skipped++;
      return;
    }
    if (result.kind === 'failed') {
      warn(result.message);
      status = 2;
      return;
    }
    const config = configs.forFile(task.path);
    if (config && !reportedConfigs.has(config.path)) {
      reportedConfigs.add(config.path);
      if (config.findings.length) emit(displayPath(config.path, io.cwd), toProblems(displayPath(config.path, io.cwd), config.text, config.findings));
    }
    totals.files++;
    let problems = result.problems;
    if (result.fixed) {
      try {
        writeFixed(task.fsPath, result.fixed.bytes);
        counts.fixedProblems += result.fixed.count;
        counts.fixedFiles++;
      } catch (error) {
        const reason = error instanceof FixRefused ? error.message : `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
        warn(`${task.shown}: ${reason}`);
        status = 2;
        problems = result.fixed.problemsBefore;
      }
    }
    if (result.incident) incidents.push({ ...result.incident, file: task.shown, problems: problems.length });
    emit(task.shown, problems);
  };

  writer?.begin();
  await runChecks(tasks, { script: __filename, size: jobCount(options), timeoutMs: options.timeoutSeconds * 1000 }, onResult);
  if (writer) writer.end(totals);
  else writeIncidentReport(options.reportFormat, incidents, (text) => out.push(text));
  out.flush();

  if (!report && options.format === 'text') {
    if (options.fix) io.err(`Fixed ${plural(counts.fixedProblems, 'problem')} in ${plural(counts.fixedFiles, 'file')}.\n`);
    if (counts.skipped) {
      io.err(`Skipped ${plural(counts.skipped, 'Markdown file')} in the folders given that did not look like postmortems (--all checks them too).\n`);
    }
    io.err(formatSummary(totals));
  }
  if (status) return status;
  return !report && totals.bySeverity.error > 0 ? 1 : 0;
}

/** A worker thread of the pool: checks the files it is sent, one at a time. */
function serveChecks(): void {
  const configs = new ConfigFinder();
  parentPort!.on('message', (task: CheckTask) => {
    let result: CheckResult;
    try {
      result = checkFile(task, configs);
    } catch (error) {
      result = { kind: 'failed', message: `internal error while checking ${task.shown}: ${error instanceof Error ? error.stack : String(error)}` };
    }
    parentPort!.postMessage(result);
  });
  parentPort!.postMessage(READY);
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE) {
  serveChecks();
} else if (require.main === module) {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`postmortem-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
