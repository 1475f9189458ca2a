// The sections postmortems are made of, with the names real templates give them.
// Profiles pick from these; a heading maps to a section when its normalised text is a synonym.

export interface SectionKind {
  id: string;
  /** The name the template writes. */
  title: string;
  synonyms: string[];
  /**
   * Words that show the document says what this section would, without a heading for it (a
   * cause stated in the summary, a fix in the timeline). Used only where the profile allows it.
   */
  evidence?: RegExp;
}

export const SECTION_KINDS: SectionKind[] = [
  {
    id: 'summary',
    // The summary's evidence is an unheaded introduction: see section-missing.
    title: 'Issue Summary',
    synonyms: [
      'summary',
      'issue summary',
      'executive summary',
      'overview',
      'incident summary',
      'incident overview',
      'incident report',
      'incident description',
      'description',
      'what happened',
      'what was the problem',
      'what went down',
      'details of incident',
      'incident details',
      'summary of the incident',
      'summary of incident',
      'summary of issues',
      'summary of the issue',
    ],
  },
  {
    id: 'impact',
    evidence:
      /\b(?:users?|customers?|clients?|visitors?|subscribers?|people|traffic|requests|affected|impact(?:ed|s)?|unavailable|inaccessible|unreachable|could not|couldn't|unable to|downtime|outage|(?:was|were|went) down|experienc(?:ed|ing) (?:\w+ ){0,2}(?:issues|errors|problems|failures|slowness|latency|degradation))\b/i,
    title: 'Impact',
    synonyms: [
      'impact',
      'customer impact',
      'user impact',
      'business impact',
      'what was impacted',
      'what was the impact',
      'what was the impact identified',
      'who was affected',
      'impact assessment',
    ],
  },
  {
    id: 'timeline',
    title: 'Timeline',
    synonyms: [
      'timeline',
      'incident timeline',
      'chain of events',
      'timeline of events',
      'sequence of events',
      'time line',
      'timeline of the incident',
      'detailed timeline',
    ],
  },
  {
    id: 'detection',
    title: 'Detection',
    evidence: /\b(?:detected|noticed|alert(?:ed|s)?|reported|discovered|paged|monitoring|spotted|found out)\b/i,
    synonyms: ['detection', 'how it was detected', 'how was it detected', 'issue detection'],
  },
  {
    id: 'rootCause',
    // A cause stated, not one still sought ("the root cause is still unknown", "find what the cause is").
    evidence:
      /\b(?:(?:root )?cause(?: of (?:the|this|that|our) \w+)?(?: (?:was|is)|\s*[—–:-])(?! (?:still |yet )?(?:unknown|unclear|not|being))|caused by|triggered by|prompted by|resulted from|the result of|(?:was|is) a bug|a bug in|(?:was|were|is) due to|because (?:of )?(?:a|an|the)\b|(?:was|were) (?:caused|triggered)|(?:was|were) traced (?:back )?to|(?:was|were) (?:identified|found) (?:as|to be) (?:a|an|the)\b|\b(?:a|the) typo\b)/i,
    title: 'Root Cause',
    synonyms: [
      'root cause',
      'root causes',
      'root cause analysis',
      'contributing factors',
      'trigger',
      'cause',
      'causes',
      'main cause',
      'why did it happen',
      'why did this happen',
      'what caused it',
      'what went wrong and why',
    ],
  },
  {
    id: 'rootCauseAndResolution',
    title: 'Root Cause and Resolution',
    synonyms: [
      'root cause and resolution',
      'root causes and resolution',
      'cause and resolution',
      'root cause and solution',
      'root cause and fix',
      'root cause resolution',
      'root cause and resolutions',
    ],
  },
  {
    id: 'resolution',
    evidence:
      /\b(?:fixed|resolved|restored|rolled back|reverted|mitigated|recovered|back to normal|workaround|restarted|redeployed|revoked|removed|deleted|increased|upgraded)\b/i,
    title: 'Resolution',
    synonyms: [
      'resolution',
      'mitigation',
      'recovery',
      'resolution and recovery',
      'recovery process',
      'fix',
      'the fix',
      'solution',
      'solving',
      'details of fix',
      'how did we fix it',
      'how we fixed it',
      'how it was fixed',
      'what has been done',
      'response',
    ],
  },
  {
    id: 'actions',
    title: 'Corrective and Preventative Measures',
    synonyms: [
      'corrective and preventative measures',
      'corrective and preventive measures',
      'corrective and preventative actions',
      'corrective and preventive actions',
      'preventative measures',
      'preventive measures',
      'action items',
      'corrective actions',
      'follow ups',
      'followups',
      'follow up actions',
      'next steps',
      'remediation',
      'prevention',
      'prevention measures',
      'preventive actions',
      'improvements',
      'corrective and preventative measure',
      'corrective and preventive measure',
      'corrective measures',
      'preventative actions',
      'what we re doing about it',
      'what we are doing about it',
      'action plan',
      'follow up',
      'follow up items',
      'follow up tasks',
      'followup tasks',
      'next steps and action items',
    ],
  },
  {
    id: 'lessons',
    title: 'Lessons Learned',
    synonyms: [
      'lessons learned',
      'lessons learnt',
      'lessons',
      'lessons and thoughts',
      'what went well',
      'what went wrong',
      'what went poorly',
      'where we got lucky',
    ],
  },
];

const byId = new Map(SECTION_KINDS.map((kind) => [kind.id, kind]));
const bySynonym = new Map<string, string>();
for (const kind of SECTION_KINDS) for (const synonym of kind.synonyms) bySynonym.set(synonym, kind.id);

export function sectionKind(id: string): SectionKind | undefined {
  return byId.get(id);
}

/**
 * The comparable form of a heading: lower case, `&` read as `and`, without numbering
 * (`1.`, `2)`, `IV.`), emphasis, emoji, punctuation or a trailing colon.
 */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:\d+|[ivx]+)[.)]\s+/, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The heading as people decorate it, reduced to the name: without a note in brackets
 * (`Timeline (all times UTC)`, `Solving (Charles)`), a leading "the", or the assignment's
 * wording left after it (`Root cause and resolution must contain:`), or an emoji shortcode.
 */
