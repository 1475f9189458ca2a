import type { Profile, ProfileSection } from './profile';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from './builtin';
import { parseRequirement } from '../actionItems';
import type { StoryPart } from '../timelineStory';

export type { Profile, ProfileSection } from './profile';
export { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from './builtin';

/** A profile as written in `.postmortemrc.json` under `profiles`. */
export interface CustomProfileDefinition {
  name?: string;
  description?: string;
  extends?: string;
  sections?: { id?: string; title: string; synonyms?: string[]; required?: boolean; template?: string }[];
  requiredFields?: string[];
  fieldsSection?: string;
  words?: { min: number; max: number } | null;
  timelineAsList?: boolean;
  /** What each action item must name: parts, or alternatives joined by `|` (`["owner", "due|priority", "ticket"]`). */
  actionItems?: string[];
  /** The parts of the story the timeline must tell (`detected`, `actions`, `misleading`, `escalated`, `resolved`). */
  timelineStory?: string[];
  /** Whether the corrective measures must be tasks still to do, not work already done. */
  tasksToDo?: boolean;
}

export function builtinProfile(id: string): Profile | undefined {
  return BUILTIN_PROFILES.find((profile) => profile.id === id);
}

export function defaultProfile(): Profile {
  return builtinProfile(DEFAULT_PROFILE_ID)!;
}

/** The id of a custom section that names none: its title in kebab case. */
export function sectionIdOfTitle(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The profile a custom one builds on. */
export function baseProfileOf(definition: CustomProfileDefinition): Profile {
  return builtinProfile(definition.extends ?? DEFAULT_PROFILE_ID) ?? defaultProfile();
}

/**
 * The body of a known section that the definition gives none: the base profile's, else the first
 * built-in profile's with that id; an empty body for a section no built-in profile has.
 */
function builtinTemplate(sectionId: string, base: Profile): string {
  for (const profile of [base, ...BUILTIN_PROFILES]) {
    const section = profile.sections.find((s) => s.id === sectionId);
    if (section) return section.template;
  }
  return '\n';
}

/** A custom profile on top of the built-in one it extends (ALX when it names none). */
export function customProfile(id: string, definition: CustomProfileDefinition): Profile {
  const base = baseProfileOf(definition);
  const sections: ProfileSection[] | undefined = definition.sections?.map((section) => {
    const sectionId = section.id ?? sectionIdOfTitle(section.title);
    return {
      id: sectionId,
      title: section.title,
      required: section.required ?? true,
      template: section.template ?? builtinTemplate(sectionId, base),
      synonyms: section.synonyms,
    };
  });
  return {
    id,
    name: definition.name ?? id,
    description: definition.description ?? `Custom profile ${id}`,
    sections: sections ?? base.sections,
    requiredFields: definition.requiredFields ?? base.requiredFields,
    fieldsSection: definition.fieldsSection ?? base.fieldsSection,
    words: definition.words === null ? undefined : (definition.words ?? base.words),
    // Sections a team lists itself are in the order it wants.
    ordered: sections ? true : base.ordered,
    timelineAsList: definition.timelineAsList ?? base.timelineAsList,
    actionItemParts: definition.actionItems?.map((text) => parseRequirement(text)!).filter(Boolean) ?? base.actionItemParts,
    timelineStory: (definition.timelineStory as StoryPart[] | undefined) ?? base.timelineStory,
    tasksToDo: definition.tasksToDo ?? base.tasksToDo,
  };
}
