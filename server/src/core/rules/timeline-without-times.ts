// A timeline whose items mostly carry no time: the ALX project asks for a time on each step
// (detection, actions, escalation, resolution). Reported when fewer than two steps, or fewer than
// half of them, are timed.
import type { Rule } from './rule';

/** The steps a reviewer expects a time on first: what was done, escalated, resolved. */
const LATER_STEP = /action|escalat|resol|investigat|mitigat|\bfix|misleading|restor/i;

const MALFORMED_TIME = /(?<![0-9])\d{1,2}:[ \t]?[AaPp]\.?[Mm](?![A-Za-z])/;

/** A list item's first line, or a paragraph line, in the timeline's source. */
const ITEM = /^[ \t]{0,3}(?:>[ \t]?)*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/;

export const timelineWithoutTimes: Rule = {
  id: 'timeline-without-times',
  description: 'A timeline whose steps mostly carry no time (fewer than two, or fewer than half, timed).',
  defaultSeverity: 'warning',
  check({ text, model, profile, timestamps }) {
    if (profile.id !== 'alx') return [];
    const timeline = model.sections.find((section) => section.canonical === 'timeline');
    if (!timeline) return [];
    const body = text.slice(timeline.bodySpan.start, Math.min(timeline.bodySpan.end, timeline.bodySpan.start + 50_000));
    const items: { start: number; end: number; timed: boolean; text: string }[] = [];
    const plain: typeof items = [];
    let offset = timeline.bodySpan.start;
    // Times anywhere in the timeline count: under label bullets, in headings, in a table.
    let timedLines = 0;
    // `#### 10:00 UTC` headings with bullets under them: each heading times its bullets.
    let timedHeadings = 0;
    for (const line of body.split('\n')) {
      const start = offset;
      const end = offset + (line.endsWith('\r') ? line.length - 1 : line.length);
      offset += line.length + 1;
      // A line that is only a tag (`<ul>`, `</li>`) in a timeline written in HTML is no step.
      if (!line.trim() || /^\s*<\/?[a-z][a-z0-9]*[^<>]*>\s*$/i.test(line)) continue;
      // A step is timed when a time is written on it, as an entry or in its words ("Start Time: 06:00").
      // Emphasis around the time (`_5:30 PM_ –`, `**10:00**`) is blanked, so the time reads as written.
      const head = line.slice(0, 2000).replace(/[*_~`]/g, ' ');
      // A malformed time (`5:PM`) is still a time the author gave: malformed-time's business, not this rule's.
      const timed = MALFORMED_TIME.test(head) || timestamps(head).some((stamp) => stamp.time || stamp.error);
      const step = { start, end, timed, text: line };
      if (step.timed) timedLines++;
      if (/^\s{0,3}#/.test(line)) {
        if (step.timed) timedHeadings++;
        continue;
      }
      if (ITEM.test(line)) items.push(step);
      else plain.push(step);
    }
    const steps = items.length ? items : plain;
    if (timedHeadings >= 2) return [];
    const timed = timedLines;
    const untimed = steps.filter((step) => !step.timed);
    // Fewer than two timed steps, or fewer than half of them timed: "a time for each" is not met.
    if ((timed >= 2 && timed * 2 >= steps.length) || steps.length < 2 || untimed.length < 2) return [];
    // Where a reviewer looks first: the first step when none is timed, else the actions,
    // escalation or resolution step that has no time.
    const at = timed === 0 ? untimed[0] : (untimed.find((step) => LATER_STEP.test(step.text)) ?? untimed[0]);
    const count =
      timed === 0
        ? 'No timeline step has a time'
        : timed === 1
          ? 'Only one timeline step has a time'
          : `Only ${timed} of ${steps.length} timeline steps have a time`;
    return [
      {
        message: `${count}: give each step (detection, actions, escalation, resolution) the time it happened, like "- 10:15 UTC: ...".`,
        span: { start: at.start, end: at.end },
      },
    ];
  },
};
