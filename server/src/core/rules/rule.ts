import type { Root } from 'mdast';
import type { Fix, PostmortemModel, Severity, Span } from '../model';
import type { Profile } from '../profiles/profile';
import type { WordLists } from '../wordLists';

export interface RuleContext {
  text: string;
  model: PostmortemModel;
  profile: Profile;
  /** The Markdown tree the model was read from, for rules that read structure the model does not keep. */
  root: Root;
  /** The word lists of the wording rules, with the config's additions and silenced phrases. */
  words: WordLists;
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
  check(context: RuleContext): RuleReport[];
}
