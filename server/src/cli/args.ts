// Command-line arguments -> options. Usage errors are thrown as UsageError (exit code 2).

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab' | 'junit';
export type ReportFormat = 'markdown' | 'csv' | 'json' | 'html';

export interface CliOptions {
  /** `lint` (the default) or `report` (the incident index). */
  command: 'lint' | 'report';
  paths: string[];
  format: OutputFormat;
  reportFormat: ReportFormat;
  fix: boolean;
  all: boolean;
  profile?: string;
  /** Files checked at once (worker threads); undefined: one per core. */
  jobs?: number;
  /** Seconds one file may take before it is reported as too complex to check. */
  timeoutSeconds: number;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const FORMATS: OutputFormat[] = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'];
export const REPORT_FORMATS: ReportFormat[] = ['markdown', 'csv', 'json', 'html'];
export const DEFAULT_TIMEOUT_SECONDS = 30;

export const HELP = `Usage: postmortem-lint [options] [--] <file | folder | glob>...
       postmortem-lint report [options] [--] <file | folder | glob>...
       postmortem-lint import [--from FORMAT] [--date D] [--zone Z] [--into FILE] FILE...

Checks incident postmortems written in Markdown: required sections and summary
fields, headings, durations and time zones, timeline timestamps.

Files named on the command line and files matched by a glob are always checked.
Folders are searched for *.md files (node_modules and dot folders are skipped;
symbolic links are followed only when they stay inside the folder), and of
those only postmortems are checked: files whose path matches files.include in
.postmortemrc.json (default: names or folders containing postmortem,
post-mortem, incident or retro) or whose first line or front matter says it is
a postmortem or incident report. Use --all to check every *.md file found.
Quote globs so the shell leaves them alone: postmortem-lint "docs/**/*.md"
Everything after "--" is a path, even when it starts with "-":
postmortem-lint -- *   (so a file named --fix is not taken for the option).

report: the incident index instead of the problems: per postmortem its date,
title, severity, length, time to detect, acknowledge, mitigate and resolve, and
problem count; totals, medians, and MTTD and MTTR by month and by severity.

import: Slack, PagerDuty, Alertmanager, syslog, journalctl or kubectl output as
timeline entries (postmortem-lint import --help says more).

Options:
  --format <format>           Output format.
                              For checking (default text):
                              text:   file:line:col severity message [rule-id]
                                      on stdout, a summary line on stderr.
                              json:   an array of {file, line, column, endLine,
                                      endColumn, severity, ruleId, message}.
                              sarif:  SARIF 2.1.0, for code-scanning tools.
                              github: GitHub Actions workflow commands
                                      (::error file=...,line=...::message).
                              gitlab: GitLab code quality report (JSON).
                              junit:  JUnit XML, one testsuite per file.
                              For report (default markdown):
                              markdown, csv, json, html (with SVG charts).
  --fix                       Apply the safe fixes in place, then report what is left.
                              Only Markdown files (.md, .markdown) are written;
                              read-only files are refused.
  --all                       In folders, check every *.md file, not only postmortems.
  --profile <id>              Check against this profile (alx, google-sre, pagerduty,
                              atlassian, or a custom profile from .postmortemrc.json),
                              overriding the profile in .postmortemrc.json.
  --jobs <n>                  Files checked in parallel (default: one per core).
  --timeout <seconds>         A file that takes longer is reported as too complex
                              to check (default ${DEFAULT_TIMEOUT_SECONDS}).
  -h, --help                  Show this help.
  -v, --version               Show the version.
  --                          End of options: every later argument is a path.

Each file is checked with the nearest .postmortemrc.json found in its folder or
a parent folder ({"profile": "...", "rules": {"<rule-id>": "off|info|warning|error"}}).

Exit status: 0 no errors, 1 an error-severity problem was found,
2 bad usage, or a file that could not be read, checked or fixed.`;

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    command: 'lint',
    paths: [],
    format: 'text',
    reportFormat: 'markdown',
    fix: false,
    all: false,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    help: false,
    version: false,
  };
  let onlyPaths = false;
  let format: string | undefined;
  let start = 0;
  if (argv[0] === 'report') {
    options.command = 'report';
    start = 1;
  }
  for (let i = start; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) {
        if (!inline) throw new UsageError(`${name} needs a value.`);
        return inline;
      }
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) throw new UsageError(`${name} needs a value.`);
      i++;
      return next;
    };
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value.`);
    };
    const positive = (text: string, integer: boolean): number => {
      const n = Number(text);
      if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
        throw new UsageError(`${name} needs a ${integer ? 'whole ' : ''}number above 0, not "${text}".`);
      }
      return n;
    };
    switch (name) {
      case '--':
        onlyPaths = true;
        break;
      case '-h':
      case '--help':
        flag();
        options.help = true;
        break;
      case '-v':
      case '--version':
        flag();
        options.version = true;
        break;
      case '--fix':
        flag();
        options.fix = true;
        break;
      case '--all':
        flag();
        options.all = true;
        break;
      case '--format':
        format = value();
        break;
      case '--profile':
        options.profile = value();
        break;
      case '--jobs':
        options.jobs = positive(value(), true);
        break;
      case '--timeout':
        options.timeoutSeconds = positive(value(), false);
        break;
      default:
        throw new UsageError(`Unknown option "${name}".`);
    }
  }
  if (format !== undefined) {
    if (options.command === 'report') {
      if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new UsageError(`Unknown report format "${format}": expected ${REPORT_FORMATS.join(', ')}.`);
      options.reportFormat = format as ReportFormat;
    } else {
      if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`Unknown format "${format}": expected ${FORMATS.join(', ')}.`);
      options.format = format as OutputFormat;
    }
  }
  if (options.command === 'report' && options.fix) throw new UsageError('report does not fix: run --fix without report.');
  return options;
}
