import type { Root } from 'mdast';
import type { Fix, PostmortemModel, Severity, Span } from '../model';
import type { Profile } from '../profiles/profile';
import type { WordLists } from '../wordLists';
import type { ScannedTimestamp } from '../time';

export interface RuleContext {
  text: string;
  model: PostmortemModel;
  profile: Profile;
  /** The Markdown tree, for rules about the Markdown itself (HTML, code blocks, images, lists) and the structure the model does not keep. */
  root: Root;
  /** The word lists of the wording rules, with the config's additions and silenced phrases. */
  words: WordLists;
  /**
   * `findTimestamps` of a piece of the text, read once per lint for each distinct piece: several
   * rules scan the same lines. The stamps are shared, so read them, never change them.
   */
  timestamps(text: string): readonly ScannedTimestamp[];
}

/** What a rule reports; the registry adds the rule id and the configured severity. */
export interface RuleReport {
  message: string;
  span: Span;
  fixes?: Fix[];
}

export interface Rule {
  /** Stable id: the diagnostic code, the settings key and the docs page name. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /**
   * What its fixes are: `safe` ones are applied by fix-all and `--fix`; a `quick fix` only when
   * picked (it inserts text to complete, or chooses between two values). None: it offers no fix.
   */
  fix?: 'safe' | 'quick fix';
  /** What the rule is about (`sections`, `timeline` ...), for grouping in docs and reports. */
  tags?: string[];
  check(context: RuleContext): RuleReport[];
}
