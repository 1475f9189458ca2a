import type { Rule } from './rule';
import { documentSpan } from './edits';

export const wordCount: Rule = {
  id: 'word-count',
  description: 'The postmortem is shorter or longer than the profile asks.',
  defaultSeverity: 'info',
  tags: ['length'],
  check({ text, model, profile }) {
    const range = profile.words;
    if (!range) return [];
    const words = model.wordCount;
    if (words >= range.min && words <= range.max) return [];
    const side = words < range.min ? 'short' : 'long';
    return [
      {
        message: `The postmortem has ${words} words: too ${side} for the ${profile.name} profile, which asks for ${range.min} to ${range.max}.`,
        span: documentSpan(text),
      },
    ];
  },
};
