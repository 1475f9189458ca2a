// What to suggest where the writer is typing, decided from the text and the model alone:
// - on a heading line, the profile's sections not yet in the document, in the profile's order;
// - at the start of a line in the summary, the field labels not yet written;
// - at the start of a timeline line, the time now in the format and zone the timeline uses, and
//   the time of the previous entry.
// "Now" is a parameter, so callers (and tests) decide what the clock says.
import { DateTime } from 'luxon';
import type { PostmortemModel, Span, TimelineEntry } from './model';
import type { Profile } from './profiles/profile';
import { FIELD_KINDS, fieldKind } from './profiles/fields';
import { sectionAt } from './parse/sections';
import { SNIPPETS, renderSnippet } from './templates';
import { scanLeadingTimestamp } from './time';

export type SuggestionKind = 'section' | 'field' | 'time';

export interface Suggestion {
  kind: SuggestionKind;
  label: string;
  detail: string;
  documentation?: string;
  /** The text that replaces `replace`. */
  insertText: string;
  /** The same with tab stops (VS Code snippet syntax), for clients that take snippets. */
  snippet?: string;
  /** What the client matches the typed text against, when not the label. */
  filterText?: string;
  replace: Span;
  sortText: string;
}

export interface CompletionRequest {
  text: string;
  model: PostmortemModel;
  profile: Profile;
  offset: number;
  /** Milliseconds since the epoch. */
  now: number;
}

interface Line {
  start: number;
  end: number;
  /** Text of the line before and after the cursor. */
  before: string;
  after: string;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end, before: text.slice(start, offset), after: text.slice(offset, Math.max(offset, end)) };
}

export function suggest(request: CompletionRequest): Suggestion[] {
  const { text, offset } = request;
  if (offset < 0 || offset > text.length) return [];
  const line = lineAt(text, offset);
  if (line.after.trim()) return [];
  return headingSuggestions(request, line) ?? fieldSuggestions(request, line) ?? timeSuggestions(request, line) ?? [];
}

/**
 * Whether a trigger character typed at the end of `lineBefore` can lead to suggestions: `#` in a
 * heading's hashes, a space right after the hashes or a list marker. Everything else typed (a
 * space in prose) is answered without parsing the document.
 */
