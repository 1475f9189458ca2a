// Settings and `.postmortemrc.json` -> lint options, and which files are postmortems.
// Config files are data only: read as JSON, validated, never executed. Problems in them are
// findings on the config file, never exceptions.
import { minimatch } from 'minimatch';
import type { Finding, RuleLevel, Span } from './model';
import { RULE_IDS } from './rules';
import { BUILTIN_PROFILES, builtinProfile, customProfile, defaultProfile, type CustomProfileDefinition, type Profile } from './profiles';
import type { LintOptions } from './lint';
import { PHASE_NAMES, type PhaseWords } from './parse';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

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

export interface ConfigFile {
  profile?: string;
  rules?: Record<string, RuleLevel>;
  files?: { include?: string[]; detectByContent?: boolean };
  profiles?: Record<string, CustomProfileDefinition>;
  phaseWords?: PhaseWords;
}

const LEVELS: RuleLevel[] = ['off', 'info', 'warning', 'error'];

function configFinding(message: string, span: Span): Finding {
  return { ruleId: 'config-invalid', severity: 'error', message, span, fixes: [] };
}

/** Where a JSON key's value starts in the text, for pointing at it; the file start otherwise. */
function spanOfKey(text: string, key: string): Span {
  const at = text.indexOf(JSON.stringify(key));
  return at < 0 ? { start: 0, end: Math.min(1, text.length) } : { start: at, end: at + key.length + 2 };
}

export function parseConfigFile(text: string): { config: ConfigFile; findings: Finding[] } {
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
    if (!['profile', 'rules', 'files', 'profiles', 'phaseWords', '$schema'].includes(key)) {
      findings.push(configFinding(`Unknown key "${key}": expected profile, rules, files, profiles or phaseWords.`, spanOfKey(text, key)));
    }
  }
  if (raw.profiles !== undefined) {
    if (typeof raw.profiles !== 'object' || raw.profiles === null || Array.isArray(raw.profiles)) {
      findings.push(configFinding('"profiles" must be an object of profile id -> profile.', spanOfKey(text, 'profiles')));
    } else {
      config.profiles = {};
      for (const [id, definition] of Object.entries(raw.profiles as Record<string, unknown>)) {
        const problem = checkProfileDefinition(definition);
        if (problem) findings.push(configFinding(`Profile "${id}": ${problem}`, spanOfKey(text, id)));
        else config.profiles[id] = definition as CustomProfileDefinition;
      }
    }
  }
  if (raw.profile !== undefined) {
    if (typeof raw.profile !== 'string') findings.push(configFinding('"profile" must be a string.', spanOfKey(text, 'profile')));
    else if (!builtinProfile(raw.profile) && !config.profiles?.[raw.profile]) {
      findings.push(configFinding(`Unknown profile "${raw.profile}": expected one of ${profileIds(config).join(', ')}.`, spanOfKey(text, 'profile')));
    } else config.profile = raw.profile;
  }
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      findings.push(configFinding('"rules" must be an object of rule id -> off | info | warning | error.', spanOfKey(text, 'rules')));
    } else {
      config.rules = {};
      for (const [id, level] of Object.entries(raw.rules as Record<string, unknown>)) {
        if (!RULE_IDS.includes(id)) findings.push(configFinding(`Unknown rule "${id}".`, spanOfKey(text, id)));
        else if (!LEVELS.includes(level as RuleLevel)) findings.push(configFinding(`Rule "${id}": "${String(level)}" is not one of off, info, warning, error.`, spanOfKey(text, id)));
        else config.rules[id] = level as RuleLevel;
      }
    }
  }
  if (raw.files !== undefined) {
    const files = raw.files as Record<string, unknown>;
    if (typeof files !== 'object' || files === null || Array.isArray(files)) {
      findings.push(configFinding('"files" must be an object with "include" and "detectByContent".', spanOfKey(text, 'files')));
    } else {
      config.files = {};
      if (files.include !== undefined) {
        if (Array.isArray(files.include) && files.include.every((g) => typeof g === 'string')) config.files.include = files.include as string[];
        else findings.push(configFinding('"files.include" must be an array of glob strings.', spanOfKey(text, 'include')));
      }
      if (files.detectByContent !== undefined) {
        if (typeof files.detectByContent === 'boolean') config.files.detectByContent = files.detectByContent;
        else findings.push(configFinding('"files.detectByContent" must be true or false.', spanOfKey(text, 'detectByContent')));
      }
    }
  }
  if (raw.phaseWords !== undefined) {
    const words = readPhaseWords(raw.phaseWords);
    if (typeof words === 'string') findings.push(configFinding(words, spanOfKey(text, 'phaseWords')));
    else config.phaseWords = words;
  }
  return { config, findings };
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

function checkProfileDefinition(definition: unknown): string | undefined {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) return 'must be an object.';
  const d = definition as Record<string, unknown>;
  if (d.extends !== undefined && (typeof d.extends !== 'string' || !builtinProfile(d.extends))) {
    return `"extends" must name a built-in profile (${BUILTIN_PROFILES.map((p) => p.id).join(', ')}).`;
  }
  if (d.sections !== undefined) {
    if (!Array.isArray(d.sections)) return '"sections" must be an array.';
    for (const section of d.sections) {
      if (typeof section !== 'object' || section === null || typeof (section as { title?: unknown }).title !== 'string') {
        return 'every section needs a "title" string.';
      }
    }
  }
  if (d.requiredFields !== undefined && !(Array.isArray(d.requiredFields) && d.requiredFields.every((f) => typeof f === 'string'))) {
    return '"requiredFields" must be an array of field ids.';
  }
  if (d.words !== undefined && d.words !== null) {
    const words = d.words as { min?: unknown; max?: unknown };
    if (typeof words.min !== 'number' || typeof words.max !== 'number' || words.min > words.max) return '"words" must be {"min": n, "max": m} with n <= m.';
  }
  return undefined;
}

function profileIds(config: ConfigFile): string[] {
  return [...BUILTIN_PROFILES.map((p) => p.id), ...Object.keys(config.profiles ?? {})];
}

/** The profile for an id, looking in the config's custom profiles first. */
export function resolveProfile(id: string | undefined, config?: ConfigFile): Profile {
  if (id && config?.profiles?.[id]) return customProfile(id, config.profiles[id]);
  return (id && builtinProfile(id)) || defaultProfile();
}

export interface EditorSettings {
  profile?: string;
  rules?: Record<string, RuleLevel>;
  phaseWords?: PhaseWords;
}

/** The project's config file wins over editor settings: it is what the whole team and CI use. */
export function lintOptionsFrom(settings: EditorSettings | undefined, config: ConfigFile | undefined): LintOptions {
  const profileId = config?.profile ?? settings?.profile;
  return {
    profile: resolveProfile(profileId, config),
    rules: { ...(settings?.rules ?? {}), ...(config?.rules ?? {}) },
    phaseWords: mergePhaseWords(settings?.phaseWords, config?.phaseWords),
  };
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
