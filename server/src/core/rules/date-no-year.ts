// The incident's year: a postmortem whose only dates are a month and a day (`September 19`)
// cannot be placed in time, sorted or compared. Looks at the whole document, front matter included.
import type { Span } from '../model';
import { findFirstTimestamp, scanLeadingTimestamp } from '../time';
import type { Rule } from './rule';

/** A capitalised month name at a word start, then a day: where a month and day may be written. */
const MONTH_START = /(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]{1,3}\d/g;
/** Only the head of a huge document is searched: a date is given near the top if anywhere. */
const SEARCH_LIMIT = 100_000;

/** Whether the text gives a date with its year anywhere (`2024-04-10`, `April 10, 2024`, `10/04/2024`). */
function hasFullDate(text: string): boolean {
  return findFirstTimestamp(text, (stamp) => Boolean(stamp.date && !stamp.error)) !== undefined;
}

/** The first month and day written without a year (`September 19`, `July 2nd`). */
function firstMonthDay(text: string): Span | undefined {
  MONTH_START.lastIndex = 0;
  for (let m = MONTH_START.exec(text); m; m = MONTH_START.exec(text)) {
    // `April 17th.` ends a sentence: the full stop is not part of a number.
    const stamp = scanLeadingTimestamp(text.slice(m.index, m.index + 60).replace(/(\d(?:st|nd|rd|th))\.(?!\d)/, '$1 '));
    if (stamp?.monthDay && !stamp.date) return { start: m.index, end: m.index + stamp.length };
  }
  return undefined;
}

export const dateNoYear: Rule = {
  id: 'date-no-year',
  description: 'The incident is dated by a month and day (September 19) and the year is written nowhere.',
  defaultSeverity: 'info',
  tags: ['time'],
  check({ text, model }) {
    const head = text.slice(0, SEARCH_LIMIT);
    const frontMatter = Object.values(model.frontMatter ?? {}).join('\n');
    // The month-and-day search is one regex; the full-date search scans every timestamp: first the cheap one.
    const monthDay = firstMonthDay(head);
    if (!monthDay || hasFullDate(head) || hasFullDate(frontMatter)) return [];
    // On the incident window, where the date belongs, when the document states one.
    const window = model.window?.start ? model.window.span : undefined;
    return [
      {
        message: `${text.slice(monthDay.start, monthDay.end)} has no year, and the postmortem gives it nowhere: add it (for example "September 19, 2024"), so the incident can be placed and compared.`,
        span: window ?? monthDay,
      },
    ];
  },
};
