import type { Profile, ProfileSection } from './profile';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from './builtin';
import { sectionKind } from './sections';

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
}

export function builtinProfile(id: string): Profile | undefined {
  return BUILTIN_PROFILES.find((profile) => profile.id === id);
}

export function defaultProfile(): Profile {
  return builtinProfile(DEFAULT_PROFILE_ID)!;
}

/** A custom profile on top of the built-in one it extends (ALX when it names none). */
export function customProfile(id: string, definition: CustomProfileDefinition): Profile {
  const base = builtinProfile(definition.extends ?? DEFAULT_PROFILE_ID) ?? defaultProfile();
  const sections: ProfileSection[] | undefined = definition.sections?.map((section) => {
    const kind = section.id ? sectionKind(section.id) : undefined;
    return {
      id: section.id ?? section.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      title: section.title,
      required: section.required ?? true,
      template: section.template ?? kind?.title ?? '\n',
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
    words: definition.words === null ? undefined : definition.words ?? base.words,
    timelineAsList: definition.timelineAsList ?? base.timelineAsList,
  };
}
