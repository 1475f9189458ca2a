// The word lists behind the writing-quality rules (blame, hindsight, vague action items, the
// timeline's misleading paths), and how `.postmortemrc.json` extends or silences them. Pure data
// and matching: no Markdown here; the rules decide where a list applies.

/** The lists a config file may change, by name. */
export const WORD_LIST_NAMES = [
  'blame',
  'people',
  'humanError',
  'animated',
  'hindsight',
  'vague',
  'vagueLeads',
  'peopleFixes',
  'detected',
  'escalated',
  'resolved',
  'misleading',
] as const;
export type WordListName = (typeof WORD_LIST_NAMES)[number];

/** Phrases per list: built-in ones plus configured additions, minus silenced ones. */
export type WordLists = Record<WordListName, readonly string[]>;

/** As written in `.postmortemrc.json` under `words`: `{ "blame": { "add": [...], "ignore": [...] } }`. */
export type WordListConfig = Partial<Record<WordListName, { add?: string[]; ignore?: string[] }>>;

/**
 * Phrases are matched as whole words, any case. `*` stands for the rest of a word
 * (`careless*` matches carelessly), and `…` for up to four words in between.
 */
export const BUILTIN_WORDS: WordLists = {
  // Said of a person, these put the fault on them rather than on the system.
  blame: [
    'careless*',
    'negligen*',
    'at fault',
    'his fault',
    'her fault',
    'their fault',
    'forgot',
    'forgot to',
    'ignored',
    'failed to',
    'neglected to',
    'mistakenly',
    'accidentally',
    'should have known',
    'did not bother',
    "didn't bother",
    "didn't run",
    'did not run',
    "didn't test",
    'did not test',
    "didn't check",
    'did not check',
    "didn't follow",
    'did not follow',
    'never tested',
    'never checked',
    'never switched back',
    'incompetent',
    'lazy',
    'stupid',
    'sloppy',
  ],
  // A person's error named as the cause: where the analysis usually stops too early.
  humanError: ['human error*', 'operator error*', 'user error*', 'human mistake*', 'manual error*', 'pilot error*', 'personal error*'],
  // Animated language: it tells the reader how to feel about someone instead of what happened.
  animated: ['ridiculous', 'unbelievable', '!!!', 'heart attack', 'idiot*', 'dumb', 'facepalm', 'what were they thinking', 'clueless'],
  // Who a blame word can be aimed at: roles and references to one person (not "we", not "the team").
  people: [
    'someone',
    'somebody',
    'the engineer',
    'an engineer',
    'the junior',
    'a junior',
    'junior engineer*',
    'the developer',
    'a developer',
    'the dev',
    'the intern',
    'an intern',
    'the admin',
    'the administrator',
    'the sysadmin',
    'the operator',
    'an operator',
    'the technician',
    'a technician',
    'the employee',
    'a team member',
    'the person',
    'the user who',
    'the responsible',
    'the reponsible',
    'he',
    'she',
  ],
  // Counterfactuals written with the knowledge of the outcome ("should have", "if only").
  // ("would have" is left out: it mostly describes what a reader would have seen.)
  hindsight: ['should have', 'could have', "should've", "could've", 'if only', 'had we', 'had they', 'had I', 'ought to have'],
  // Phrases that, anywhere in an action item, name a wish rather than a task someone can finish.
  vague: [
    'look into',
    'look deeper',
    'something about',
    'monitor better',
    'try to',
    'as many … as possible',
    'as much as possible',
    'will always',
    'never again',
    'be better',
    // Scope left unnamed: which users, which services?
    'for certain',
    'where needed',
    'where necessary',
    'where appropriate',
    'as appropriate',
  ],
  // Verbs that, leading a short item (two words or fewer after them), name no change: "Improve monitoring."
  vagueLeads: [
    'improve',
    'enhance',
    'investigate',
    'ensure',
    'make sure',
    'review',
    'refine',
    'strengthen',
    'optimize',
    'optimise',
    'look at',
    'monitor',
    'fix',
  ],
  // Fixes aimed at people instead of the system.
  peopleFixes: [
    'be careful',
    'be more careful',
    'more careful',
    'be extra careful',
    'pay attention',
    'pay more attention',
    'pay closer attention',
    'be vigilant',
    'be more vigilant',
    'be mindful',
    'be more mindful',
    'remind the team',
    'remind everyone',
    'remind engineers',
    'remind developers',
    'remind the engineer*',
    'tell the team',
    'train the engineer',
    'retrain the engineer',
    'train the developer',
    'retrain',
    'avoid mistakes',
    'not make mistakes',
  ],
  // Timeline words for the parts of the story, beyond the phase words (which count too).
  detected: [
    'detect*',
    'notic*',
    'alert*',
    'alarm*',
    'monitoring',
    'complain*',
    'reported',
    'report',
    'reports',
    'discovered',
    'spotted',
    'observed',
    // ("caught" is left out: it is mostly said of the cause, "the typo was caught in the config".)
    'flagged',
    'became aware',
    'first sign*',
  ],
  escalated: [
    'escalat*',
    'paged',
    'called in',
    'contacted',
    'notified',
    'reached out',
    'looped in',
    'brought in',
    'pulled in',
    'handed over',
    'asked',
    'involved',
    'informed',
    'alerted the',
    'woke up',
  ],
  resolved: [
    'resolv*',
    'resolution',
    'restored',
    'recovered',
    'recovery',
    'fixed',
    'back online',
    'back up',
    'back to normal',
    'working again',
    'rolled back',
    'reverted',
    'patched',
    'mitigat*',
    'closed',
    'fix deployed',
    'deployed the fix',
    'deployed a fix',
    'returned to normal',
    'up and running',
    'operational',
  ],
  // Timeline words for a path that turned out wrong (the ALX brief asks for these).
  misleading: [
    'assumed',
    'assuming',
    'assumption',
    'suspected',
    'initially thought',
    'at first thought',
    'thought it was',
    'believed',
    'misleading',
    'misled',
    'red herring',
    'false lead',
    'false alarm',
    'wrongly',
    'mistakenly',
    'turned out',
    'ruled out',
    'dead end',
    'did not help',
    "didn't help",
    'no luck',
    'was not the cause',
    "wasn't the cause",
    'not the issue',
    'not the problem',
    'without success',
    'unsuccessful',
    'to no avail',
    'incorrectly',
  ],
};

