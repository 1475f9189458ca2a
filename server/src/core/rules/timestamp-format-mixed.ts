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
        const clockAt = scanLeadingTimestamp(raw)?.clockAt;
        const at = clockAt && span.start + clockAt.offset;
        const message = `${raw} uses a different clock than the rest of the timeline (mostly ${label}).`;
        if (at === undefined) return [{ message, span }];
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
