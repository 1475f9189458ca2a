import type { TextEdit, TimelineEntry } from '../model';
import type { Rule } from './rule';

/** Blanks and blockquote markers before a line's text: a bullet goes after them (`> - 10:00`). */
const CONTAINER_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;

/** Whether two entries sit on neighbouring lines of one paragraph, so that they render as one. */
function runTogether(text: string, a: TimelineEntry, b: TimelineEntry): boolean {
  if (a.form === 'code' || b.form === 'code' || a.span.start === b.span.start) return false;
  return !/\n[ \t>]*\r?\n/.test(text.slice(a.span.end, b.span.start));
}

/** Whether the line after an entry is a table row: a bullet before it changes how that table parses. */
function beforeTableRow(text: string, entry: TimelineEntry): boolean {
  const next = /^[^\n]*\n([^\n]*)/.exec(text.slice(entry.span.start));
  return !!next && next[1].includes('|');
}

export const timelineNotList: Rule = {
  id: 'timeline-not-list',
  description: 'Timeline entries written as plain lines (or indented into a code block) instead of a bulleted list.',
  defaultSeverity: 'info',
  fix: 'safe',
  tags: ['timeline', 'markdown'],
  check({ text, model, profile }) {
    // Events told in a document's prose without a timeline section are not a timeline to bullet.
    if (!profile.timelineAsList || model.timelineInProse) return [];
    const plain = model.entries.filter((entry) => entry.form === 'line' || entry.form === 'prose' || entry.form === 'code');
    if (!plain.length) return [];
    const edits: TextEdit[] = [];
    const seen = new Set<number>();
    for (const entry of plain) {
      // Several entries on one line get one bullet.
      if (seen.has(entry.span.start)) continue;
      seen.add(entry.span.start);
      const lineText = text.slice(entry.span.start, entry.span.end);
      if (entry.form === 'code') {
        // Indented four blanks it renders as code: the indent goes, a bullet takes its place.
        const indent = /^[ \t]*/.exec(lineText)?.[0].length ?? 0;
        edits.push({ span: { start: entry.span.start, end: entry.span.start + indent }, newText: '- ' });
        continue;
      }
      const prefix = CONTAINER_PREFIX.exec(lineText)?.[0].length ?? 0;
      edits.push({ span: { start: entry.span.start + prefix, end: entry.span.start + prefix }, newText: '- ' });
    }
    const lines = seen.size;
    const count = lines === 1 ? 'A timeline entry is' : `${lines} timeline entries are`;
    const inCode = plain.some((entry) => entry.form === 'code');
    const merged = plain.some((entry, i) => i + 1 < plain.length && runTogether(text, entry, plain[i + 1]));
    const how = inCode ? 'indented into a code block' : 'written as plain lines';
    const why = inCode
      ? ' (four blanks before them make them render as code)'
      : merged
        ? ' (plain lines without a blank line between them also run together when rendered)'
        : '';
    return [
      {
        message: `${count} ${how}; the ${profile.name} profile asks for a bulleted list${why}.`,
        span: { start: plain[0].span.start, end: plain[plain.length - 1].span.end },
        // Moving lines out of a code block, or bulleting a line a table follows, changes what
        // the document shows: only on request.
        fixes: [{ title: 'Make the timeline a bulleted list', edits, safe: !inCode && !plain.some((entry) => beforeTableRow(text, entry)) }],
      },
    ];
  },
};