export function answersTrigger(lineBefore: string, character: string): boolean {
  if (character === '#') return /^ {0,3}#{1,6}$/.test(lineBefore);
  if (character === ' ') return /^\s*(?:#{1,6}|[-*+]|\d{1,3}[.)]) $/.test(lineBefore);
  return true;
}

// ---- sections ------------------------------------------------------------------------------------

const HEADING_START = /^ {0,3}(#{1,6})([ \t]*)([^#\n]*)$/;

function headingSuggestions({ model, profile }: CompletionRequest, line: Line): Suggestion[] | undefined {
  const match = HEADING_START.exec(line.before);
  if (!match) return undefined;
  const [, , space, typed] = match;
  // Sections written elsewhere; the heading being typed does not count.
  const present = new Set(model.sections.filter((s) => s.headingSpan.start !== line.start && s.canonical).map((s) => s.canonical));
  const has = (id: string) =>
    present.has(id) || (profile.sections.find((s) => s.id === id)?.satisfiedBy ?? []).some((group) => group.every((g) => present.has(g)));
  const replace = { start: line.start + line.before.length - typed.length, end: line.end };
  return profile.sections
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => !has(section.id))
    .map(({ section, index }) => ({
      kind: 'section' as const,
      label: section.title,
      detail: `${section.required ? 'Required' : 'Optional'} section (${profile.name})`,
      documentation: section.template,
      insertText: space ? section.title : ` ${section.title}`,
      filterText: section.title,
      replace,
      sortText: String(index).padStart(3, '0'),
    }));
}

// ---- summary fields --------------------------------------------------------------------------------

const FIELD_START = /^(\s*(?:[-*+][ \t]+)?)(\*\*|__)?([\p{L}][\p{L} ]*)?$/u;

/** The section a line belongs to for fields: the fields section, or the lines above the first section. */
function inFieldsArea(model: PostmortemModel, profile: Profile, offset: number): boolean {
  const section = sectionAt(model.sections, offset);
  if (section) return section.canonical === profile.fieldsSection;
  const firstKnown = model.sections.find((s) => s.canonical);
  return !firstKnown || offset < firstKnown.headingSpan.start;
}

/** The small snippet that writes a field's whole line (Duration, Impact), without its label. */
function fieldSnippet(label: string): string | undefined {
  const snippet = SNIPPETS.find((s) => s.section === 'summary' && typeof s.pieces[0] === 'string' && s.pieces[0].startsWith(`${label}:`));
  return snippet && renderSnippet(snippet.pieces).replace(/\n$/, '');
}

function fieldSuggestions({ model, profile, offset }: CompletionRequest, line: Line): Suggestion[] | undefined {
  const match = FIELD_START.exec(line.before);
  if (!match || !inFieldsArea(model, profile, offset)) return undefined;
  const bold = match[2] ?? '';
  const typed = (match[3] ?? '').toLowerCase();
  const written = new Set(model.fields.filter((f) => f.span.start !== line.start).map((f) => f.id));
  const order = [...profile.requiredFields, ...FIELD_KINDS.map((k) => k.id).filter((id) => !profile.requiredFields.includes(id))];
  const candidates = order.filter((id) => !written.has(id));
  // Prose under way is not the start of a field: only answer while the words typed begin a label.
  if (typed && !candidates.some((id) => fieldKind(id)?.label.toLowerCase().startsWith(typed))) return undefined;
  const start = line.start + match[1].length;
  return candidates.map((id, index) => {
    const label = fieldKind(id)?.label ?? id;
    const insertText = bold ? `${bold}${label}:${bold} ` : `${label}: `;
    const whole = bold ? undefined : fieldSnippet(label);
    return {
      kind: 'field' as const,
      label: `${label}:`,
      detail: `${profile.requiredFields.includes(id) ? 'Required' : 'Optional'} summary field (${profile.name})`,
      insertText,
      snippet: whole ?? `${insertText.replace(/[\\$}]/g, '\\$&')}$0`,
      filterText: `${bold}${label}`,
      replace: { start, end: line.end },
      sortText: String(index).padStart(3, '0'),
    };
  });
}

// ---- timeline times ----------------------------------------------------------------------------------

const TIMELINE_START = /^(\s*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__)?)([\d:]*)$/;

function timeSuggestions({ text, model, offset, now }: CompletionRequest, line: Line): Suggestion[] | undefined {
  const match = TIMELINE_START.exec(line.before);
  if (!match) return undefined;
  if (sectionAt(model.sections, offset)?.canonical !== 'timeline') return undefined;
  if (model.sections.some((s) => s.headingSpan.start === line.start)) return undefined;

  const others = model.entries.filter((e) => e.span.start !== line.start && e.timestamp.time && !e.timestamp.error);
  const previous = others.filter((e) => e.span.end <= line.start).pop();
  const reference = previous ?? others.find((e) => e.span.start >= line.end);
  // On an empty line, write the list marker the timeline uses.
  const marker = match[1] || !reference ? '' : markerOf(text, reference);
  const separator = reference ? separatorOf(text, reference) : ': ';
  const replace = { start: line.start + match[1].length, end: line.end };
  const stamp = formatNow(now, model, reference);
  const suggestions: Suggestion[] = [
    {
      kind: 'time',
      label: stamp.text,
      detail: `Now, in the timeline's zone (${stamp.zoneName})`,
      insertText: marker + stamp.text + separator,
      filterText: marker + stamp.text,
      replace,
      sortText: '000',
    },
  ];
  if (previous && previous.timestamp.raw !== stamp.text) {
    suggestions.push({
      kind: 'time',
      label: previous.timestamp.raw,
      detail: 'The time of the previous entry',
      insertText: marker + previous.timestamp.raw + separator,
      filterText: marker + previous.timestamp.raw,
      replace,
      sortText: '001',
    });
  }
  return suggestions;
}

