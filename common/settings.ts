// The `postmortem.*` settings: their one type, their defaults and the one normaliser that turns
// whatever a client sent (or nothing) into well-formed settings. Read by the server, the CLI and
// the client; package.json declares the same defaults (test/unit/manifest.test.ts checks them).
// Dependency-free on purpose: the core, the server and the client all import it.

export type RuleLevel = 'off' | 'info' | 'warning' | 'error';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export type Phase = 'started' | 'detected' | 'acknowledged' | 'escalated' | 'mitigated' | 'resolved';
/** The phases a timeline entry can mark, in the order the parser tries them. */
export const PHASE_NAMES: readonly Phase[] = ['resolved', 'mitigated', 'escalated', 'acknowledged', 'detected', 'started'];

/** Extra words per phase: `{ "mitigated": ["failed over"] }`. */
export type PhaseWords = Partial<Record<Phase, string[]>>;

/** The `postmortem` configuration section, as the client's settings and the server read it. */
export interface PostmortemSettings {
  /** Profile id: `alx`, `google-sre`, `pagerduty`, `atlassian`, or a custom profile's id. */
  profile: string;
  /** Per-rule severity overrides. */
  rules: Record<string, RuleLevel>;
  files: {
    /** Globs (matched against the workspace-relative path) of Markdown files that are postmortems. */
    include: string[];
    /** Also treat a file as a postmortem when its first heading or front matter says so. */
    detectByContent: boolean;
  };
  /** Documents larger than this many characters get one information diagnostic instead of a lint. */
  maxDocumentSize: number;
  /** Extra words that mark timeline phases, per phase. */
  phaseWords?: PhaseWords;
  /** Where New Postmortem creates files, relative to the workspace folder (client only). */
  newPostmortemFolder: string;
}

export const DEFAULT_INCLUDE = [
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
  '**/*incident*.md',
  '**/*retro*.md',
  '**/*postmortem*/**/*.md',
  '**/*post-mortem*/**/*.md',
  '**/*incident*/**/*.md',
  '**/*retro*/**/*.md',
];

export const DEFAULT_MAX_DOCUMENT_SIZE = 2_000_000;

/** The project's config file, read by the server and the CLI. */
export const CONFIG_FILE_NAME = '.postmortemrc.json';

/** The smallest `maxDocumentSize` accepted (package.json's `minimum`). */
export const MIN_DOCUMENT_SIZE_LIMIT = 1000;

export const DEFAULT_SETTINGS: Readonly<PostmortemSettings> = Object.freeze({
  profile: 'alx',
  rules: {},
  files: { include: DEFAULT_INCLUDE, detectByContent: true },
  maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE,
  newPostmortemFolder: 'postmortems',
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Settings as received (from `workspace/configuration`, `getConfiguration`, or nothing) ->
 * well-formed settings: every value of the wrong shape falls back to its default, rule levels that
 * are not one are dropped (the rule keeps its default), phase words of an unknown phase are dropped.
 */
export function normaliseSettings(value: unknown): PostmortemSettings {
  const raw = isObject(value) ? value : {};
  const files = isObject(raw.files) ? raw.files : {};
  const settings: PostmortemSettings = {
    profile: typeof raw.profile === 'string' && raw.profile.trim() ? raw.profile : DEFAULT_SETTINGS.profile,
    rules: {},
    files: {
      include: isStringList(files.include) ? files.include : DEFAULT_INCLUDE,
      detectByContent: typeof files.detectByContent === 'boolean' ? files.detectByContent : DEFAULT_SETTINGS.files.detectByContent,
    },
    maxDocumentSize:
      typeof raw.maxDocumentSize === 'number' && Number.isFinite(raw.maxDocumentSize) && raw.maxDocumentSize >= MIN_DOCUMENT_SIZE_LIMIT
        ? raw.maxDocumentSize
        : DEFAULT_MAX_DOCUMENT_SIZE,
    newPostmortemFolder:
      typeof raw.newPostmortemFolder === 'string' && raw.newPostmortemFolder.trim() ? raw.newPostmortemFolder : DEFAULT_SETTINGS.newPostmortemFolder,
  };
  if (isObject(raw.rules)) {
    for (const [id, level] of Object.entries(raw.rules)) if ((RULE_LEVELS as readonly unknown[]).includes(level)) settings.rules[id] = level as RuleLevel;
  }
  if (isObject(raw.phaseWords)) {
    const words: PhaseWords = {};
    for (const [phase, list] of Object.entries(raw.phaseWords)) {
      if ((PHASE_NAMES as readonly string[]).includes(phase) && isStringList(list)) words[phase as Phase] = list;
    }
    if (Object.keys(words).length) settings.phaseWords = words;
  }
  return settings;
}
