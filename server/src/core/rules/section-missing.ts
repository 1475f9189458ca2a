import type { Root } from 'mdast';
import type { Field, Section } from '../model';
import type { Profile, ProfileSection } from '../profiles/profile';
import { sectionKind } from '../profiles/sections';
import type { Rule } from './rule';
import { documentSpan, standaloneBlock } from './edits';
import { scanLeadingTimestamp } from '../time';
import { eachNode, proseOf, spanOf } from './tree';

/** The heading level most of the document's known sections use. */
function usualLevel(sections: Section[]): number {
  const counts = new Map<number, number>();
  for (const section of sections) {
    if (section.form === 'heading' && section.canonical) counts.set(section.level, (counts.get(section.level) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) if (count > bestCount) [best, bestCount] = [level, count];
  return best;
}

/** An introduction this long, before the first known section, is a summary without a heading. */
const INTRODUCTION_WORDS = 20;

/** A paragraph, list item or heading that opens with a clock time: a timeline entry wherever it stands. */
function opensWithTime(text: string, span: { start: number; end: number }): boolean {
  const head = text.slice(span.start, Math.min(span.end, span.start + 80)).replace(/^[\s#>*_`~[(|-]+/, '');
  const scanned = scanLeadingTimestamp(head);
  return Boolean(scanned?.time && !scanned.error);
}

/** Blocks that open with a clock time, and the words of the other paragraphs that end before `offset`. */
function readBlocks(text: string, root: Root, offset: number): { timed: number; wordsBefore: number } {
  let timed = 0;
  let wordsBefore = 0;
  eachNode(root, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const span = spanOf(node);
    if (!span) return;
    if (opensWithTime(text, span)) timed++;
    else if (node.type === 'paragraph' && span.end <= offset) {
      wordsBefore += text
        .slice(span.start, span.end)
        .split(/\s+/)
        .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    }
  });
  return { timed, wordsBefore };
}

/** Whether the document says what the section would, where the profile lets prose stand in for a heading. */
function saidInProse(text: string, spec: ProfileSection, sections: Section[], root: Root): boolean {
  if (!spec.mayBeProse) return false;
  const firstKnown = sections.find((section) => section.canonical && section.level > 1)?.headingSpan.start ?? Infinity;
  const blocks = readBlocks(text, root, firstKnown);
  // A summary without a heading: an introduction (not a log of timed updates) before the first section.
  if (spec.id === 'summary') return blocks.wordsBefore >= INTRODUCTION_WORDS;
  // A timeline without a heading: timed updates, one per paragraph or heading.
  if (spec.id === 'timeline') return blocks.timed >= 2;
  const evidence = sectionKind(spec.id)?.evidence;
  return Boolean(evidence && evidence.test(proseOf(root)));
}

function missingSections(text: string, profile: Profile, sections: Section[], fields: Field[], root: Root): ProfileSection[] {
  const present = new Set(sections.map((section) => section.canonical).filter(Boolean));
  // A part of a combined section may be a field written as a section: "Root Cause:" alone on its
  // line, its text below, beside a "Resolution" section.
  const parts = new Set(present);
  for (const field of fields) if (field.value.trim() && field.valueSpan.start > field.span.end) parts.add(field.id);
  const has = (spec: ProfileSection) => present.has(spec.id) || (spec.satisfiedBy ?? []).some((group) => group.every((g) => parts.has(g)));
  return profile.sections.filter((spec) => spec.required && !has(spec) && !saidInProse(text, spec, sections, root));
}

export const sectionMissing: Rule = {
  id: 'section-missing',
  description: 'A section the profile requires is not in the document.',
  defaultSeverity: 'error',
  fix: 'quick fix',
  tags: ['sections'],
  check({ text, model, profile, root }) {
    const present = new Set(model.sections.map((section) => section.canonical).filter(Boolean));
    const level = usualLevel(model.sections);
    return missingSections(text, profile, model.sections, model.fields, root).map((spec) => {
      const index = profile.sections.indexOf(spec);
      // Insert after the closest earlier section that exists, else before the closest later one.
      let offset = text.length;
      const earlier = profile.sections
        .slice(0, index)
        .reverse()
        .find((s) => present.has(s.id));
      const later = profile.sections.slice(index + 1).find((s) => present.has(s.id));
      if (earlier) offset = lastOf(model.sections, earlier.id).bodySpan.end;
      else if (later) offset = model.sections.find((s) => s.canonical === later.id)!.headingSpan.start;
      const block = `${'#'.repeat(level)} ${spec.title}\n\n${spec.template}`;
      const article = /^[aeiou]/i.test(spec.title) ? 'an' : 'a';
      return {
        message: `The "${spec.title}" section is missing (${profile.name} profile): add the heading "${'#'.repeat(level)} ${spec.title}" and write it.`,
        span: documentSpan(text),
        fixes: [
          {
            title: `Add ${article} "${spec.title}" section`,
            edits: [{ span: { start: offset, end: offset }, newText: standaloneBlock(text, offset, block) }],
            safe: false,
          },
        ],
      };
    });
  },
};

function lastOf(sections: Section[], id: string): Section {
  return sections.filter((section) => section.canonical === id).pop()!;
}
