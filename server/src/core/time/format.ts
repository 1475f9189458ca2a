// The one way instants are shown: `2024-04-10 09:00 UTC+03:00` (hover, preview window, calculator).
import { DateTime } from 'luxon';

/**
 * `epochMs` as a wall time in `zone` with its offset from UTC (`2024-04-10 09:00 UTC+03:00`,
 * `2024-04-10 06:00 UTC`); seconds only when there are some; no date when the date was made up.
 */
export function formatInstant(epochMs: number, zone: string, withDate: boolean): string {
  const dateTime = DateTime.fromMillis(epochMs, { zone });
  if (!dateTime.isValid) return new Date(epochMs).toISOString();
  const clock = dateTime.second ? 'HH:mm:ss' : 'HH:mm';
  const offset = dateTime.offset === 0 ? 'UTC' : `UTC${dateTime.toFormat('ZZ')}`;
  return `${dateTime.toFormat(withDate ? `yyyy-MM-dd ${clock}` : clock)} ${offset}`;
}
