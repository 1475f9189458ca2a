import type { ClockTime } from '../model';
import { scanLeadingTimestamp } from '../time';
import type { Rule } from './rule';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The same time on the other clock: `01:00 PM` <-> `13:00`. */
export function rewriteClock(time: ClockTime, to: '12h' | '24h'): string {
  const seconds = time.second ? `:${pad(time.second)}` : '';
  if (to === '24h') return `${pad(time.hour)}:${pad(time.minute)}${seconds}`;
  const hour12 = time.hour % 12 === 0 ? 12 : time.hour % 12;
  return `${pad(hour12)}:${pad(time.minute)}${seconds} ${time.hour < 12 ? 'AM' : 'PM'}`;
}

/** A clock this rule can write back exactly: `9:00`, `09:00:13`, `11 AM`, `9:00 p.m.`; no fractions, no `hrs`. */
const REWRITABLE_CLOCK = /^\d{1,2}(?::\d{2}){0,2}(?:[ \t]{0,2}(?:[AaPp]\.?[Mm]\.?))?$/;

export const timestampFormatMixed: Rule = {
  id: 'timestamp-format-mixed',
  description: '12-hour and 24-hour clocks mixed in one timeline.',
  defaultSeverity: 'info',
  fix: 'safe',
  tags: ['timeline', 'time'],
  check({ model }) {
    const timed = model.entries.filter((entry) => entry.timestamp.time && !entry.timestamp.error);
    const twelve = timed.filter((entry) => entry.timestamp.time!.clock === '12h').length;
    const twentyFour = timed.length - twelve;
    if (!twelve || !twentyFour) return [];
    const majority = twelve > twentyFour ? '12h' : '24h';
    const label = majority === '12h' ? '12-hour' : '24-hour';
    return timed
      .filter((entry) => entry.timestamp.time!.clock !== majority)
      .flatMap((entry) => {
        const { span, time, raw } = entry.timestamp;
        // The scanner says where the clock is in what was written (`9:00 AM`, `11 AM`): only it is rewritten.
        const scanned = scanLeadingTimestamp(raw);
        const clockAt = scanned?.clockAt;
        const at = clockAt && span.start + clockAt.offset;
        const message = `${raw} uses a different clock than the rest of the timeline (mostly ${label}).`;
        // Only what is understood completely is rewritten: not `02:40:15.250`, not an ISO `2024-03-10T02:30:00-05:00`.
        const clockText = clockAt ? raw.slice(clockAt.offset, clockAt.offset + clockAt.length) : '';
        const iso = scanned?.dateAt !== undefined && raw[scanned.dateAt.offset + scanned.dateAt.length] === 'T';
        if (at === undefined || iso || !REWRITABLE_CLOCK.test(clockText)) return [{ message, span }];
        return [
          {
            message,
            span,
            fixes: [
              {
                title: `Write it as ${rewriteClock(time!, majority)} (${label})`,
                edits: [{ span: { start: at, end: at + clockAt!.length }, newText: rewriteClock(time!, majority) }],
                safe: true,
              },
            ],
          },
        ];
      });
  },
};
