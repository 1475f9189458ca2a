// The parts of the incident's story that the profile asks the timeline to tell and it does not
// (ALX: detected and how, actions, misleading paths, escalation, resolution), named with the
// phase words that would mark them. One finding on the timeline heading; quiet when the story is whole.
import type { Rule } from './rule';
import { STORY_PART_NAMES, storyMissing, storyTold } from '../timelineStory';

export const timelineCoverage: Rule = {
  id: 'timeline-coverage',
  description: 'The timeline leaves out parts of the story the profile asks for (ALX: detection, actions, misleading paths, escalation, resolution).',
  defaultSeverity: 'info',
  check({ model, profile, root, words }) {
    if (!profile.timelineStory.length) return [];
    const told = storyTold(model, root, words);
    const timeline = model.sections.find((section) => section.canonical === 'timeline');
    if (!told || !timeline) return [];
    const missing = storyMissing(profile.timelineStory, told);
    if (!missing.length) return [];
    const list = missing.map((part) => STORY_PART_NAMES[part]);
    const named = list.length === 1 ? list[0] : `${list.slice(0, -1).join('; ')}; and ${list[list.length - 1]}`;
    return [
      {
        message: `The timeline does not say ${named}. The ${profile.name} profile asks the timeline for each: add an entry for ${missing.length === 1 ? 'it' : 'each'}.`,
        span: timeline.headingSpan,
      },
    ];
  },
};
