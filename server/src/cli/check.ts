// One file, start to finish but the write: read its bytes (never blocking on a FIFO), decide
// whether it is a postmortem, lint it, apply the safe fixes when asked, and hand back the
// problems, the new bytes and (for `report`) the incident's summary. Runs in a worker thread so
// a pathological parse can be stopped at a deadline; it writes nothing, so stopping it is safe.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { lint, type LintOptions } from '../core/lint';
import { isPostmortemDocument, resolveOptions, resolveProfile } from '../core/config';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { Finding, PostmortemModel } from '../core/model';
import { summarizeIncident, type IncidentSummary } from '../core/incidents';
import { fileText, fixBytes } from './fix';
import { ConfigFinder, type LoadedConfig } from './config';
import { toProblems, type Problem } from './problems';

/** Files above this size get one info message instead of a lint. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface CheckTask {
  index: number;
  /** Absolute path for fs calls (bytes when the name is not UTF-8). */
  fsPath: string | Uint8Array;
  /** Absolute path as text, for globs and config lookup. */
  path: string;
  /** As shown in the report. */
  shown: string;
  fromFolder: boolean;
  all: boolean;
  fix: boolean;
  profile?: string;
  cwd: string;
  /** Also summarise the incident (the `report` command). */
  summarize: boolean;
}

export type CheckResult =
  | { kind: 'skipped' }
  | {
      kind: 'checked';
      problems: Problem[];
      /** With --fix and something fixed: the new file content, and the problems of the file as it was. */
      fixed?: { bytes: Uint8Array; count: number; problemsBefore: Problem[] };
      /** The file held bytes that are not UTF-8 (kept as they were). */
      invalidUtf8: boolean;
      incident?: IncidentSummary;
    }
  /** Could not be read or checked. */
  | { kind: 'failed'; message: string };

const isOutside = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);

/**
 * Whether a file found in a folder is a postmortem, as the editor decides it: its path relative to
 * the working folder (the editor: to the workspace folder) matches the include globs, or its content says so.
 */
function isPostmortem(file: string, text: string, config: LoadedConfig | undefined, cwd: string): boolean {
  let rel = relative(cwd, file);
  if (isOutside(rel)) rel = file.replace(/^[\\/]+/, '');
  return isPostmortemDocument(rel, text, optionsOf(config).files);
}

/** Options resolved once per config file (and per --profile), not once per file: a folder shares one. */
const resolved = new WeakMap<object, ReturnType<typeof resolveOptions>>();
const NO_CONFIG = {};
function optionsOf(config: LoadedConfig | undefined): ReturnType<typeof resolveOptions> {
  const key = config ?? NO_CONFIG;
  let options = resolved.get(key);
  if (!options) resolved.set(key, (options = resolveOptions(DEFAULT_SETTINGS, config?.config)));
  return options;
}

const withProfile = new WeakMap<object, Map<string, LintOptions>>();
export function lintOptionsFor(config: LoadedConfig | undefined, profile: string | undefined): LintOptions {
  const options = optionsOf(config);
  if (!profile) return options;
  const key = config ?? NO_CONFIG;
  const byProfile = withProfile.get(key) ?? new Map<string, LintOptions>();
  withProfile.set(key, byProfile);
  let chosen = byProfile.get(profile);
  if (!chosen) byProfile.set(profile, (chosen = { ...options, profile: resolveProfile(profile, config?.config) }));
  return chosen;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** The file's bytes, or why not: opened without blocking, so a FIFO or device is refused, not waited on. */
function readRegularFile(path: string | Uint8Array, shown: string): { bytes: Uint8Array } | { tooLarge: number } | { error: string } {
  let fd: number;
  try {
    fd = openSync(typeof path === 'string' ? path : Buffer.from(path), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: `cannot read ${shown}: ${codeOf(error)}` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { error: `cannot read ${shown}: not a regular file` };
    if (stats.size > MAX_FILE_BYTES) return { tooLarge: stats.size };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { error: `cannot read ${shown}: ${codeOf(error)}` };
  } finally {
    closeSync(fd);
  }
}

export function checkFile(task: CheckTask, configs: ConfigFinder): CheckResult {
  const config = configs.forFile(task.path);
  const onlyPostmortems = task.fromFolder && !task.all;
  const read = readRegularFile(task.fsPath, task.shown);
  if ('error' in read) return { kind: 'failed', message: read.error };
  if ('tooLarge' in read) {
    if (onlyPostmortems && !isPostmortem(task.path, '', config, task.cwd)) return { kind: 'skipped' };
    const message = `The file is ${(read.tooLarge / 1024 / 1024).toFixed(1)} MB, above the 5 MB limit: it was not checked.`;
    const problems: Problem[] = [{ file: task.shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', ruleId: 'document-too-large', message }];
    return { kind: 'checked', problems, invalidUtf8: false };
  }
  // A byte order mark is not text: lint without it (so columns are right), keep it when writing.
  const { text, invalid } = fileText(read.bytes);
  if (onlyPostmortems && !isPostmortem(task.path, text, config, task.cwd)) return { kind: 'skipped' };
  const options = lintOptionsFor(config, task.profile);
  let result: CheckResult & { kind: 'checked' };
  let final: { text: string; findings: Finding[]; model: PostmortemModel };
  if (task.fix) {
    const fixed = fixBytes(read.bytes, options);
    final = fixed;
    if (fixed.count) {
      result = { kind: 'checked', problems: toProblems(task.shown, fixed.text, fixed.findings), invalidUtf8: invalid };
      result.fixed = { bytes: fixed.bytes, count: fixed.count, problemsBefore: toProblems(task.shown, text, fixed.originalFindings) };
    } else {
      result = { kind: 'checked', problems: toProblems(task.shown, text, fixed.findings), invalidUtf8: invalid };
    }
  } else {
    final = { text, ...lint(text, options) };
    result = { kind: 'checked', problems: toProblems(task.shown, text, final.findings), invalidUtf8: invalid };
  }
  if (task.summarize) result.incident = summarizeIncident(final.model, final.findings);
  return result;
}
