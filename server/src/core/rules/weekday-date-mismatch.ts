// A weekday written with a date it does not fall on: "Sunday, 2023-10-14" (a Saturday). One of the
// two is wrong, and a reader cannot tell which.
import { DateTime } from 'luxon';
import type { Rule, RuleReport } from './rule';

/** What every weekday the scanner reads begins with (its case rules too): a line without one has no weekday to check. */
const WEEKDAY_START = /mon|tue|wed|thu|fri|sat|sun/i;

const NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const weekdayDateMismatch: Rule = {
  id: 'weekday-date-mismatch',
  description: 'A weekday written with a date that falls on another day.',
  defaultSeverity: 'warning',
  check({ text, timestamps }) {
    const reports: RuleReport[] = [];
    let offset = 0;
    // Line by line, code fences skipped: a log line's weekday is not the author's.
    let fenced = false;
    for (const line of text.split('\n')) {
      const start = offset;
      offset += line.length + 1;
      if (/^\s{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
      if (fenced || line.length > 4000 || !WEEKDAY_START.test(line)) continue;
      for (const stamp of timestamps(line)) {
        if (!stamp.weekday || !stamp.date || stamp.error) continue;
        const actual = DateTime.fromObject(stamp.date, { zone: 'UTC' }).weekday;
        if (actual === stamp.weekday) continue;
        const date = DateTime.fromObject(stamp.date, { zone: 'UTC' }).toFormat('d LLLL yyyy');
        reports.push({
          message: `${date} was a ${NAMES[actual - 1]}, not a ${NAMES[stamp.weekday - 1]}: correct the weekday or the date.`,
          span: { start: start + stamp.offset, end: start + stamp.offset + stamp.length },
        });
      }
    }
    return reports;
  },
};
