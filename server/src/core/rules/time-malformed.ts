// Times typed with a slip that a reader still understands but tools and readers stumble on: a colon
// without minutes (`3:AM`), a blank after the colon (`4: 45 am`), a lone `M` (`10:00 M`), a dot for
// the colon leading a timeline entry (`15.25 PST`), a slash between a date and its time
// (`2023-01-04/11:34`). Impossible times (`25:10`) are timestamp-invalid's. Code is skipped.
import type { Root } from 'mdast';
import type { Span } from '../model';
import type { Rule } from './rule';
import { nodesOf } from './tree';

interface Slip {
  pattern: RegExp;
  /** What is wrong and how to write it, from the match. */
  say(match: RegExpExecArray): string;
  /** Only at the start of a timeline entry, where a number can only be its time. */
  entryStart?: boolean;
}

const SLIPS: Slip[] = [
  {
    pattern: /(?<![\d:.])(\d{1,2}):[ \t]?([AaPp])\.?[Mm](?![A-Za-z])/g,
    say: (m) => `${m[0]} has a colon but no minutes: write ${m[1]}:00 ${m[2].toUpperCase()}M`,
  },
  {
    pattern: /(?<![\d:.])(\d{1,2}):[ \t]+(\d{2})[ \t]{0,2}([AaPp])\.?[Mm](?![A-Za-z])/g,
    say: (m) => `${m[0]} has a blank after the colon: write ${m[1]}:${m[2]} ${m[3].toUpperCase()}M`,
  },
  {
    pattern: /(?<![\d:.])(\d{1,2}:\d{2})[ \t]M(?![A-Za-z])/g,
    say: (m) => `${m[0]}: the AM or PM is garbled; write ${m[1]} AM or ${m[1]} PM`,
  },
  {
    pattern: /(?<![\d:.])(\d{4}-\d{2}-\d{2})\/(\d{1,2}:\d{2})(?![\d])/g,
    say: (m) => `${m[0]} has a slash between the date and the time: write ${m[1]} ${m[2]}`,
  },
  {
    // `15.25 PST - engineers ...`: a dot where the colon goes, then a zone, AM/PM or a separator.
    pattern:
      /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__|\*|_)?((?:[01]?\d|2[0-3]))\.([0-5]\d)(?:\*\*|__|\*|_)?(?=[ \t]+(?:[A-Z]{2,4}\b|[AaPp]\.?[Mm]\b|[-\u2013\u2014:|]))/gm,
    say: (m) => `${m[1]}.${m[2]} has a dot for the colon: write ${m[1]}:${m[2]}`,
    entryStart: true,
  },
];

/** The spans of code blocks and inline code, where times are data, not the author's writing. */
function codeSpans(root: Root): Span[] {
  const spans: Span[] = [];
  for (const node of [...nodesOf(root, 'code'), ...nodesOf(root, 'inlineCode')]) {
    const [start, end] = [node.position?.start.offset, node.position?.end.offset];
    if (start !== undefined && end !== undefined) spans.push({ start, end });
  }
  return spans;
}

/** Only the head of a huge document is searched: these are slips of hand, not of scale. */
const SEARCH_LIMIT = 200_000;

export const timeMalformed: Rule = {
  id: 'time-malformed',
  description: 'A time typed with a slip: 3:AM, 4: 45 am, 10:00 M, 15.25 for 15:25, 2023-01-04/11:34.',
  defaultSeverity: 'warning',
  tags: ['time'],
  check({ text, model, root }) {
    const head = text.slice(0, SEARCH_LIMIT);
    const code = codeSpans(root);
    const inCode = (at: number) => code.some((span) => at >= span.start && at < span.end);
    const timeline = model.sections.find((section) => section.canonical === 'timeline')?.bodySpan;
    const found: { span: Span; message: string }[] = [];
    for (const slip of SLIPS) {
      slip.pattern.lastIndex = 0;
      for (let m = slip.pattern.exec(head); m; m = slip.pattern.exec(head)) {
        // The span starts at the time, after any bullet or emphasis before it.
        const start = m.index + Math.max(0, m[0].search(/\d/));
        if (inCode(start)) continue;
        if (slip.entryStart && !(timeline && start >= timeline.start && start < timeline.end)) continue;
        found.push({ span: { start, end: m.index + m[0].length }, message: slip.say(m) });
      }
    }
    if (!found.length) return [];
    found.sort((a, b) => a.span.start - b.span.start);
    // One report for the document, on the first slip: a habit is fixed in one go.
    const more = found.length - 1;
    const tail = more ? ` (and ${more} more like it)` : '';
    return [{ message: `${found[0].message}${tail}.`, span: found[0].span }];
  },
};
