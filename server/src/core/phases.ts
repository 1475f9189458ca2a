// The phase vocabulary: which words in a timeline entry mark it as the start, detection,
// escalation, mitigation or resolution of the incident, widened by configured words. Text only.
import type { Phase, TimelineEntry } from './model';

export const PHASES: [Phase, RegExp][] = [
  [
    'resolved',
    /\b(resolved|restored|recover(?:ed|s)|revived|regained access|working (?:again|normally)|fully operational|back to normal|back online|closed|all clear)\b/i,
  ],
  ['mitigated', /\b(mitigat\w*|roll(?:ed|s)? back|rollback|revert(?:ed|s)|workaround|hotfix|stabili[sz]ed)\b/i],
  ['escalated', /\b(escalat\w*|paged|page sent|on-?call (?:was )?(?:engineer )?(?:notified|alerted))\b/i],
  ['acknowledged', /\b(acknowledg\w*|ack'?d|acks|investigation (?:started|began|initiated))\b/i],
  [
    'detected',
    /\b(detect(?:ed|s)|(?:alert|alarm)(?:s|ed)?\b.*\b(?:fired|fires|triggered|triggers|received|went off|goes off|paged|pages)|received (?:(?:an?|the|first) ){0,2}(?:complaints?|alerts?|reports?)|complain(?:ed|ts?)|(?:users?|customers?|clients?) reported|notic(?:ed|es)|identified an? (?:issue|problem|outage)|first report\w*|reported by)\b/i,
  ],
  ['started', /\b(outage (?:began|started)|incident (?:began|started)|deploy(?:ed|ment) (?:started|began)|began|started)\b/i],
];

/** Extra words per phase, from settings: `{ "mitigated": ["failed over"] }`. */
export type PhaseWords = Partial<Record<Phase, string[]>>;

const PHASE_ORDER = PHASES.map(([phase]) => phase);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The built-in patterns, each widened by the configured words (matched as whole words, any case). */
export function phasePatterns(extra: PhaseWords | undefined): [Phase, RegExp][] {
  if (!extra) return PHASES;
  return PHASES.map(([phase, pattern]) => {
    const words = (extra[phase] ?? []).map((word) => word.trim()).filter(Boolean);
    if (!words.length) return [phase, pattern];
    return [phase, new RegExp(`${pattern.source}|\\b(?:${words.map(escapeRegExp).join('|')})\\b`, 'i')];
  });
}

/** The phase an entry marks: of those its words name, the latest in an incident's course. */
export function phaseOf(text: string, patterns: [Phase, RegExp][] = PHASES): Phase | undefined {
  for (const [phase, pattern] of patterns) if (pattern.test(text)) return phase;
  return undefined;
}

/**
 * Every phase an entry's words name, in the incident's course (so the last is `phaseOf`'s): "alert
 * fires, on-call paged" is the detection and the escalation, so the time to detect is read from it
 * as well as the time to acknowledge. "Began" or "started" beside a later phase's words is an action
 * starting ("acknowledged and began reading the logs"), not the incident's start.
 */
export function phasesOf(text: string, patterns: [Phase, RegExp][] = PHASES): Phase[] {
  const phases = patterns.filter(([, pattern]) => pattern.test(text)).map(([phase]) => phase);
  return (phases.length > 1 ? phases.filter((phase) => phase !== 'started') : phases).reverse();
}

/** The phases a timeline entry marks, in the incident's course: its `phases`, or its one `phase`. */
export function entryPhases(entry: Pick<TimelineEntry, 'phase' | 'phases'>): readonly Phase[] {
  return entry.phases ?? (entry.phase ? [entry.phase] : []);
}

export const PHASE_NAMES: readonly Phase[] = PHASE_ORDER;
