// A profile says what a kind of postmortem must contain: its sections in order, the summary
// fields, a word range, what each action item must name and what the timeline must tell. The
// built-in ones live next to this file; custom ones come from config.
import type { PartRequirement } from '../actionItems';
import type { StoryPart } from '../timelineStory';

export interface ProfileSection {
  /** A section kind id from sections.ts, or a custom one. */
  id: string;
  title: string;
  required: boolean;
  /** Body inserted by the `section-missing` fix and by templates. */
  template: string;
  /** Other sections that together stand in for this one (Root Cause + Resolution for "Root Cause and Resolution"). */
  satisfiedBy?: string[][];
  /**
   * Whether the document may say this section's content without a heading for it (industry
   * templates are guides; the ALX assignment asks for its headings).
   */
  mayBeProse?: boolean;
  /** Extra names for this section in this profile only. */
  synonyms?: string[];
}

export interface Profile {
  id: string;
  name: string;
  description: string;
  sections: ProfileSection[];
  /** Field ids that must appear in the summary section. */
  requiredFields: string[];
  /** The section that holds the summary fields. */
  fieldsSection: string;
  words?: { min: number; max: number };
  /**
   * Whether the sections must come in the listed order (section-order): the ALX brief prescribes
   * its order; the industry templates are conventions that teams reorder (timeline first or last).
   */
  ordered: boolean;
  /** Whether the timeline is expected as a bulleted list. */
  timelineAsList: boolean;
  /** What every open action item must name: each group is a part, or alternatives (`['due', 'priority']`). */
  actionItemParts: PartRequirement[];
  /** The parts of the incident's story the timeline must tell (the ALX brief asks for all five). */
  timelineStory: StoryPart[];
  /**
   * Whether the corrective measures must be tasks still to do (the ALX brief asks for "a list of
   * tasks to address the issue"): a list told as work already done is reported. Industry templates
   * also keep the actions that are done.
   */
  tasksToDo: boolean;
}
