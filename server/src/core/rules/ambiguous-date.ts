// A numeric date whose day and month could be either way round (`03/04/2024`: 3 April or March 4),
// in a document that nowhere settles the order with a date like 25/12/2024. Reported once, where
// it is first written.
import type { Rule } from './rule';

/** A numeric date whose first or second number is over 12: it shows which order the author uses. */
const SETTLING_DATE = /(?<![0-9])(\d{1,2})[-/.\u2013](\d{1,2})[-/.\u2013]\d{4}(?![0-9])/g;

/** The shape of every date the scanner finds ambiguous (`03/04/2024`): a line without it needs no scan. */
const NUMERIC_DATE_SHAPE = /\d[-/.\u2013]\d{1,2}[-/.\u2013]\d{4}/;

function settled(text: string): boolean {
  SETTLING_DATE.lastIndex = 0;
  for (let m = SETTLING_DATE.exec(text); m; m = SETTLING_DATE.exec(text)) {
    if ((Number(m[1]) > 12 && Number(m[1]) <= 31) || (Number(m[2]) > 12 && Number(m[2]) <= 31)) return true;
  }
  return false;
}

export const ambiguousDate: Rule = {
  id: 'ambiguous-date',
  description: 'A date like 03/04/2024 that reads as two different days, depending on the reader.',
  defaultSeverity: 'info',
  check({ text, timestamps }) {
    const head = text.slice(0, 200_000);
    let offset = 0;
    let fenced = false;
    for (const line of head.split('\n')) {
      const start = offset;
      offset += line.length + 1;
      if (/^\s{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
      if (fenced || line.length > 4000 || !NUMERIC_DATE_SHAPE.test(line)) continue;
      const stamp = timestamps(line).find((found) => found.ambiguousDate && !found.error);
      if (!stamp || !stamp.dateAt) continue;
      if (settled(head)) return [];
      const written = stamp.raw.slice(stamp.dateAt.offset, stamp.dateAt.offset + stamp.dateAt.length);
      const [a, b, year] = written.split(/[-/.\u2013]/).map(Number);
      const month = (n: number) =>
        ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][n - 1];
      const at = start + stamp.offset + stamp.dateAt.offset;
      return [
        {
          message: `${written} reads as ${a} ${month(b)} or ${month(a)} ${b} depending on the reader: write it as ${year}-MM-DD or with the month's name.`,
          span: { start: at, end: at + stamp.dateAt.length },
        },
      ];
    }
    return [];
  },
};
