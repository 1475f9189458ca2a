// `postmortem-lint import`: timeline entries from Slack, PagerDuty, alerts and logs, printed as
// Markdown timeline lines, or merged into a postmortem's timeline with --into (written atomically).
// Bad input: a message naming the file and the line or field, exit 2, nothing written. The
// conversion and the merge are the core's (core/import); this file reads, writes and prints.
import { readFileSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { resolveOptions } from '../core/config';
import { DEFAULT_SETTINGS } from '../core/settings';
import { applyEdits } from '../core/fixes';
import {
  FORMAT_LABELS,
  IMPORT_FORMATS,
  importIntoDocument,
  importStandalone,
  isImportFormat,
  slackUserNames,
  type ImportFailure,
  type ImportFormat,
  type ImportSource,
} from '../core/import';
import type { CivilDate } from '../core/model';
import { resolveZone } from '../core/time';
import { ConfigFinder } from './config';
import { UsageError } from './args';

export interface ImportIo {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

export const IMPORT_HELP = `Usage: postmortem-lint import [--from FORMAT] [--date YYYY-MM-DD] [--zone ZONE] [--into POSTMORTEM.md] FILE...

Turns what happened in chat, paging and logs into Markdown timeline entries.
Without --into, prints the entries on stdout ("- 14:04 UTC: text", with date
lines when they span days). With --into, merges them into that postmortem's
timeline in its own style (list or table, 12- or 24-hour clock, zone suffix),
in time order, leaving out entries already there; the file is written
atomically, and nothing else in it changes.

Formats (detected when --from is not given):
${IMPORT_FORMATS.map((format) => `  ${format.padEnd(13)}${FORMAT_LABELS[format]}`).join('\n')}
A Slack export channel folder (its YYYY-MM-DD.json files) can be given as FILE;
users.json beside it or above it names the people.

Options:
  --from FORMAT      The format of every FILE.
  --date YYYY-MM-DD  The date of times written without one (Slack copies, syslog's
                     missing year). Default with --into: the date the postmortem's
                     Duration starts on.
  --zone ZONE        The zone of times written without one, and of the lines
                     printed (UTC, EAT, Europe/Paris, +03:00). Default with --into:
                     the zone of the postmortem's timeline or Duration.
  --into FILE        Merge into this postmortem instead of printing.
  -h, --help         Show this help.

Exit status: 0 imported, 2 bad usage or input that cannot be read (nothing is written).`;

interface ImportArgs {
  from?: ImportFormat;
  date?: CivilDate;
  zone?: string;
  zoneText?: string;
  into?: string;
  files: string[];
  help: boolean;
}

function parseImportArgs(argv: string[]): ImportArgs {
  const args: ImportArgs = { files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      args.files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
      const next = inline ?? argv[++i];
      if (!next || (inline === undefined && next.startsWith('-'))) throw new UsageError(`${name} needs a value.`);
      return next;
    };
    switch (name) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--from': {
        const format = value();
        if (!isImportFormat(format)) throw new UsageError(`Unknown format "${format}": expected ${IMPORT_FORMATS.join(', ')}.`);
        args.from = format;
        break;
      }
      case '--date': {
        const text = value();
        const date = DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: 'UTC' });
        if (!date.isValid) throw new UsageError(`--date ${text}: expected a real date as YYYY-MM-DD.`);
        args.date = { year: date.year, month: date.month, day: date.day };
        break;
      }
      case '--zone': {
        const text = value();
        const zone = resolveZone(text);
        if (!zone) throw new UsageError(`--zone ${text}: not a time zone (expected UTC, EAT, Europe/Paris, +03:00 ...).`);
        args.zone = zone;
        args.zoneText = text.trim();
        break;
      }
      case '--into':
        args.into = value();
        break;
      default:
        throw new UsageError(`Unknown option "${name}" for import.`);
    }
  }
  return args;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** users.json in the folder or the one above it: an export's people. */
function slackUsersNear(folder: string): Record<string, string> | undefined {
  for (const dir of [folder, dirname(folder)]) {
    try {
      return slackUserNames(readFileSync(join(dir, 'users.json'), 'utf8'));
    } catch {
      // not there: names stay ids
    }
  }
  return undefined;
}

