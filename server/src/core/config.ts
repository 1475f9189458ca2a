// Settings and `.postmortemrc.json` -> lint options, and which files are postmortems.
// Config files are data only: read as JSON, validated, never executed. Problems in them are
// findings on the config file, never exceptions.
import { minimatch } from 'minimatch';
import type { Finding, RuleLevel, Span } from './model';
import { CONFIG_FILE_NAME, DEFAULT_INCLUDE, RULE_LEVELS, type PostmortemSettings } from './settings';
import { RULE_IDS } from './rules';
import {
  BUILTIN_PROFILES,
  baseProfileOf,
  builtinProfile,
  customProfile,
  defaultProfile,
  sectionIdOfTitle,
  type CustomProfileDefinition,
  type Profile,
} from './profiles';
import { FIELD_KINDS } from './profiles/fields';
import type { LintOptions } from './lint';
import { PHASE_NAMES, type PhaseWords } from './phases';
import { WORD_LIST_NAMES, type WordListConfig } from './wordLists';
import { parseRequirement, ACTION_PARTS } from './actionItems';
import { STORY_PARTS } from './timelineStory';

export { CONFIG_FILE_NAME, DEFAULT_INCLUDE, DEFAULT_MAX_DOCUMENT_SIZE } from './settings';

export interface ConfigFile {
  profile?: string;
  rules?: Record<string, RuleLevel>;
  files?: { include?: string[]; detectByContent?: boolean };
  profiles?: Record<string, CustomProfileDefinition>;
  phaseWords?: PhaseWords;
  /** Phrases added to or silenced in the wording rules' lists. */
  words?: WordListConfig;
}

const LEVELS: readonly RuleLevel[] = RULE_LEVELS;

function configFinding(message: string, span: Span): Finding {
  return { ruleId: 'config-invalid', severity: 'error', message, span, fixes: [] };
}

/**
 * Where each string of a JSON text first appears, for pointing at a key: one scan of the text,
 * built when first asked (a file with 40,000 unknown keys is read in linear time, not one search
 * per key). A string not found points at the file start.
 */
function keyLocator(text: string): (key: string) => Span {
  let firstAt: Map<string, Span> | undefined;
  return (key) => {
    if (!firstAt) {
      firstAt = new Map();
      for (const match of text.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
        let value: string;
        try {
          value = JSON.parse(match[0]);
        } catch {
          continue;
        }
        if (!firstAt.has(value)) firstAt.set(value, { start: match.index, end: match.index + match[0].length });
      }
    }
    return firstAt.get(key) ?? { start: 0, end: Math.min(1, text.length) };
  };
}

const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/** A config file found for a document: where it is, its text (without a byte order mark) and what it says. */
export interface FoundConfig {
  /** With forward slashes, as given to findConfig. */
  path: string;
  text: string;
  config: ConfigFile;
  findings: Finding[];
}

/**
 * Reads the file at a path: its text, or undefined when there is no file there. It throws when the
 * file is there but cannot be read; findConfig reports that as a problem on the config file.
 */
export type ReadFile = (path: string) => string | undefined;

/**
 * The `.postmortemrc.json` that applies to files in a folder: the nearest one in that folder or
 * above. Paths use forward slashes (`/home/me/docs`, `C:/docs`); the host does the file system.
 * The one discovery the editor's server and the CLI share.
 */
