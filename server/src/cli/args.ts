// Command-line arguments -> options. Usage errors are thrown as UsageError (exit code 2).

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  all: boolean;
  profile?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const FORMATS: OutputFormat[] = ['text', 'json', 'sarif'];

export const HELP = `Usage: postmortem-lint [options] <file | folder | glob>...

Checks incident postmortems written in Markdown: required sections and summary
fields, headings, durations and time zones, timeline timestamps.

Files named on the command line and files matched by a glob are always checked.
Folders are searched for *.md files (node_modules and dot folders are skipped),
and of those only postmortems are checked: files whose path matches
files.include in .postmortemrc.json (default: names or folders containing
postmortem, post-mortem, incident or retro) or whose first line or front
matter says it is a postmortem or incident report. Use --all to check every *.md file found.
Quote globs so the shell leaves them alone: postmortem-lint "docs/**/*.md"

Options:
  --format <text|json|sarif>  Output format (default: text).
                              text:  file:line:col severity message [rule-id] on
                                     stdout, a summary line on stderr.
                              json:  an array of {file, line, column, endLine,
                                     endColumn, severity, ruleId, message}.
                              sarif: SARIF 2.1.0, for code-scanning tools.
  --fix                       Apply the safe fixes in place, then report what is left.
  --all                       In folders, check every *.md file, not only postmortems.
  --profile <id>              Check against this profile (alx, google-sre, pagerduty,
                              atlassian, or a custom profile from .postmortemrc.json),
                              overriding the profile in .postmortemrc.json.
  -h, --help                  Show this help.
  -v, --version               Show the version.

Each file is checked with the nearest .postmortemrc.json found in its folder or
a parent folder ({"profile": "...", "rules": {"<rule-id>": "off|info|warning|error"}}).

Exit status: 0 no errors, 1 an error-severity problem was found,
2 bad usage or a file that cannot be read.`;

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'text', fix: false, all: false, help: false, version: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
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
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`Unknown format "${format}": expected ${FORMATS.join(', ')}.`);
        options.format = format as OutputFormat;
        break;
      }
      case '--profile':
        options.profile = value();
        break;
      default:
        throw new UsageError(`Unknown option "${name}".`);
    }
  }
  return options;
}