/** The built-in lists with a config's additions and silenced phrases applied. */
export function resolveWordLists(config: WordListConfig | undefined): WordLists {
  if (!config) return BUILTIN_WORDS;
  const result = { ...BUILTIN_WORDS } as Record<WordListName, readonly string[]>;
  for (const name of WORD_LIST_NAMES) {
    const change = config[name];
    if (!change) continue;
    const ignored = new Set((change.ignore ?? []).map((phrase) => phrase.trim().toLowerCase()));
    const added = (change.add ?? []).map((phrase) => phrase.trim()).filter(Boolean);
    result[name] = [...BUILTIN_WORDS[name], ...added].filter((phrase) => !ignored.has(phrase.toLowerCase()));
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a pattern: whole words, any case, straight or curly apostrophes, any blanks between words. */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => (word === '…' ? "(?:[\\p{L}\\p{N}'’-]+\\s+){0,4}?" : escapeRegExp(word).replace(/'/g, "['’]").replace(/\\\*$/, "[\\p{L}'’-]*") + '\\s+'))
    .join('')
    .replace(/\\s\+$/, '');
}

const matcherCache = new WeakMap<readonly string[], RegExp | null>();

/**
 * One pattern matching any phrase of a list (null for an empty list), longest phrases first, up to
 * the end of a word. Where a match starts is tested apart (`startsWord`): a lookbehind in front of
 * a long alternation makes the engine try it at every position, about twice as slow.
 */
function listMatcher(list: readonly string[]): RegExp | null {
  if (matcherCache.has(list)) return matcherCache.get(list)!;
  const phrases = [...list].filter((p) => p.trim()).sort((a, b) => b.length - a.length);
  const pattern = phrases.length ? new RegExp(`(?:${phrases.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : null;
  matcherCache.set(list, pattern);
  return pattern;
}

const WORD_CHARACTER = /^[\p{L}\p{N}_]$/u;

/** Whether no letter, digit or underscore comes just before `index` (what `(?<![\p{L}\p{N}_])` tests). */
function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charCodeAt(index - 1);
  if (before < 0x80)
    return !((before >= 0x30 && before <= 0x39) || (before >= 0x41 && before <= 0x5a) || (before >= 0x61 && before <= 0x7a) || before === 0x5f);
  const pairStart = isLowSurrogate(before) && index >= 2 && isHighSurrogate(text.charCodeAt(index - 2));
  return !WORD_CHARACTER.test(text.slice(pairStart ? index - 2 : index - 1, index));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The next match of `pattern` from its lastIndex that starts a word, or null. */
function nextPhrase(pattern: RegExp, text: string): RegExpExecArray | null {
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (startsWord(text, match.index)) return match;
    // No match can start here: go on from the next character (a whole surrogate pair, as the `u` flag reads).
    pattern.lastIndex = match.index + (isHighSurrogate(text.charCodeAt(match.index)) && isLowSurrogate(text.charCodeAt(match.index + 1)) ? 2 : 1);
  }
  return null;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Every match of a list in a text: offset and the words matched. */
export function findPhrases(text: string, list: readonly string[]): { offset: number; phrase: string }[] {
  const pattern = listMatcher(list);
  if (!pattern) return [];
  pattern.lastIndex = 0;
  const found: { offset: number; phrase: string }[] = [];
  for (let match = nextPhrase(pattern, text); match; match = nextPhrase(pattern, text)) {
    found.push({ offset: match.index, phrase: match[0] });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/**
 * Whether a list matches anywhere in a text. A phrase found in a sentence of the text is found in
 * the text too (sentences end at punctuation before a blank, which keeps the whole-word test the
 * same), so a block with no match needs no sentence-by-sentence search.
 */
export function hasPhrase(text: string, list: readonly string[]): boolean {
  const pattern = listMatcher(list);
  if (!pattern) return false;
  pattern.lastIndex = 0;
  const found = nextPhrase(pattern, text) !== null;
  pattern.lastIndex = 0;
  return found;
}
