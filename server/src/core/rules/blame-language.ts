// Blame in the prose: a person (a role such as "the junior engineer", "someone", an @handle) with a
// blame word in one sentence ("forgot", "carelessly", "failed to"), "human error" given as a cause
// outside the timeline and the action items, and animated language ("ridiculous", "!!!"). Names
// as owners of tasks or as actors in neutral entries ("Sam acknowledged the page") carry no blame
// word, so they are never reported. One finding per paragraph, list item or table cell.
import type { Rule, RuleReport } from './rule';
import { incidentSectionFinder, proseBlocks, sentencesOf, sourceSpan } from '../prose';
import { findPhrases, hasPhrase } from '../wordLists';

const REWRITE = 'Describe what the system allowed instead: what made this easy to do? What would have caught it?';
/** Words that, in the sentence of "human error", make it the cause. */
const CAUSE = /\b(?:caus\w*|due to|because|result(?:ed|s)? (?:of|from)|root|blame\w*|attribut\w*|led to|trigger\w*)\b/i;
/** A gap in the system named beside "human error": the analysis did not stop at the person. */
const SYSTEM_CAUSE =
  /\b(?:lack of|no|missing|insufficient|inadequate|without(?: any)?)\s+(?:\w+\s+)?(?:test(?:s|ing)?|checks?|reviews?|validation|safeguards?|guard ?rails?|monitoring|alerts?|automation|process(?:es)?)\b|\buntested\b/i;
const HANDLE = /(?:^|[\s(])@[A-Za-z0-9][\w.-]*/g;
/** Sections where "human error" is not given as a cause: the timeline narrates, the tasks look ahead. */
const NOT_CAUSAL = new Set(['timeline', 'actions', 'lessons']);

export const blameLanguage: Rule = {
  id: 'blame-language',
  description: 'Wording that blames a person ("the engineer forgot", "human error") instead of describing what the system allowed.',
  defaultSeverity: 'warning',
  check({ text, model, root, words }) {
    const reports: RuleReport[] = [];
    // In a document with known sections, prose outside them (an essay on postmortems, a story
    // about another company) is not about this incident.
    const hasKnownSections = model.sections.some((section) => section.canonical);
    const sectionAt = incidentSectionFinder(model.sections);
    for (const block of proseBlocks(root, text)) {
      const section = sectionAt(block.span.start)?.canonical;
      if (hasKnownSections && !section) continue;
      // Each report needs a blame word, "human error" or animated words somewhere in the block.
      if (!hasPhrase(block.text, words.blame) && !hasPhrase(block.text, words.humanError) && !hasPhrase(block.text, words.animated)) continue;
      let report: RuleReport | undefined;
      for (const [start, end] of sentencesOf(block.text)) {
        const sentence = block.text.slice(start, end);
        const error = section && NOT_CAUSAL.has(section) ? undefined : findPhrases(sentence, words.humanError)[0];
        // "human error and a lack of testing": the sentence goes on to what the system allowed.
        if (error && CAUSE.test(sentence) && !SYSTEM_CAUSE.test(sentence)) {
          report = {
            message: `"${error.phrase.replace(/\s+/g, ' ')}" given as a cause ends the analysis where it should start. ${REWRITE}`,
            span: sourceSpan(block, start + error.offset, error.phrase.length),
          };
          break;
        }
        const people = [
          ...findPhrases(sentence, words.people),
          ...[...sentence.matchAll(HANDLE)].map((m) => ({ offset: m.index! + m[0].indexOf('@'), phrase: m[0].trim() })),
        ];
        const blame = findPhrases(sentence, words.blame).find((word) => people.some((person) => person.offset < word.offset));
        if (blame) {
          const person = people.filter((p) => p.offset < blame.offset).pop()!;
          report = {
            message: `"${person.phrase} … ${blame.phrase.replace(/\s+/g, ' ')}" puts the fault on a person. ${REWRITE}`,
            span: sourceSpan(block, start + person.offset, blame.offset + blame.phrase.length - person.offset),
          };
          break;
        }
        const animated = findPhrases(sentence, words.animated)[0];
        if (animated) {
          report = {
            message: `"${animated.phrase.replace(/\s+/g, ' ')}" tells the reader how to feel rather than what happened; state the facts plainly. ${REWRITE}`,
            span: sourceSpan(block, start + animated.offset, animated.phrase.length),
          };
          break;
        }
      }
      if (report) reports.push(report);
    }
    return reports;
  },
};