/** What stands before an entry's timestamp on its line (`- `, `* **`), when it is only markup. */
function markerOf(text: string, entry: TimelineEntry): string {
  const lineStart = text.lastIndexOf('\n', entry.span.start - 1) + 1;
  const lead = text.slice(lineStart, entry.timestamp.span.start);
  return /^\s*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__)?$/.test(lead) ? lead.replace(/^\s*\d{1,3}([.)])/, '1$1') : '';
}

/** What an entry writes between its timestamp and its text (`: `, ` - `, `** — `). */
function separatorOf(text: string, entry: TimelineEntry): string {
  const after = text.slice(entry.timestamp.span.end, entry.span.end);
  const at = entry.text ? after.indexOf(entry.text.slice(0, 8)) : -1;
  const separator = at >= 0 ? after.slice(0, at) : '';
  return separator && separator.length <= 8 && !/[\p{L}\p{N}]/u.test(separator) ? separator : ': ';
}

/**
 * The instant `now` written like `reference`: its date format if it has a date, its clock (12 or
 * 24 h, seconds), and its zone as written; in the zone it resolves to. Without a reference: 24 h,
 * in the zone of the timeline or the window, else UTC.
 */
function formatNow(now: number, model: PostmortemModel, reference: TimelineEntry | undefined): { text: string; zoneName: string } {
  const stamp = reference?.timestamp;
  const zone = stamp?.zone ?? model.timelineZone ?? model.window?.zone ?? 'UTC';
  let at = DateTime.fromMillis(now, { zone });
  if (!at.isValid) at = DateTime.fromMillis(now, { zone: 'UTC' });
  at = at.setLocale('en-US');
  if (!stamp) {
    const windowZoneText = model.window?.end?.zoneText ?? model.window?.start?.zoneText;
    const zoneText = model.timelineZone ? '' : ` ${windowZoneText ?? 'UTC'}`;
    return { text: at.toFormat('HH:mm') + zoneText, zoneName: at.zoneName ?? 'UTC' };
  }
  const raw = stamp.raw;
  // Where the scanner finds the clock in what was written (`09:00`, `9:00 AM`, `11 AM`).
  const clock = scanLeadingTimestamp(raw)?.clockAt;
  if (!clock) return { text: at.toFormat('HH:mm'), zoneName: at.zoneName ?? zone };
  const written = raw.slice(clock.offset, clock.offset + clock.length);
  const seconds = /:\d{2}:\d{2}/.test(written) ? ':ss' : '';
  const hour = /^\d(?!\d)/.test(written) ? (stamp.time?.clock === '12h' ? 'h' : 'H') : stamp.time?.clock === '12h' ? 'hh' : 'HH';
  let time = at.toFormat(`${hour}:mm${seconds}`);
  if (stamp.time?.clock === '12h') {
    const meridiem = /[ \t]?([AaPp])(\.?)([Mm])(\.?)$/.exec(written);
    const am = at.hour < 12;
    if (meridiem) {
      const letter = /[ap]/.test(meridiem[1]) ? (am ? 'a' : 'p') : am ? 'A' : 'P';
      time += `${meridiem[0].startsWith(' ') || meridiem[0].startsWith('\t') ? ' ' : ''}${letter}${meridiem[2]}${meridiem[3]}${meridiem[4]}`;
    }
  }
  let date = '';
  if (stamp.date && clock.offset > 0) {
    const datePart = raw.slice(0, clock.offset);
    const glue = /(?:[\s,@T]|\bat\b)*$/.exec(datePart)?.[0] ?? ' ';
    date = (/^\d{4}-\d{2}-\d{2}/.test(datePart) ? at.toFormat('yyyy-MM-dd') : at.toFormat('LLLL d, yyyy')) + glue;
  }
  return { text: date + time + raw.slice(clock.offset + clock.length), zoneName: at.zoneName ?? zone };
}
