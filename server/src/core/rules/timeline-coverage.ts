// The parts of the incident's story that the profile asks the timeline to tell and it does not
// (ALX: how the issue was detected; custom profiles: actions, misleading paths, escalation,
// resolution too), named with the
// phase words that would mark them. One finding: on the first entry when the detection is missing
// (it belongs before it), else on the timeline heading; quiet when the story is whole.
import type { Rule } from './rule';
import { STORY_PART_NAMES, firstTimelineEntry, storyMissing, storyTold } from '../timelineStory';

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 50 ? `${trimmed.slice(0, 47)}…` : trimmed;
}

export const timelineCoverage: Rule = {
  id: 'timeline-coverage',
  description: 'The timeline leaves out parts of the story the profile asks for (ALX: how the issue was detected).',
  defaultSeverity: 'info',
  check({ text, model, profile, root, words }) {
    if (!profile.timelineStory.length) return [];
    const told = storyTold(model, root, text, words, profile.timelineStory);
    const timeline = model.sections.find((section) => section.canonical === 'timeline');
    if (!told || !timeline) return [];
    const missing = storyMissing(profile.timelineStory, told);
    if (!missing.length) return [];
    const list = missing.map((part) => STORY_PART_NAMES[part]);
    const named = list.length === 1 ? list[0] : `${list.slice(0, -1).join('; ')}; and ${list[list.length - 1]}`;
    // The detection belongs before the first entry: the finding sits there, where it is to be added.
    const first = missing.includes('detected') ? firstTimelineEntry(model) : undefined;
    const opening = first ? ` It opens with "${quote(first.text)}", which is not how the issue was found.` : '';
    return [
      {
        message: `The timeline does not say ${named}.${opening} The ${profile.name} profile asks the timeline for ${missing.length === 1 ? 'it' : 'each'}: add an entry for ${missing.length === 1 ? 'it' : 'each'}.`,
        span: first ? first.span : timeline.headingSpan,
      },
    ];
  },
};
