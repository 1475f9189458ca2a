// postmortem-lint: the core's findings for files on disk, as text, JSON or SARIF.
// Everything that knows postmortems is in core/; this file reads files, picks options, prints.
import { readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { lint, type LintOptions } from './core/lint';
import { lintOptionsFrom, resolveProfile } from './core/config';
import { applySafeFixes } from './core/fixes';
import { BUILTIN_PROFILES, builtinProfile } from './core/profiles';
import type { Finding } from './core/model';
import { HELP, parseArgs, UsageError, type CliOptions } from './cli/args';
import { expandPaths } from './cli/files';
import { ConfigFinder, type LoadedConfig } from './cli/config';
import { formatJson, formatSarif, formatSummary, formatText, toProblems, type Problem } from './cli/report';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../package.json').version;

/** Files above this size get one info message instead of a lint. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_FIX_PASSES = 10;

interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Paths inside the working folder are shown relative to it, others absolute; always with `/`. */
function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
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

function checkProfile(options: CliOptions, files: string[], configs: ConfigFinder): void {
  const id = options.profile;
  if (!id || builtinProfile(id)) return;
  for (const file of files) {
    if (!configs.forFile(file)?.config.profiles?.[id]) {
      const known = BUILTIN_PROFILES.map((p) => p.id).join(', ');
      throw new UsageError(`Unknown profile "${id}": expected ${known}, or a custom profile defined in the .postmortemrc.json that applies to ${file}.`);
    }
  }
}

export function run(argv: string[], io: Io): number {
  let options: CliOptions;
  let files: string[];
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
  let fixedProblems = 0;
  let fixedFiles = 0;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const config = configs.forFile(file);
    if (config && !reportedConfigs.has(config.path)) {
      reportedConfigs.add(config.path);
      problems.push(...toProblems(displayPath(config.path, io.cwd), config.text, config.findings));
    }
    let original: string;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
      if (stats.size > MAX_FILE_BYTES) {
        const size = (stats.size / 1024 / 1024).toFixed(1);
        problems.push({ file: shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', ruleId: 'file-too-large', message: `The file is ${size} MB, above the 5 MB limit: it was not checked.` });
        continue;
      }
      original = readFileSync(file, 'utf8');
    } catch (error) {
      io.err(`postmortem-lint: cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      status = 2;
      continue;
    }
    // A byte order mark is not text: lint without it (so columns are right), keep it when writing.
    const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
    const body = bom ? original.slice(1) : original;
    let result;
    try {
      result = check(body, lintOptionsFor(config, options.profile), options.fix);
    } catch (error) {
      io.err(`postmortem-lint: internal error while checking ${shown}: ${error instanceof Error ? error.stack : String(error)}\n`);
      status = 2;
      continue;
    }
    if (result.text !== body) {
      try {
        writeAtomically(file, bom + result.text);
        fixedProblems += result.fixed;
        fixedFiles++;
      } catch (error) {
        io.err(`postmortem-lint: cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
        status = 2;
        result = check(body, lintOptionsFor(config, options.profile), false);
      }
    }
    problems.push(...toProblems(shown, result.text, result.findings));
  }

  if (options.format === 'json') io.out(formatJson(problems));
  else if (options.format === 'sarif') io.out(formatSarif(problems, VERSION));
  else {
    io.out(formatText(problems));
    if (options.fix) io.err(`Fixed ${fixedProblems} problem${fixedProblems === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.\n`);
    io.err(formatSummary(problems, files.length));
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
