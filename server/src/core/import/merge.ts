// Imported entries into a document's timeline, as insertions only: every existing line stays as it
// is (nothing existing is lost or rewritten). Each new entry goes after the last existing entry at
// or before its time (with that entry's continuation lines), in the timeline's style; entries
// already there (same time at the timeline's precision, same words) are left out; date lines are
// written where the date changes, and the date of the lines below is restored when an insertion
// changed it. A document without a timeline section gets one, where its profile puts it.
import type { CivilDate, PostmortemModel, Span, TextEdit, TimelineEntry } from '../model';
import type { Profile } from '../profiles/profile';
import { PLACEHOLDER_DATE, toDateTime } from '../time';
import type { ImportedEntry } from './entry';
import { dateLineText, renderEntries } from './render';
import { civilDate, dateLinesIn, lineStartOf, readTimelineStyle, type DateLine, type StyleFallback, type TimelineStyle } from './style';

export interface MergeOptions extends StyleFallback {
  profile: Profile;
}

export interface MergeResult {
  /** Insertions into the document, in document order, none overlapping. */
  edits: TextEdit[];
  /** The entries written, in time order, and the ones left out as already there. */
  added: ImportedEntry[];
  duplicates: ImportedEntry[];
  /** The added entries as one block in the timeline's style (what a preview shows). */
  preview: string[];
  style: TimelineStyle;
  /** Whether a timeline section was created. */
  createdSection: boolean;
}

const sameDate = (a: CivilDate | undefined, b: CivilDate | undefined) => Boolean(a && b && a.year === b.year && a.month === b.month && a.day === b.day);

/** Words only, lower case: `**Alice**: API 500s!` and `Alice: API 500s` are the same entry. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sameWords(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  if (!x || !y) return x === y;
  return x === y || (Math.min(x.length, y.length) >= 12 && (x.includes(y) || y.includes(x)));
}

interface Existing {
  entry: TimelineEntry;
  /** Its instant; for a document with no date anywhere, on the import's base date. */
  ms: number;
}

