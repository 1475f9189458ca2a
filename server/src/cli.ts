// postmortem-lint: the core's findings for files on disk, as text, JSON or SARIF.
// Everything that knows postmortems is in core/; this file reads files, picks options, prints.
import { readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { lint, type LintOptions } from './core/lint';
import { DEFAULT_INCLUDE, lintOptionsFrom, looksLikePostmortem, matchesPostmortemGlobs, resolveProfile } from './core/config';
import { applySafeFixes } from './core/fixes';
import { BUILTIN_PROFILES, builtinProfile } from './core/profiles';
import type { Finding } from './core/model';
import { HELP, parseArgs, UsageError, type CliOptions } from './cli/args';
import { expandPaths, type FileToCheck } from './cli/files';
import { ConfigFinder, type LoadedConfig } from './cli/config';
import { runImport } from './cli/import';
import { formatJson, formatSarif, formatSummary, formatText, toProblems, type Problem } from './cli/report';

// A static require, so esbuild bundles the version in (tsconfig has no resolveJsonModule for an import).
const VERSION: string = require('../../package.json').version;

/** Files above this size get one info message instead of a lint. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_FIX_PASSES = 10;

interface Io {
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

function lintOptionsFor(config: LoadedConfig | undefined, profile: string | undefined): LintOptions {
  const options = lintOptionsFrom(undefined, config?.config);
  return profile ? { ...options, profile: resolveProfile(profile, config?.config) } : options;
}

/** Lints, applying safe fixes first when asked; returns the final text and what is left. */
function check(text: string, options: LintOptions, fix: boolean): { text: string; findings: Finding[]; fixed: number } {
  let fixed = 0;
  let { findings } = lint(text, options);
  for (let pass = 0; fix && pass < MAX_FIX_PASSES; pass++) {
    const result = applySafeFixes(text, findings);
    if (!result.applied || result.text === text) break;
    text = result.text;
    fixed += result.applied;
    findings = lint(text, options).findings;
  }
  return { text, findings, fixed };
}

/** Writes next to the file, then renames over it, so a crash never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const target = realpathSync(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { mode: statSync(target).mode & 0o7777 });
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created
    }
    throw error;
  }
}

/**
 * Whether a file found in a folder is a postmortem, as the editor decides it: its path relative to
 * the working folder (the editor: to the workspace folder) matches the include globs, or its content says so.
 */
function isPostmortem(file: string, text: string, config: LoadedConfig | undefined, cwd: string): boolean {
  let rel = relative(cwd, file);
  if (isOutside(rel)) rel = file.replace(/^[\\/]+/, '');
  if (matchesPostmortemGlobs(rel, config?.config.files?.include ?? DEFAULT_INCLUDE)) return true;
  return config?.config.files?.detectByContent !== false && looksLikePostmortem(text);
}

function checkProfile(options: CliOptions, files: FileToCheck[], configs: ConfigFinder): void {
  const id = options.profile;
  if (!id || builtinProfile(id)) return;
  for (const file of files) {
    if (!configs.forFile(file.path)?.config.profiles?.[id]) {
      const known = BUILTIN_PROFILES.map((p) => p.id).join(', ');
      throw new UsageError(`Unknown profile "${id}": expected ${known}, or a custom profile defined in the .postmortemrc.json that applies to ${file.path}.`);
    }
  }
}

type Outcome =
  | { kind: 'skipped' }
  | { kind: 'checked'; problems: Problem[]; fixed: number }
  /** Could not be read or written; `problems` are still reported when the file could be checked. */
  | { kind: 'failed'; message: string; problems?: Problem[] };

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Reads, lints (and with --fix, fixes and writes) one file. Never throws. */
function checkFile(file: FileToCheck, config: LoadedConfig | undefined, options: CliOptions, io: Io): Outcome {
  const shown = displayPath(file.path, io.cwd);
  const onlyPostmortems = file.fromFolder && !options.all;
  let original: string;
  try {
    const stats = statSync(file.path);
    if (!stats.isFile()) return { kind: 'failed', message: `cannot read ${shown}: not a regular file` };
    if (stats.size > MAX_FILE_BYTES) {
      if (onlyPostmortems && !isPostmortem(file.path, '', config, io.cwd)) return { kind: 'skipped' };
      const size = (stats.size / 1024 / 1024).toFixed(1);
      const message = `The file is ${size} MB, above the 5 MB limit: it was not checked.`;
      return { kind: 'checked', fixed: 0, problems: [{ file: shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', ruleId: 'document-too-large', message }] };
    }
    original = readFileSync(file.path, 'utf8');
  } catch (error) {
    return { kind: 'failed', message: `cannot read ${shown}: ${errorCode(error)}` };
  }
  if (onlyPostmortems && !isPostmortem(file.path, original, config, io.cwd)) return { kind: 'skipped' };
  // A byte order mark is not text: lint without it (so columns are right), keep it when writing.
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? original.slice(1) : original;
  const lintOptions = lintOptionsFor(config, options.profile);
  let result;
  try {
    result = check(body, lintOptions, options.fix);
  } catch (error) {
    return { kind: 'failed', message: `internal error while checking ${shown}: ${error instanceof Error ? error.stack : String(error)}` };
  }
  if (result.text === body) return { kind: 'checked', fixed: 0, problems: toProblems(shown, body, result.findings) };
  try {
    writeAtomically(file.path, bom + result.text);
  } catch (error) {
    const unfixed = check(body, lintOptions, false);
    return { kind: 'failed', message: `cannot write ${shown}: ${errorCode(error)}`, problems: toProblems(shown, body, unfixed.findings) };
  }
  return { kind: 'checked', fixed: result.fixed, problems: toProblems(shown, result.text, result.findings) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function run(argv: string[], io: Io): number {
  if (argv[0] === 'import') return runImport(argv.slice(1), io);
  let options: CliOptions;
  let files: FileToCheck[];
  const configs = new ConfigFinder();
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
    files = expandPaths(options.paths, io.cwd);
    checkProfile(options, files, configs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`postmortem-lint: ${error.message}\nRun "postmortem-lint --help" for usage.\n`);
    return 2;
  }

  let status = 0;
  const problems: Problem[] = [];
  const reportedConfigs = new Set<string>();
  const totals = { checked: 0, skipped: 0, fixedProblems: 0, fixedFiles: 0 };
  for (const file of files) {
    const config = configs.forFile(file.path);
    const outcome = checkFile(file, config, options, io);
    if (outcome.kind === 'skipped') {
      totals.skipped++;
      continue;
    }
    if (outcome.kind === 'failed') {
      io.err(`postmortem-lint: ${outcome.message}\n`);
      status = 2;
      if (!outcome.problems) continue;
    }
    if (config && !reportedConfigs.has(config.path)) {
      reportedConfigs.add(config.path);
      problems.push(...toProblems(displayPath(config.path, io.cwd), config.text, config.findings));
    }
    totals.checked++;
    if (outcome.kind === 'checked' && outcome.fixed) {
      totals.fixedProblems += outcome.fixed;
      totals.fixedFiles++;
    }
    problems.push(...(outcome.problems ?? []));
  }

  if (options.format === 'json') io.out(formatJson(problems));
  else if (options.format === 'sarif') io.out(formatSarif(problems, VERSION));
  else {
    io.out(formatText(problems));
    if (options.fix) io.err(`Fixed ${plural(totals.fixedProblems, 'problem')} in ${plural(totals.fixedFiles, 'file')}.\n`);
    if (totals.skipped) {
      io.err(`Skipped ${plural(totals.skipped, 'Markdown file')} in the folders given that did not look like postmortems (--all checks them too).\n`);
    }
    io.err(formatSummary(problems, totals.checked));
  }
  if (status) return status;
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = run(process.argv.slice(2), {
      cwd: process.cwd(),
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  } catch (error) {
    process.stderr.write(`postmortem-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  }
}