function withoutDecoration(text: string): string {
  // GitHub emoji shortcodes (`Timeline: :vertical_traffic_light:`) are decoration too.
  let name = text.replace(/:[a-z0-9_+-]{2,40}:?(?=\s|$)/g, ' ');
  // Brackets are removed innermost first, a bounded number of times: no backtracking.
  for (let round = 0; round < 3; round++) name = name.replace(/[([][^()[\]]{0,80}[)\]]/g, ' ');
  return normaliseHeading(name)
    .replace(/^the /, '')
    .replace(/ (?:must|should) (?:contain|include)$/, '');
}

/** How a heading matched a section: its exact name, a decorated form of it, or a near miss (a typo). */
export type SectionMatch = { id: string; how: 'exact' | 'decorated' | 'typo'; name: string };

/**
 * Answers already given, per set of extra synonyms (told apart by their content, since each parse
 * builds its own map) and heading: a folder of postmortems asks about the same headings and label
 * lines again and again. Bounded, so a long run does not keep every line it saw.
 */
const answers = new Map<string, Map<string, SectionMatch | undefined>>();
const answersOfExtra = new WeakMap<Map<string, string>, Map<string, SectionMatch | undefined>>();
const MAX_ANSWERS = 20_000;
let answerCount = 0;

function answersFor(extra: Map<string, string> | undefined): Map<string, SectionMatch | undefined> {
  if (extra) {
    const known = answersOfExtra.get(extra);
    if (known) return known;
  }
  const signature = extra ? JSON.stringify([...extra]) : '';
  let found = answers.get(signature);
  if (!found) answers.set(signature, (found = new Map()));
  if (extra) answersOfExtra.set(extra, found);
  return found;
}

/** The section a heading names, and how; undefined when it names none. The answer is shared: read it, never change it. */
export function matchSection(heading: string, extra?: Map<string, string>): SectionMatch | undefined {
  const known = answersFor(extra);
  if (known.has(heading)) return known.get(heading);
  if (answerCount >= MAX_ANSWERS) {
    for (const map of answers.values()) map.clear();
    answerCount = 0;
  }
  const match = readSectionMatch(heading, extra);
  known.set(heading, match);
  answerCount++;
  return match;
}

function readSectionMatch(heading: string, extra?: Map<string, string>): SectionMatch | undefined {
  const key = normaliseHeading(heading);
  const exact = extra?.get(key) ?? bySynonym.get(key);
  if (exact) return { id: exact, how: 'exact', name: key };
  const plain = withoutDecoration(heading);
  const decorated = plain && (extra?.get(plain) ?? bySynonym.get(plain));
  if (decorated) return { id: decorated, how: 'decorated', name: plain };
  const near = nearestSynonym(plain, extra);
  return near && { id: near.id, how: 'typo', name: near.name };
}

/** The section id a heading names, if any, given extra synonyms from a custom profile. */
export function sectionIdOf(heading: string, extra?: Map<string, string>): string | undefined {
  return matchSection(heading, extra)?.id;
}

/**
 * The synonym a heading misspells (`Sumary`, `Corrective and Preventive measurers`): within one
 * edit for names of five to nine letters, two for longer ones; shorter names must match exactly.
 */
function nearestSynonym(key: string, extra?: Map<string, string>): { id: string; name: string } | undefined {
  if (key.length < 5 || key.length > 60) return undefined;
  const allowed = key.length < 10 ? 1 : 2;
  const words = wordCount(key);
  let best: { id: string; name: string; distance: number } | undefined;
  const consider = (name: string, id: string) => {
    // Cheap tests first: a typo keeps the length within the allowance, the first letter (it keeps
    // `cause` from matching `pause`) and the number of words.
    if (name.length < 5 || Math.abs(name.length - key.length) > allowed || name[0] !== key[0]) return;
    if (QUESTION.test(name) || wordCount(name) !== words) return;
    const distance = editDistance(key, name, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { id, name, distance };
  };
  for (const [name, id] of extra ?? []) consider(name, id);
  for (const [name, id] of bySynonym) consider(name, id);
  return best && { id: best.id, name: best.name };
}

function wordCount(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}

/** Question-form names (`why did it happen`) differ from other questions by a word, not a typo. */
const QUESTION = /^(?:how|why|what|when|who|where) /;

/** Optimal string alignment distance (a swap of two letters is one edit), capped at `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}
