// A seasonal zone abbreviation that is wrong for its date: `PST` in July (Pacific time is then PDT),
// `EDT` in February, `CET` in June. Checked where a date is known: on the timestamp itself or the
// one the parser gave it; reported once per abbreviation, where it is first written.
import { DateTime } from 'luxon';
import type { Span, Timestamp } from '../model';
import { civilDateOf, findZoneDeclaration } from '../time';
import type { Rule, RuleReport } from './rule';

/** Abbreviation -> the region whose clocks it names, and whether it is that region's daylight time. */
const SEASONAL: Record<string, { region: string; name: string; daylight: boolean; other: string }> = {
  PST: { region: 'America/Los_Angeles', name: 'Pacific time', daylight: false, other: 'PDT' },
  PDT: { region: 'America/Los_Angeles', name: 'Pacific time', daylight: true, other: 'PST' },
  CST: { region: 'America/Chicago', name: 'US Central time', daylight: false, other: 'CDT' },
  CDT: { region: 'America/Chicago', name: 'US Central time', daylight: true, other: 'CST' },
  EST: { region: 'America/New_York', name: 'US Eastern time', daylight: false, other: 'EDT' },
  EDT: { region: 'America/New_York', name: 'US Eastern time', daylight: true, other: 'EST' },
  // MST is left out: Arizona keeps it all year.
  MDT: { region: 'America/Denver', name: 'Mountain time', daylight: true, other: 'MST' },
  CET: { region: 'Europe/Paris', name: 'Central European time', daylight: false, other: 'CEST' },
  CEST: { region: 'Europe/Paris', name: 'Central European time', daylight: true, other: 'CET' },
  EET: { region: 'Europe/Athens', name: 'Eastern European time', daylight: false, other: 'EEST' },
  EEST: { region: 'Europe/Athens', name: 'Eastern European time', daylight: true, other: 'EET' },
  AEST: { region: 'Australia/Sydney', name: 'Australian Eastern time', daylight: false, other: 'AEDT' },
  AEDT: { region: 'Australia/Sydney', name: 'Australian Eastern time', daylight: true, other: 'AEST' },
  NZST: { region: 'Pacific/Auckland', name: 'New Zealand time', daylight: false, other: 'NZDT' },
  NZDT: { region: 'Pacific/Auckland', name: 'New Zealand time', daylight: true, other: 'NZST' },
};

/** The abbreviation as written, without parentheses or blanks. */
function abbreviationOf(zoneText: string | undefined): string | undefined {
  const text = zoneText?.replace(/[()\s]/g, '');
  return text && SEASONAL[text] ? text : undefined;
}

function wrongFor(abbreviation: string, instant: string): string | undefined {
  const season = SEASONAL[abbreviation];
  const date = civilDateOf(instant);
  if (!date) return undefined;
  // Noon of that day in the region: far from the hour the clocks change.
  const noon = DateTime.fromObject({ ...date, hour: 12 }, { zone: season.region });
  if (!noon.isValid || noon.isInDST === season.daylight) return undefined;
  const offset = noon
    .toFormat('ZZ')
    .replace(/:00$/, '')
    .replace(/^([+-])0/, '$1');
  const day = noon.toFormat('d LLLL yyyy');
  return `${abbreviation} on ${day}, when ${season.name} is on ${season.other} (UTC${offset}): write ${season.other}, or a UTC offset if ${abbreviation}'s is what you meant.`;
}

export const zoneDstMismatch: Rule = {
  id: 'zone-dst-mismatch',
  description: 'A daylight-saving zone abbreviation wrong for its date, like PST in July or EDT in February.',
  defaultSeverity: 'warning',
  check({ text, model }) {
    const reports: RuleReport[] = [];
    const seen = new Set<string>();
    const report = (abbreviation: string, instant: string, span: Span) => {
      if (seen.has(abbreviation)) return;
      const message = wrongFor(abbreviation, instant);
      if (!message) return;
      seen.add(abbreviation);
      reports.push({ message, span });
    };
    const dated = (stamp: Timestamp | undefined) => stamp?.instant && !stamp.dateAssumed && !stamp.error;
    const stamps: Timestamp[] = [model.window?.start, model.window?.end, ...model.entries.map((entry) => entry.timestamp)].filter((stamp): stamp is Timestamp =>
      Boolean(stamp),
    );
    stamps.sort((a, b) => a.span.start - b.span.start);
    // A zone declared for the timeline ("All times in CET"), checked on the first dated entry.
    const timeline = model.sections.find((section) => section.canonical === 'timeline');
    if (timeline && model.timelineZone) {
      const body = text.slice(timeline.headingSpan.start, Math.min(timeline.bodySpan.end, timeline.bodySpan.start + 20_000));
      const declared = findZoneDeclaration(body);
      const abbreviation = abbreviationOf(declared?.zoneText);
      const first = model.entries.find((entry) => dated(entry.timestamp) && !entry.timestamp.zoneText);
      if (declared && abbreviation && first) {
        const start = timeline.headingSpan.start + declared.offset;
        report(abbreviation, first.timestamp.instant!, { start, end: start + declared.length });
      }
    }
    for (const stamp of stamps) {
      const abbreviation = abbreviationOf(stamp.zoneText);
      if (abbreviation && dated(stamp)) report(abbreviation, stamp.instant!, stamp.span);
    }
    return reports.sort((a, b) => a.span.start - b.span.start);
  },
};