/** A file's text, or a Slack channel folder's day files joined into one array. */
function readSource(file: string, cwd: string, format: ImportFormat | undefined): ImportSource {
  const path = resolve(cwd, file);
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${errorCode(error)}`);
  }
  if (stats.isDirectory()) {
    const days = readdirSync(path)
      .filter((name) => /^\d{4}-\d\d-\d\d\.json$/.test(name))
      .sort();
    if (!days.length) throw new UsageError(`${file} is a folder without Slack export day files (YYYY-MM-DD.json).`);
    const messages: unknown[] = [];
    for (const day of days) {
      const text = readFileSync(join(path, day), 'utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new InputError(`${join(file, day)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      if (!Array.isArray(value)) throw new InputError(`${join(file, day)}: a Slack export day file is an array of messages`);
      messages.push(...value);
    }
    return { text: JSON.stringify(messages), format: format ?? 'slack-json', name: file, slackUsers: slackUsersNear(path) };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${errorCode(error)}`);
  }
  return { text, format, name: file, slackUsers: path.endsWith('.json') ? slackUsersNear(dirname(path)) : undefined };
}

/** Input that could be read but not understood (exit 2 like usage errors, without the usage hint). */
class InputError extends Error {}

function failureMessage(failure: ImportFailure, into: string | undefined): string {
  if (failure.missing === 'zone') return `${failure.error}: give --zone ZONE${into ? ` (or name the zone in ${into}'s timeline or Duration)` : ''}.`;
  if (failure.missing === 'date') return `${failure.error}: give --date YYYY-MM-DD${into ? ` (or write the date in ${into}'s Duration)` : ''}.`;
  return failure.error;
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function runImport(argv: string[], io: ImportIo): number {
  let args: ImportArgs;
  let sources: ImportSource[];
  try {
    args = parseImportArgs(argv);
    if (args.help) {
      io.out(`${IMPORT_HELP}\n`);
      return 0;
    }
    if (!args.files.length) throw new UsageError('No files to import given.');
    sources = args.files.map((file) => readSource(file, io.cwd, args.from));
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`postmortem-lint import: ${error.message}\n`);
      return 2;
    }
    if (!(error instanceof UsageError)) throw error;
    io.err(`postmortem-lint import: ${error.message}\nRun "postmortem-lint import --help" for usage.\n`);
    return 2;
  }

  if (!args.into) {
    const outcome = importStandalone(resolveOptions(DEFAULT_SETTINGS, undefined).profile, {
      sources,
      date: args.date,
      zone: args.zone,
      zoneText: args.zoneText,
    });
    if (!outcome.ok) {
      io.err(`postmortem-lint import: ${failureMessage(outcome, undefined)}\n`);
      return 2;
    }
    io.out(`${outcome.lines.join('\n')}\n`);
    return 0;
  }

  const target = resolve(io.cwd, args.into);
  let original: string;
  try {
    original = readFileSync(target, 'utf8');
  } catch (error) {
    io.err(`postmortem-lint import: cannot read ${args.into}: ${errorCode(error)}\n`);
    return 2;
  }
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? original.slice(1) : original;
  const options = resolveOptions(DEFAULT_SETTINGS, new ConfigFinder().forFile(target)?.config);
  const outcome = importIntoDocument(body, options.profile, { sources, date: args.date, zone: args.zone, zoneText: args.zoneText }, options.phaseWords);
  if (!outcome.ok) {
    io.err(`postmortem-lint import: ${failureMessage(outcome, args.into).replace(/\.?$/, '.')} Nothing was written.\n`);
    return 2;
  }
  const { added, duplicates, edits } = outcome.merge;
  if (edits.length) {
    try {
      writeAtomically(target, bom + applyEdits(body, edits).text);
    } catch (error) {
      io.err(`postmortem-lint import: cannot write ${args.into}: ${errorCode(error)}\n`);
      return 2;
    }
  }
  const already = duplicates.length ? ` (${plural(duplicates.length, 'entry', 'entries')} already there left out)` : '';
  io.err(`Added ${plural(added.length, 'timeline entry', 'timeline entries')} to ${args.into}${already}.\n`);
  return 0;
}
