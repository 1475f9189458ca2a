import type { Rule } from './rule';

export const timelineNotList: Rule = {
  id: 'timeline-not-list',
  description: 'Timeline entries written as plain lines instead of a bulleted list.',
  defaultSeverity: 'info',
  fix: 'safe',
  tags: ['timeline', 'markdown'],
  check({ text, model, profile }) {
    if (!profile.timelineAsList) return [];
    const lines = model.entries.filter((entry) => entry.form === 'line');
    if (!lines.length) return [];
    const edits = lines.map((entry) => {
      const indent = /^[ \t]*/.exec(text.slice(entry.span.start, entry.span.end))?.[0].length ?? 0;
      return { span: { start: entry.span.start + indent, end: entry.span.start + indent }, newText: '- ' };
    });
    const count = lines.length === 1 ? 'A timeline entry is' : `${lines.length} timeline entries are`;
    return [
      {
        message: `${count} written as plain lines; the ${profile.name} profile asks for a bulleted list (plain lines also run together when rendered).`,
        span: { start: lines[0].span.start, end: lines[lines.length - 1].span.end },
        fixes: [{ title: 'Make the timeline a bulleted list', edits, safe: true }],
      },
    ];
  },
};
