// Which parts of the incident's story the timeline tells: when and how it was detected, the actions
// taken, the misleading paths, the escalation and the resolution (what the ALX brief asks of a
// timeline). Read from the timeline entries' phases (built-in and configured phase words) and from
// the timeline section's prose, line by line and sentence by sentence, with the story word lists,
// so untimed narrative and labelled parts ("Escalation: …") count too. A timeline that opens on a
// symptom ("500 errors for every visitor") tells how the issue showed: that is its detection.
import type { Root } from 'mdast';
import type { Phase, PostmortemModel, TimelineEntry } from './model';
import { entryPhases } from './phases';
import { proseBlocks, sectionFinder, sentencesOf } from './prose';
import { findPhrases, hasPhrase, type WordLists } from './wordLists';

export const STORY_PARTS = ['detected', 'actions', 'misleading', 'escalated', 'resolved'] as const;
export type StoryPart = (typeof STORY_PARTS)[number];

/** How a missing part is named to the author, with the phase words that would mark it. */
export const STORY_PART_NAMES: Record<StoryPart, string> = {
  detected: 'when and how the issue was detected (detected, alert fired, noticed, reported by)',
  actions: 'the actions taken while investigating',
  misleading: 'the misleading paths (what was assumed or suspected first and turned out wrong)',
  escalated: 'who it was escalated to (escalated, paged)',
  resolved: 'how it was resolved (mitigated, rolled back, resolved, restored)',
};

const PHASE_PART: Partial<Record<Phase, StoryPart>> = {
  detected: 'detected',
  escalated: 'escalated',
  mitigated: 'resolved',
  resolved: 'resolved',
};

const WORDED_PARTS = ['detected', 'escalated', 'resolved', 'misleading'] as const;

/** What users or a check saw go wrong: an opening entry that says it tells how the issue showed. */
const SYMPTOM =
  /\b(?:errors?|5\d\d|down|outages?|unavailable|unreachable|unresponsive|inaccessible|fail(?:s|ed|ing|ures?)?|slow(?:ly|ness|er)?|time(?:d)? ?outs?|crash(?:es|ed|ing)?|broken|not (?:loading|working|responding|reachable))\b/i;
/** A change made: an opening entry that says it is the trigger, and the detection is still to come. */
const CHANGE =
  /\b(?:deploy(?:s|ed|ing|ment)?|releas(?:e|es|ed|ing)|push(?:es|ed)?|upload(?:s|ed)?|updat(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|migrat(?:e|es|ed|ing|ion)|merg(?:e|es|ed)|rolled out|roll-?out|tun(?:ed|ing)|install(?:s|ed|ing)?)\b/i;

/** The first entry inside a timeline section: where the story starts, and where its detection belongs. */
export function firstTimelineEntry(model: PostmortemModel): TimelineEntry | undefined {
  const timelines = model.sections.filter((section) => section.canonical === 'timeline');
  return model.entries.find((entry) => timelines.some((section) => section.bodySpan.start <= entry.span.start && entry.span.start < section.bodySpan.end));
}

/** Whether the first entry reports a symptom and no change: someone saw it, so it was detected. */
function opensWithSymptom(model: PostmortemModel): boolean {
  const first = firstTimelineEntry(model);
  return Boolean(first && SYMPTOM.test(first.text) && !CHANGE.test(first.text));
}

/**
 * The story parts the document's timeline tells, of those `wanted` (once all of those are found,
 * the rest is not looked for); undefined when it has no timeline or nothing in it.
 */
export function storyTold(
  model: PostmortemModel,
  root: Root,
  source: string,
  words: WordLists,
  wanted: readonly StoryPart[] = STORY_PARTS,
): Set<StoryPart> | undefined {
  const timelines = model.sections.filter((section) => section.canonical === 'timeline');
  if (!timelines.length) return undefined;
  const told = new Set<StoryPart>();
  const complete = () => wanted.every((part) => told.has(part));
  let steps = 0;
  for (const entry of model.entries) {
    for (const phase of entryPhases(entry)) {
      const part = PHASE_PART[phase];
      if (part) told.add(part);
    }
  }
  if (opensWithSymptom(model)) told.add('detected');
  if (model.entries.length && complete()) return told;
  const sectionAt = sectionFinder(model.sections);
  const inTimeline = (offset: number) => {
    const section = sectionAt(offset);
    return section?.canonical === 'timeline' && offset >= section.bodySpan.start;
  };
  // The actions are the sentences that are neither detection nor resolution: to count them, every part's words are looked for.
  const countSteps = wanted.includes('actions');
  const wordedParts = countSteps ? WORDED_PARTS : WORDED_PARTS.filter((part) => wanted.includes(part) && !told.has(part));
  let read = 0;
  for (const block of proseBlocks(root, source)) {
    // A block outside every timeline's body has no sentence in the timeline.
    if (!timelines.some((timeline) => block.span.start < timeline.bodySpan.end && timeline.bodySpan.start < block.span.end)) continue;
    // The parts whose words the block holds at all: only those are looked for sentence by sentence.
    const blockParts = wordedParts.filter((part) => (countSteps || !told.has(part)) && hasPhrase(block.text, words[part]));
    // Nothing to look for here: a sentence still counts as read when one lies in the timeline.
    if (!blockParts.length && !countSteps && read) continue;
    // A timeline written as plain lines under a label line shares the label's paragraph: read
    // only what lies in the section's body.
    const lines = block.text.split('\n');
    let at = 0;
    for (const line of lines) {
      const lineStart = at;
      at += line.length + 1;
      for (const [start, end] of sentencesOf(line)) {
        if (!inTimeline(block.offsets[lineStart + start] ?? block.span.start)) continue;
        const sentence = line.slice(start, end);
        read++;
        const parts = blockParts.filter((part) => findPhrases(sentence, words[part]).length);
        for (const part of parts) told.add(part);
        // What was tried, what misled and who was called are all actions taken.
        if (!parts.includes('detected') && !parts.includes('resolved') && sentence.trim().split(/\s+/).length >= 3) steps++;
        if (parts.length && complete()) return told;
      }
    }
  }
  if (!read && !model.entries.length) return undefined;
  // Sentences that are neither the detection nor the resolution are the actions taken.
  if (steps > 0) told.add('actions');
  return told;
}

/** The parts a profile asks for that the timeline does not tell. */
export function storyMissing(required: readonly StoryPart[], told: Set<StoryPart>): StoryPart[] {
  return required.filter((part) => !told.has(part));
}