/** Existing timed entries with instants comparable to the imported ones. */
function existingEntries(model: PostmortemModel, style: TimelineStyle, baseDate: CivilDate | undefined): Existing[] {
  const out: Existing[] = [];
  for (const entry of model.entries) {
    const { timestamp } = entry;
    if (timestamp.epochMs === undefined || !timestamp.time) continue;
    if (!timestamp.dateAssumed) {
      out.push({ entry, ms: timestamp.epochMs });
      continue;
    }
    // No date written anywhere: the entry stands on a placeholder day; move it to the base day,
    // keeping how many midnights it rolled over.
    if (!baseDate) continue;
    const placed = civilDate(timestamp.epochMs, timestamp.zone ?? style.zone);
    const days = Math.round(
      (Date.UTC(placed.year, placed.month - 1, placed.day) - Date.UTC(PLACEHOLDER_DATE.year, PLACEHOLDER_DATE.month - 1, PLACEHOLDER_DATE.day)) / 86_400_000,
    );
    const day = new Date(Date.UTC(baseDate.year, baseDate.month - 1, baseDate.day + days));
    const moved = toDateTime({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, timestamp.time, timestamp.zone ?? style.zone);
    if (moved) out.push({ entry, ms: moved.toMillis() });
  }
  return out;
}

/** Past the blanks that end a line (a Markdown hard break is two of them): insertions never split a line. */
function lineEndAt(text: string, pos: number): number {
  let end = pos;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return end < text.length && text[end] !== '\r' && text[end] !== '\n' ? pos : end;
}

const LIST_MARKER = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s/;

/** Where an entry's block ends: its own line plus the continuation lines of its list item. */
function blockEnd(text: string, entry: TimelineEntry, starts: Set<number>, dateLines: DateLine[], limit: number): number {
  return lineEndAt(text, itemEnd(text, entry, starts, dateLines, limit));
}

function itemEnd(text: string, entry: TimelineEntry, starts: Set<number>, dateLines: DateLine[], limit: number): number {
  let end = entry.span.end;
  if (entry.form === 'table-row' || entry.form === 'heading') return end;
  for (;;) {
    const next = text.indexOf('\n', end);
    if (next < 0 || next + 1 >= limit) return end;
    const lineStart = next + 1;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const boundary = (start: number, body: string) =>
      starts.has(start) || dateLines.some((d) => d.start === start) || /^\s{0,3}#/.test(body) || LIST_MARKER.test(body) || /^\s*\|/.test(body);
    if (!line.trim()) {
      // A blank line continues the item only when an indented line follows it.
      let after = lineEnd + 1;
      while (after < limit) {
        const afterEnd = text.indexOf('\n', after) < 0 ? limit : Math.min(text.indexOf('\n', after), limit);
        const body = text.slice(after, afterEnd).replace(/\r$/, '');
        if (body.trim()) {
          if (!/^\s{2,}\S/.test(body) || boundary(after, body)) return end;
          end = after + body.length;
          break;
        }
        after = afterEnd + 1;
      }
      if (after >= limit) return end;
      continue;
    }
    if (boundary(lineStart, line)) return end;
    end = lineStart + line.length;
  }
}

/** Where a new section goes: before the first section the profile puts after the timeline, else at the end. */
function newSectionAt(text: string, model: PostmortemModel, profile: Profile): number {
  const order = profile.sections.map((section) => section.id);
  const timelineIndex = order.indexOf('timeline');
  for (const section of model.sections) {
    if (section.form !== 'heading' || !section.canonical) continue;
    const index = order.indexOf(section.canonical);
    if (index > timelineIndex) return section.headingSpan.start;
  }
  return text.length;
}

export function mergeIntoTimeline(text: string, model: PostmortemModel, imported: ImportedEntry[], options: MergeOptions): MergeResult {
  const style = readTimelineStyle(text, model, options);
  const { eol } = style;
  const precision = style.seconds ? 1000 : 60_000;
  const sorted = imported.map((entry) => ({ ...entry, epochMs: Math.floor(entry.epochMs / precision) * precision })).sort((a, b) => a.epochMs - b.epochMs);
  const baseDate = style.baseDate ?? (sorted[0] && civilDate(sorted[0].epochMs, style.zone));
  const existing = existingEntries(model, style, baseDate);

  // Already there (in the document, or twice in the import): left out.
  // Texts by time bucket (the precision the timeline writes), so a large import stays linear.
  const bucket = (ms: number) => Math.floor(ms / precision);
  const seen = new Map<number, string[]>();
  const remember = (ms: number, text: string) => seen.set(bucket(ms), [...(seen.get(bucket(ms)) ?? []), text]);
  for (const e of existing) remember(e.ms, e.entry.text);
  const added: ImportedEntry[] = [];
  const duplicates: ImportedEntry[] = [];
  for (const entry of sorted) {
    if ((seen.get(bucket(entry.epochMs)) ?? []).some((text) => sameWords(text, entry.text))) {
      duplicates.push(entry);
      continue;
    }
    added.push(entry);
    remember(entry.epochMs, entry.text);
  }
  const preview = renderEntries(added, style, { date: baseDate }).lines;
  const result = { added, duplicates, preview, style, edits: [] as TextEdit[], createdSection: false };
  if (!added.length) return result;

  const timeline = model.sections.find((section) => section.canonical === 'timeline');
  if (!timeline) {
    const at = newSectionAt(text, model, options.profile);
    const title = options.profile.sections.find((section) => section.id === 'timeline')?.title ?? 'Timeline';
    const level = model.sections.find((section) => section.form === 'heading' && section.canonical)?.level ?? 2;
    const heading = `${'#'.repeat(level)} ${title}`;
    const block = [heading, '', ...preview].join(eol);
    const before = at === text.length ? (text.endsWith('\n') ? (text.endsWith(`${eol}${eol}`) || !text.trim() ? '' : eol) : text ? `${eol}${eol}` : '') : '';
    const newText = at === text.length ? `${before}${block}${eol}` : `${block}${eol}${eol}`;
    result.edits.push({ span: { start: at, end: at }, newText });
    result.createdSection = true;
    return result;
  }

  const body: Span = timeline.bodySpan;
  const dateLines = dateLinesIn(text, body.start, body.end);
  const starts = new Set(model.entries.map((entry) => lineStartOf(text, entry.span.start)));
  const inTimeline = existing.filter((e) => e.entry.span.start >= body.start && e.entry.span.start < body.end);
  const ordered = [...inTimeline].sort((a, b) => a.entry.span.start - b.entry.span.start);

  if (!ordered.length) {
    // An empty timeline: after whatever it says (or right under the heading).
    const content = text.slice(body.start, body.end);
    const at = lineEndAt(text, body.start + content.trimEnd().length);
    // The lines follow the timeline's last date line, if it has one, else the document's date.
    const lastDateLine = dateLines.filter((d) => d.start < at).pop();
    const lines = renderEntries(added, style, { date: lastDateLine?.date ?? style.baseDate }).lines;
    result.edits.push({ span: { start: at, end: at }, newText: `${eol}${eol}${lines.join(eol)}` });
    return result;
  }

  // Group the new entries by the existing entry they follow (-1: before the first).
  // `added` is in time order: walk the existing entries by time once, keeping the latest in document order.
  const groups = new Map<number, ImportedEntry[]>();
  const byTime = ordered.map((e, index) => ({ ms: e.ms, index })).sort((a, b) => a.ms - b.ms);
  let cursor = 0;
  let anchor = -1;
  for (const entry of added) {
    while (cursor < byTime.length && byTime[cursor].ms <= entry.epochMs) anchor = Math.max(anchor, byTime[cursor++].index);
    const group = groups.get(anchor);
    if (group) group.push(entry);
    else groups.set(anchor, [entry]);
  }

  const dateOf = (e: Existing) => civilDate(e.ms, style.zone);
  for (const [anchor, entries] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const next = ordered[anchor + 1];
    if (anchor < 0) {
      // Before the first entry, and before a date line just above it.
      const first = ordered[0];
      const dateLineAbove = [...dateLines]
        .reverse()
        .find(
          (d) =>
            d.start < first.entry.span.start &&
            d.start >= body.start &&
            !ordered.some((e) => e.entry.span.start > d.start && e.entry.span.start < first.entry.span.start),
        );
      const firstLine = lineStartOf(text, first.entry.span.start);
      const at = dateLineAbove && !sameDate(dateLineAbove.date, civilDate(entries[0].epochMs, style.zone)) ? dateLineAbove.start : firstLine;
      const context = at === firstLine && dateLineAbove ? dateLineAbove.date : undefined;
      const { lines, lastDate } = renderEntries(entries, style, { date: context ?? style.baseDate });
      // The entries below keep their date: restore it when these lines changed it.
      const below = at === firstLine ? dateOf(first) : undefined;
      if (below && !first.entry.timestamp.date && !sameDate(lastDate, below) && !(lastDate === undefined && sameDate(style.baseDate, below))) {
        if (style.form !== 'table' && !style.datesInEntries) lines.push('', dateLineText(below, style), '');
      }
      result.edits.push({ span: { start: at, end: at }, newText: `${lines.join(eol)}${eol}` });
      continue;
    }
    const after = ordered[anchor];
    const end = blockEnd(text, after.entry, starts, dateLines, body.end);
    // A date line between this entry and the next, for a date the new entries reach: those go under it.
    const nextStart = next ? next.entry.span.start : body.end;
    const gapLine = dateLines.find((d) => d.start > end && d.start < nextStart);
    const here = gapLine ? entries.filter((entry) => !reaches(entry, gapLine, style)) : entries;
    const kept = new Set(here);
    const under = gapLine ? entries.filter((entry) => !kept.has(entry)) : [];
    if (here.length) {
      const { lines, lastDate } = renderEntries(here, style, { date: dateOf(after), afterEntry: true });
      if (!gapLine && next && !next.entry.timestamp.date && !sameDate(lastDate, dateOf(next)) && style.form !== 'table' && !style.datesInEntries) {
        lines.push('', dateLineText(dateOf(next), style), '');
      }
      // Trailing blank lines are not needed when the block ends here (a list item follows).
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      result.edits.push({ span: { start: end, end }, newText: `${eol}${lines.join(eol)}` });
    }
    if (under.length && gapLine) {
      const { lines } = renderEntries(under, style, { date: gapLine.date });
      const lineAfterDate = text.indexOf('\n', gapLine.end);
      // Under the date line (after the blank line that follows it, if any), before what was there.
      let at = lineAfterDate < 0 ? text.length : lineAfterDate + 1;
      const blank = /^[ \t]*\r?\n/.exec(text.slice(at));
      if (blank && at + blank[0].length <= nextStart) at += blank[0].length;
      result.edits.push({ span: { start: at, end: at }, newText: `${lines.join(eol)}${eol}` });
    }
  }
  result.edits.sort((a, b) => a.span.start - b.span.start);
  return result;
}

/** Whether an entry's date is on or after a date line's date. */
function reaches(entry: ImportedEntry, line: DateLine, style: TimelineStyle): boolean {
  const date = civilDate(entry.epochMs, style.zone);
  return Date.UTC(date.year, date.month - 1, date.day) >= Date.UTC(line.date.year, line.date.month - 1, line.date.day);
}
