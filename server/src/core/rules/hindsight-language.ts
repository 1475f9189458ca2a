// Hindsight counterfactuals in the timeline and the analysis ("should have noticed", "if only",
// "had we tested"): they judge past decisions by an outcome nobody knew then. "should have" and
// "could have" count only before a past participle, so a wish ("we should have alerting on …") and
// luck ("it could have been worse") are not reported. One finding per paragraph, item or cell.
import type { Rule, RuleReport } from './rule';
import { incidentSectionFinder, proseBlocks, sourceSpan } from '../prose';
import { findPhrases } from '../wordLists';

/** Where the story of what happened is told and weighed; the action items look ahead. */
const ANALYSIS = new Set(['summary', 'impact', 'timeline', 'detection', 'rootCause', 'rootCauseAndResolution', 'resolution', 'lessons']);
/** A past participle: a regular one, or a common irregular one. */
const PARTICIPLE_WORD = String.raw`(?:had|known|done|seen|caught|run|gone|taken|made|put|set|got|gotten|found|kept|left|read|told|thought|built|sent|spent|written|given|noticed|\p{L}+ed)`;
const ADVERBS = String.raw`(?:\s+(?:not|never|easily|also|just|really|only|simply|at least|even|probably|likely|all))*`;
/** After "should have" / "could have": a past participle, or "been" and one ("been caught", not "been '.php'"). */
const PARTICIPLE = new RegExp(String.raw`^${ADVERBS}\s+(?:been${ADVERBS}\s+)?${PARTICIPLE_WORD}\b`, 'iu');
const LUCK = /^\s+been\s+(?:much\s+|far\s+|a lot\s+|even\s+)?(?:worse|better|bigger|longer)\b/i;
/** Phrases that need a participle after them to be hindsight. */
const MODAL = /^(?:should|could|would|ought to)(?: have|['’]ve)$/i;

export const hindsightLanguage: Rule = {
  id: 'hindsight-language',
  description: 'Hindsight counterfactuals ("should have", "could have", "if only") in the timeline and the analysis.',
  defaultSeverity: 'info',
  check({ text, model, root, words }) {
    const reports: RuleReport[] = [];
    const sectionAt = incidentSectionFinder(model.sections);
    for (const block of proseBlocks(root, text)) {
      const section = sectionAt(block.span.start)?.canonical;
      if (!section || !ANALYSIS.has(section)) continue;
      const found = findPhrases(block.text, words.hindsight).find((match) => {
        if (!MODAL.test(match.phrase.replace(/\s+/g, ' '))) return true;
        const after = block.text.slice(match.offset + match.phrase.length);
        return PARTICIPLE.test(after) && !LUCK.test(after);
      });
      if (!found) continue;
      reports.push({
        message: `"${found.phrase.replace(/\s+/g, ' ')}" judges a past decision by an outcome nobody knew then. Say what people knew and saw at the time, and what would have made the risk visible.`,
        span: sourceSpan(block, found.offset, found.phrase.length),
      });
    }
    return reports;
  },
};
