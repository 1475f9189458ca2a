// The registry: every rule, in the order their findings are listed when they share a line.
import type { Rule } from './rule';
import { headingSpace } from './heading-space';
import { sectionMissing } from './section-missing';
import { sectionNotHeading } from './section-not-heading';
import { sectionEmpty } from './section-empty';
import { sectionOrder } from './section-order';
import { fieldMissing } from './field-missing';
import { impactUnquantified } from './impact-unquantified';
import { durationTimezone } from './duration-timezone';
import { durationRange } from './duration-range';
import { durationMismatch } from './duration-mismatch';
import { timestampInvalid } from './timestamp-invalid';
import { timestampOrder } from './timestamp-order';
import { timestampOutsideWindow } from './timestamp-outside-window';
import { timelineContradictsWindow } from './timeline-contradicts-window';
import { dateNoYear } from './date-no-year';
import { timeMalformed } from './time-malformed';
import { zoneTypo } from './zone-typo';
import { timestampFormatMixed } from './timestamp-format-mixed';
import { timelineNotList } from './timeline-not-list';
import { timelineWithoutTimes } from './timeline-without-times';
import { zoneDstMismatch } from './zone-dst-mismatch';
import { weekdayDateMismatch } from './weekday-date-mismatch';
import { ambiguousDate } from './ambiguous-date';
import { tasksNotList } from './tasks-not-list';
import { wordCount } from './word-count';
import { headingTypo } from './heading-typo';
import { emptyHeading } from './empty-heading';
import { htmlContent } from './html-content';
import { indentedCodeBlock } from './indented-code-block';
import { brokenImage } from './broken-image';
import { actionItemIncomplete } from './action-item-incomplete';
import { actionItemVague } from './action-item-vague';
import { actionItemsNoPrevention } from './action-items-no-prevention';
import { tasksArePastActions } from './tasks-are-past-actions';
import { blameLanguage } from './blame-language';
import { hindsightLanguage } from './hindsight-language';
import { timelineCoverage } from './timeline-coverage';
import { promptText } from './prompt-text';
import { placeholderText } from './placeholder-text';
import { labelSwallowed } from './label-swallowed';
import { headingIsSentence } from './heading-is-sentence';
import { brokenLink } from './broken-link';
import { inlineCodeMultiline } from './inline-code-multiline';
import { unclosedCodeFence } from './unclosed-code-fence';
import { codeNotFenced } from './code-not-fenced';
import { strayMarkup } from './stray-markup';
import { emptyListItem } from './empty-list-item';
import { listNotRendered } from './list-not-rendered';
import { listNumberingBroken } from './list-numbering-broken';
import { headingLevel } from './heading-level';

export type { Rule, RuleContext, RuleReport } from './rule';

export const RULES: Rule[] = [
  headingSpace,
  sectionMissing,
  sectionNotHeading,
  sectionEmpty,
  sectionOrder,
  fieldMissing,
  impactUnquantified,
  durationTimezone,
  durationRange,
  durationMismatch,
  timestampInvalid,
  timestampOrder,
  timestampOutsideWindow,
  timelineContradictsWindow,
  dateNoYear,
  timeMalformed,
  zoneTypo,
  timestampFormatMixed,
  timelineNotList,
  timelineWithoutTimes,
  zoneDstMismatch,
  weekdayDateMismatch,
  ambiguousDate,
  tasksNotList,
  wordCount,
  headingTypo,
  emptyHeading,
  htmlContent,
  indentedCodeBlock,
  brokenImage,
  timelineCoverage,
  actionItemIncomplete,
  actionItemVague,
  actionItemsNoPrevention,
  tasksArePastActions,
  blameLanguage,
  hindsightLanguage,
  promptText,
  placeholderText,
  labelSwallowed,
  headingIsSentence,
  brokenLink,
  inlineCodeMultiline,
  unclosedCodeFence,
  codeNotFenced,
  strayMarkup,
  emptyListItem,
  listNotRendered,
  listNumberingBroken,
  headingLevel,
];

export const RULE_IDS = RULES.map((rule) => rule.id);

/** A rule's or a notice's documentation page, relative to the rule docs folder (docs/rules/). */
export function ruleDocPath(id: string): string {
  return `${id}.md`;
}

/** The full link to a rule's or notice's page, given where the docs folder is (a URI ending in `/`, or not). */
export function ruleDocUrl(docsBase: string, id: string): string {
  return `${docsBase.endsWith('/') || docsBase === '' ? docsBase : `${docsBase}/`}${ruleDocPath(id)}`;
}