export function findConfig(startDir: string, readFile: ReadFile): FoundConfig | undefined {
  for (let dir = startDir; ;) {
    const path = `${dir.replace(/\/+$/, '')}/${CONFIG_FILE_NAME}`;
    let text: string | undefined;
    try {
      text = readFile(path);
    } catch (error) {
      const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
      return { path, text: '', config: {}, findings: [configFinding(`${CONFIG_FILE_NAME} cannot be read (${reason}).`, { start: 0, end: 0 })] };
    }
    if (text !== undefined) {
      text = withoutBom(text);
      return { path, text, ...parseConfigFile(text) };
    }
    const parent = parentFolder(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `/a/b` -> `/a`, `/a` -> `/`, `C:/a` -> `C:/`; a root (or a bare name) is its own parent. */
function parentFolder(dir: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  const at = trimmed.lastIndexOf('/');
  // No parent for a bare name, nor above a UNC share (`//server/share`).
  if (at < 0 || (trimmed.startsWith('//') && at <= 1)) return dir;
  const parent = trimmed.slice(0, at);
  return parent === '' || /^[A-Za-z]:$/.test(parent) ? `${parent}/` : parent;
}

/**
 * Reads a config file's text. A byte order mark is not part of the JSON: it is dropped, and spans
 * are offsets in the text without it (the text an editor shows).
 */
export function parseConfigFile(text: string): { config: ConfigFile; findings: Finding[] } {
  text = withoutBom(text);
  const cached = parsedConfigs.get(text);
  if (cached) return cached;
  const parsed = parseConfigText(text);
  // Read once per version of a config file's text: every document's analysis asks for it.
  if (parsedConfigs.size >= PARSED_CONFIGS_KEPT) parsedConfigs.delete(parsedConfigs.keys().next().value!);
  parsedConfigs.set(text, parsed);
  return parsed;
}

const PARSED_CONFIGS_KEPT = 8;
const parsedConfigs = new Map<string, { config: ConfigFile; findings: Finding[] }>();

function parseConfigText(text: string): { config: ConfigFile; findings: Finding[] } {
  const spanOfKey = keyLocator(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const at = position ? Math.min(Number(position[1]), text.length) : 0;
    return { config: {}, findings: [configFinding(`${CONFIG_FILE_NAME} is not valid JSON: ${message}`, { start: at, end: Math.min(at + 1, text.length) })] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { config: {}, findings: [configFinding(`${CONFIG_FILE_NAME} must hold a JSON object.`, { start: 0, end: Math.min(1, text.length) })] };
  }
  const raw = data as Record<string, unknown>;
  const findings: Finding[] = [];
  const config: ConfigFile = {};
  for (const key of Object.keys(raw)) {
    if (!['profile', 'rules', 'files', 'profiles', 'phaseWords', 'words', '$schema'].includes(key)) {
      findings.push(configFinding(`Unknown key "${key}": expected profile, rules, files, profiles, phaseWords or words.`, spanOfKey(key)));
    }
  }
  if (raw.profiles !== undefined) {
    if (typeof raw.profiles !== 'object' || raw.profiles === null || Array.isArray(raw.profiles)) {
      findings.push(configFinding('"profiles" must be an object of profile id -> profile.', spanOfKey('profiles')));
    } else {
      // No prototype: a profile named "__proto__" or "constructor" is an entry like any other.
      config.profiles = Object.create(null) as Record<string, CustomProfileDefinition>;
      for (const [id, definition] of Object.entries(raw.profiles as Record<string, unknown>)) {
        const { problems, usable } = checkProfileDefinition(definition);
        for (const problem of problems) findings.push(configFinding(`Profile "${id}": ${problem}`, spanOfKey(id)));
        if (usable) config.profiles[id] = definition as CustomProfileDefinition;
      }
    }
  }
  if (raw.profile !== undefined) {
    if (typeof raw.profile !== 'string') findings.push(configFinding('"profile" must be a string.', spanOfKey('profile')));
    else if (builtinProfile(raw.profile) || customProfileDefinition(config, raw.profile)) config.profile = raw.profile;
    else if (isObject(raw.profiles) && Object.prototype.hasOwnProperty.call(raw.profiles, raw.profile)) {
      findings.push(
        configFinding(
          `Profile "${raw.profile}" is not used until its definition is fixed (see its other problems); the default profile applies.`,
          spanOfKey('profile'),
        ),
      );
    } else {
      findings.push(configFinding(`Unknown profile "${raw.profile}": expected one of ${profileIds(config).join(', ')}.`, spanOfKey('profile')));
    }
  }
  if (raw.rules !== undefined) {
    const { rules, problems } = readRules(raw.rules);
    for (const problem of problems) findings.push(configFinding(problem.message, spanOfKey(problem.key)));
    if (isObject(raw.rules)) config.rules = rules;
  }
  if (raw.files !== undefined) {
    const files = raw.files as Record<string, unknown>;
    if (typeof files !== 'object' || files === null || Array.isArray(files)) {
      findings.push(configFinding('"files" must be an object with "include" and "detectByContent".', spanOfKey('files')));
    } else {
      config.files = {};
      if (files.include !== undefined) {
        if (Array.isArray(files.include) && files.include.every((g) => typeof g === 'string')) config.files.include = files.include as string[];
        else findings.push(configFinding('"files.include" must be an array of glob strings.', spanOfKey('include')));
      }
      if (files.detectByContent !== undefined) {
        if (typeof files.detectByContent === 'boolean') config.files.detectByContent = files.detectByContent;
        else findings.push(configFinding('"files.detectByContent" must be true or false.', spanOfKey('detectByContent')));
      }
    }
  }
  if (raw.phaseWords !== undefined) {
    const words = readPhaseWords(raw.phaseWords);
    if (typeof words === 'string') findings.push(configFinding(words, spanOfKey('phaseWords')));
    else config.phaseWords = words;
  }
  if (raw.words !== undefined) {
    const words = readWordListConfig(raw.words);
    if (typeof words === 'string') findings.push(configFinding(words, spanOfKey('words')));
    else config.words = words;
  }
  return { config, findings };
}

/** `{ "blame": { "add": ["dropped the ball"], "ignore": ["mistakenly"] } }`, checked; a message when it is not that shape. */
export function readWordListConfig(value: unknown): WordListConfig | string {
  const expected = `"words" must be an object of list -> { "add": [...], "ignore": [...] } (lists: ${WORD_LIST_NAMES.join(', ')}).`;
  if (!isObject(value)) return expected;
  const result: WordListConfig = {};
  for (const [name, change] of Object.entries(value)) {
    if (!(WORD_LIST_NAMES as readonly string[]).includes(name)) return `"words": unknown list "${name}" (expected ${WORD_LIST_NAMES.join(', ')}).`;
    if (!isObject(change) || Object.keys(change).some((key) => key !== 'add' && key !== 'ignore'))
      return `"words.${name}" must be { "add": [...], "ignore": [...] }.`;
    for (const key of ['add', 'ignore'] as const) {
      if (change[key] !== undefined && !isStringList(change[key])) return `"words.${name}.${key}" must be a list of words.`;
    }
    result[name as keyof WordListConfig] = change as { add?: string[]; ignore?: string[] };
  }
  return result;
}

/** `{ "mitigated": ["failed over"] }`, checked; a message when it is not that shape. */
export function readPhaseWords(value: unknown): PhaseWords | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '"phaseWords" must be an object of phase -> list of words.';
  const result: PhaseWords = {};
  for (const [phase, words] of Object.entries(value as Record<string, unknown>)) {
    if (!(PHASE_NAMES as readonly string[]).includes(phase)) return `"phaseWords": unknown phase "${phase}" (expected ${PHASE_NAMES.join(', ')}).`;
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) return `"phaseWords.${phase}" must be a list of words.`;
    result[phase as keyof PhaseWords] = words as string[];
  }
  return result;
}

/**
 * Rule levels from settings or a config file: the valid entries, and what is wrong with the others
 * (each with the key to point at). Settings ignore the problems; a config file reports them.
 */
export function readRules(value: unknown): { rules: Record<string, RuleLevel>; problems: { key: string; message: string }[] } {
  const rules: Record<string, RuleLevel> = {};
  if (value === undefined || value === null) return { rules, problems: [] };
  if (!isObject(value)) return { rules, problems: [{ key: 'rules', message: '"rules" must be an object of rule id -> off | info | warning | error.' }] };
  const problems: { key: string; message: string }[] = [];
  for (const [id, level] of Object.entries(value)) {
    if (!RULE_IDS.includes(id)) problems.push({ key: id, message: `Unknown rule "${id}".` });
    else if (!LEVELS.includes(level as RuleLevel))
      problems.push({ key: id, message: `Rule "${id}": ${JSON.stringify(level)} is not one of off, info, warning, error.` });
    else rules[id] = level as RuleLevel;
  }
  return { rules, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

const PROFILE_KEYS = [
  'name',
  'description',
  'extends',
  'sections',
  'requiredFields',
  'fieldsSection',
  'words',
  'timelineAsList',
  'actionItems',
  'timelineStory',
  'tasksToDo',
];
const SECTION_KEYS = ['id', 'title', 'synonyms', 'required', 'template'];

/**
 * What is wrong with a custom profile definition, every field checked, so that parse and the rules
 * only ever see the shapes they expect. Unknown keys are reported but do not stop the profile
 * being used; any other problem does.
 */
function checkProfileDefinition(definition: unknown): { problems: string[]; usable: boolean } {
  if (!isObject(definition)) return { problems: ['must be an object.'], usable: false };
  const d = definition;
  const problems: string[] = [];
  const unknownKeys: string[] = [];
  for (const key of ['name', 'description']) {
    if (d[key] !== undefined && typeof d[key] !== 'string') problems.push(`"${key}" must be a string.`);
  }
  if (d.extends !== undefined && (typeof d.extends !== 'string' || !builtinProfile(d.extends))) {
    problems.push(`"extends" must name a built-in profile (${BUILTIN_PROFILES.map((p) => p.id).join(', ')}).`);
  }
  let sectionIds: string[] | undefined;
  if (d.sections !== undefined) {
    if (!Array.isArray(d.sections)) problems.push('"sections" must be an array of {"title": ...} objects.');
    else {
      sectionIds = [];
      d.sections.forEach((section: unknown, index) => {
        const where = `sections[${index}]`;
        if (!isObject(section)) return problems.push(`${where} must be an object with a "title".`);
        if (typeof section.title !== 'string' || !section.title.trim()) problems.push(`${where}.title must be a non-empty string.`);
        if (section.id !== undefined && (typeof section.id !== 'string' || !section.id.trim())) problems.push(`${where}.id must be a non-empty string.`);
        if (section.synonyms !== undefined && !isStringList(section.synonyms)) problems.push(`${where}.synonyms must be an array of strings.`);
        if (section.required !== undefined && typeof section.required !== 'boolean') problems.push(`${where}.required must be true or false.`);
        if (section.template !== undefined && typeof section.template !== 'string')
          problems.push(`${where}.template must be a string (the Markdown body of the section).`);
        for (const key of Object.keys(section))
          if (!SECTION_KEYS.includes(key)) unknownKeys.push(`${where}: unknown key "${key}" (expected ${SECTION_KEYS.join(', ')}).`);
        const id = typeof section.id === 'string' ? section.id : typeof section.title === 'string' ? sectionIdOfTitle(section.title) : undefined;
        if (id === undefined) return;
        if (sectionIds!.includes(id)) problems.push(`${where}: a second section with the id "${id}".`);
        sectionIds!.push(id);
      });
    }
  }
  if (d.requiredFields !== undefined) {
    const known = FIELD_KINDS.map((kind) => kind.id);
    if (!isStringList(d.requiredFields)) problems.push(`"requiredFields" must be an array of field ids (${known.join(', ')}).`);
    else
      for (const field of d.requiredFields)
        if (!known.includes(field)) problems.push(`"requiredFields": unknown field "${field}" (expected ${known.join(', ')}).`);
  }
  if (d.fieldsSection !== undefined) {
    const ids = sectionIds ?? baseProfileOf(d as CustomProfileDefinition).sections.map((s) => s.id);
    if (typeof d.fieldsSection !== 'string' || !ids.includes(d.fieldsSection)) {
      problems.push(`"fieldsSection" must be the id of one of the profile's sections (${ids.join(', ')}).`);
    }
  }
  if (d.words !== undefined && d.words !== null) {
    const words = d.words as { min?: unknown; max?: unknown };
    const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (
      !isObject(d.words) ||
      !count(words.min) ||
      !count(words.max) ||
      (words.min as number) > (words.max as number) ||
      Object.keys(d.words).some((k) => k !== 'min' && k !== 'max')
    ) {
      problems.push('"words" must be {"min": n, "max": m} with whole numbers 0 <= n <= m, or null for no word range.');
    }
  }
  if (d.timelineAsList !== undefined && typeof d.timelineAsList !== 'boolean') problems.push('"timelineAsList" must be true or false.');
  if (d.tasksToDo !== undefined && typeof d.tasksToDo !== 'boolean') problems.push('"tasksToDo" must be true or false.');
  if (d.actionItems !== undefined) {
    const parts = ACTION_PARTS.join(', ');
    if (!isStringList(d.actionItems)) problems.push(`"actionItems" must be an array of parts (${parts}; alternatives joined by "|", like "due|priority").`);
    else
      for (const item of d.actionItems)
        if (!parseRequirement(item)) problems.push(`"actionItems": "${item}" is not a part or parts joined by "|" (expected ${parts}).`);
  }
  if (d.timelineStory !== undefined) {
    if (!isStringList(d.timelineStory) || d.timelineStory.some((part) => !(STORY_PARTS as readonly string[]).includes(part))) {
      problems.push(`"timelineStory" must be an array of story parts (${STORY_PARTS.join(', ')}).`);
    }
  }
  for (const key of Object.keys(d)) if (!PROFILE_KEYS.includes(key)) unknownKeys.push(`unknown key "${key}" (expected ${PROFILE_KEYS.join(', ')}).`);
  return { problems: [...problems, ...unknownKeys], usable: problems.length === 0 };
}

function profileIds(config: ConfigFile): string[] {
  return [...BUILTIN_PROFILES.map((p) => p.id), ...Object.keys(config.profiles ?? {})];
}

/** A custom profile's definition by id: own entries only (never `constructor` from Object.prototype). */
export function customProfileDefinition(config: ConfigFile | undefined, id: string): CustomProfileDefinition | undefined {
  const profiles = config?.profiles;
  return profiles && Object.prototype.hasOwnProperty.call(profiles, id) ? profiles[id] : undefined;
}

/** The profile for an id, looking in the config's custom profiles first. */
export function resolveProfile(id: string | undefined, config?: ConfigFile): Profile {
  const definition = id === undefined ? undefined : customProfileDefinition(config, id);
  if (id && definition) return customProfile(id, definition);
  return (id && builtinProfile(id)) || defaultProfile();
}

/** What a document is checked with: the lint options, and which files count and how large they may be. */
export interface ResolvedOptions extends LintOptions {
  files: PostmortemSettings['files'];
  maxDocumentSize: number;
}

/**
 * Settings (normalised, `normaliseSettings`) and the `.postmortemrc.json` that applies -> the
 * options a document is checked with. The config file wins over editor settings: it is what the
 * whole team and CI use. The one merge the server and the CLI share.
 */
export function resolveOptions(
  settings: Pick<PostmortemSettings, 'profile' | 'rules' | 'files' | 'maxDocumentSize' | 'phaseWords'>,
  config: ConfigFile | undefined,
): ResolvedOptions {
  const profileId = config?.profile ?? settings.profile;
  return {
    profile: resolveProfile(profileId, config),
    rules: { ...settings.rules, ...(config?.rules ?? {}) },
    phaseWords: mergePhaseWords(settings.phaseWords, config?.phaseWords),
    files: {
      include: config?.files?.include ?? settings.files.include,
      detectByContent: config?.files?.detectByContent ?? settings.files.detectByContent,
    },
    maxDocumentSize: settings.maxDocumentSize,
    words: config?.words,
  };
}

/**
 * Whether a Markdown document is a postmortem: its path (relative to its workspace folder, or to
 * the CLI's working folder) matches the include globs, or its content says so. The one decision
 * the server and the CLI share; a per-file choice in the editor comes before it.
 */
export function isPostmortemDocument(relativePath: string, text: string, files: PostmortemSettings['files']): boolean {
  return matchesPostmortemGlobs(relativePath, files.include) || (files.detectByContent && looksLikePostmortem(text));
}

/** Words from settings and from the config file both count (they only add to the built-in ones). */
function mergePhaseWords(a: PhaseWords | undefined, b: PhaseWords | undefined): PhaseWords | undefined {
  if (!a && !b) return undefined;
  const merged: PhaseWords = {};
  for (const phase of PHASE_NAMES) {
    const words = [...(a?.[phase] ?? []), ...(b?.[phase] ?? [])];
    if (words.length) merged[phase] = words;
  }
  return merged;
}

/** Whether a path (relative to its workspace folder, with forward slashes) matches the include globs. */
export function matchesPostmortemGlobs(relativePath: string, include: string[] = DEFAULT_INCLUDE): boolean {
  const path = relativePath.replace(/\\/g, '/').toLowerCase();
  return include.some((glob) => minimatch(path, glob.toLowerCase(), { dot: true, matchBase: !glob.includes('/') }));
}

/** Whether the text says it is a postmortem: its front matter, or its first heading or first line. */
export function looksLikePostmortem(text: string): boolean {
  const head = text.slice(0, 4000);
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(head);
  if (frontMatter && /\b(post-?mortem|incident|retrospective)\b/i.test(frontMatter[1])) return true;
  const body = frontMatter ? head.slice(frontMatter[0].length) : head;
  const firstLine = /^\s*(\S[^\r\n]*)/.exec(body)?.[1] ?? '';
  return /\b(post-?\s?mortem|incident|outage)\b/i.test(firstLine);
}
