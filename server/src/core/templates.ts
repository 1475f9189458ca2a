// The profile templates as whole documents, built from the profiles' section templates (the same
// bodies the section-missing fix inserts). One source of truth, three renderings:
// - plain text with sample values (New Postmortem, with the title and date filled in),
// - VS Code snippet bodies with tab stops and choices (snippets/postmortem.code-snippets is
//   generated from SNIPPETS by scripts/generate-snippets.mjs, and a unit test proves it current),
// - the small snippets (a timeline entry, a Duration line ...) that completions reuse.
import { DateTime } from 'luxon';
import type { Profile, ProfileSection } from './profiles/profile';
import { BUILTIN_PROFILES } from './profiles/builtin';
import { fieldIdOf } from './profiles/fields';
import { findLength, findTimestamps, scanLeadingTimestamp, type ScannedTimestamp } from './time';

/** A part of a template the writer replaces: its sample as text, a tab stop in a snippet. */
export interface Slot {
  /** Slots with the same key are one value: one tab stop, mirrored (the zone after every time). */
  key: string;
  sample: string;
  /** The answer is one of these (the sample first). */
  choices?: string[];
  /** How a snippet starts it, in snippet syntax (today's date), when not the sample. */
  snippetDefault?: string;
}

export type Piece = string | Slot;

/** Zones offered where a template writes one; the ALX cohorts are mostly in West, Central and East Africa. */
// No seasonal abbreviation (CET, EET): one is wrong half the year (zone-dst-mismatch); a region follows its clocks.
export const ZONE_CHOICES = ['UTC', 'GMT', 'WAT', 'CAT', 'EAT', 'Europe/Paris', 'Europe/Athens', 'IST', 'ET', 'CT', 'PT'];
export const SEVERITY_CHOICES = ['SEV2', 'SEV1', 'SEV3', 'SEV4'];

// ---- snippet variables (VS Code): today's date and the time now ----------------------------------

const TODAY_ISO = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
/** `April 5, 2024`: the day without its leading zero. */
const TODAY_LONG = '$CURRENT_MONTH_NAME ${CURRENT_DATE/^0//}, $CURRENT_YEAR';
const NOW_24H = '$CURRENT_HOUR:$CURRENT_MINUTE';
/** CURRENT_HOUR is 00-23; a regex transform turns it into 12-hour clock hours and AM/PM. */
const HOUR_12 =
  '${CURRENT_HOUR/^(?:(00|12)|0([1-9])|(1[01])|(13)|(14)|(15)|(16)|(17)|(18)|(19)|(20)|(21)|(22)|(23))$/' +
  '${1:+12}$2$3${4:+1}${5:+2}${6:+3}${7:+4}${8:+5}${9:+6}${10:+7}${11:+8}${12:+9}${13:+10}${14:+11}/}';
const MERIDIEM = '${CURRENT_HOUR/^(?:(0\\d|1[01])|\\d+)$/${1:?AM:PM}/}';
const NOW_12H = `${HOUR_12}:$CURRENT_MINUTE ${MERIDIEM}`;
/** The local zone as an offset from UTC (`UTC+03:00`): right whatever zone the machine is in. */
const LOCAL_ZONE = 'UTC$CURRENT_TIMEZONE_OFFSET';

// ---- section templates -> pieces -----------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function todayFor(sample: string): string {
  return ISO_DATE.test(sample) ? TODAY_ISO : TODAY_LONG;
}

class SlotNames {
  private counts = new Map<string, number>();
  next(kind: string): string {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    return `${kind}.${n}`;
  }
}

/** A timestamp split into date, clock and zone slots, with what is written between them kept. */
function timestampPieces(stamp: ScannedTimestamp, names: SlotNames, role: string | undefined): Piece[] {
  const raw = stamp.raw;
  // Where the scanner found the clock in what was written (`09:00`, `9:00 AM`, `11 AM`).
  const clock = stamp.time ? stamp.clockAt : undefined;
  const parts: { start: number; end: number; slot: Slot }[] = [];
  if (clock) {
    const sample = raw.slice(clock.offset, clock.offset + clock.length);
    parts.push({ start: clock.offset, end: clock.offset + clock.length, slot: { key: role ?? names.next('time'), sample } });
  }
  if (stamp.date) {
    const end = clock && clock.offset > 0 ? raw.slice(0, clock.offset).replace(/(?:[\s,@T]|\bat\b)*$/, '').length : raw.length;
    const sample = raw.slice(0, end);
    parts.push({ start: 0, end, slot: { key: 'date', sample, snippetDefault: todayFor(sample) } });
  }
  if (stamp.zoneText) {
    const start = raw.lastIndexOf(stamp.zoneText);
    const choices = [stamp.zoneText, ...ZONE_CHOICES.filter((zone) => zone !== stamp.zoneText)];
    parts.push({ start, end: start + stamp.zoneText.length, slot: { key: 'zone', sample: stamp.zoneText, choices } });
  }
  parts.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.start > at) pieces.push(raw.slice(at, part.start));
    pieces.push(part.slot);
    at = part.end;
  }
  if (at < raw.length) pieces.push(raw.slice(at));
  return pieces;
}

/** `April 10, 2024, 09:00 - 10:30 UTC (1 hour 30 minutes)`: date, start, end, zone and length slots. */
function windowPieces(value: string, names: SlotNames): Piece[] {
  const stamps = findTimestamps(value);
  const length = findLength(value, stamps);
  const spans: { start: number; end: number; pieces: Piece[] }[] = stamps.map((stamp, index) => ({
    start: stamp.offset,
    end: stamp.offset + stamp.length,
    pieces: timestampPieces(stamp, names, index === 0 ? 'start' : index === 1 ? 'end' : undefined),
  }));
  if (length) {
    spans.push({
      start: length.offset,
      end: length.offset + length.length,
      pieces: [{ key: 'length', sample: value.slice(length.offset, length.offset + length.length) }],
    });
  }
  spans.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) pieces.push(value.slice(at, span.start));
    pieces.push(...span.pieces);
    at = span.end;
  }
  if (at < value.length) pieces.push(value.slice(at));
  return pieces;
}

const FIELD = /^([\p{L}][\p{L} ]{0,30}?):[ \t]+(\S.*)$/u;
const BULLET = /^(\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(.*)$/;
const ENTRY_SEPARATOR = /^[ \t]*(?:[:\-–—|,]|\*\*|__)[ \t]*/;

/** One line of a section template as pieces: the writer's text becomes slots, the structure stays. */
function linePieces(line: string, sectionId: string, names: SlotNames): Piece[] {
  if (!line.trim()) return [line];
  const bullet = BULLET.exec(line);
  const marker = bullet ? bullet[1] : '';
  const rest = bullet ? bullet[2] : line;
  // A prompt that ends in a colon (`What went well:`) is structure, not sample text.
  if (/:\s*$/.test(rest)) return [line];

  const field = FIELD.exec(rest);
  const fieldId = field && fieldIdOf(field[1]);
  if (field && fieldId) {
    const label = rest.slice(0, rest.length - field[2].length);
    const value = fieldId === 'duration' ? windowPieces(field[2], names) : [{ key: fieldId, sample: field[2] } satisfies Slot];
    return [marker + label, ...value];
  }

  const stamp = findTimestamps(rest)[0];
  if (stamp && stamp.offset === 0 && stamp.time) {
    const after = rest.slice(stamp.length);
    const separator = ENTRY_SEPARATOR.exec(after)?.[0] ?? '';
    const text = after.slice(separator.length);
    return [marker, ...timestampPieces(stamp, names, undefined), separator, ...(text ? [{ key: names.next(`${sectionId}.entry`), sample: text }] : [])];
  }
  return [marker, { key: names.next(sectionId), sample: rest }];
}

export function sectionPieces(section: ProfileSection, names = new SlotNames()): Piece[] {
  const lines = section.template.split('\n');
  const pieces: Piece[] = [];
  lines.forEach((line, index) => {
    pieces.push(...linePieces(line, section.id, names));
    if (index < lines.length - 1) pieces.push('\n');
  });
  return pieces;
}

/** The sample title, and the first line every template starts with. */
export const TITLE_SAMPLE = 'What broke, in a few words';

/**
 * A whole postmortem for a profile: the title, a Date / Severity / Authors block for the
 * profiles whose templates ask for one (the ALX project does not), then every section in order.
 */
export function postmortemPieces(profile: Profile): Piece[] {
  const names = new SlotNames();
  const pieces: Piece[] = ['# Postmortem: ', { key: 'title', sample: TITLE_SAMPLE }, '\n\n'];
  if (profile.id !== 'alx') {
    const date = '2024-04-10';
    pieces.push(
      'Date: ',
      { key: 'date', sample: date, snippetDefault: TODAY_ISO },
      '\n',
      'Severity: ',
      { key: 'severity', sample: SEVERITY_CHOICES[0], choices: SEVERITY_CHOICES },
      '\n',
      'Authors: ',
      { key: 'authors', sample: 'Your name' },
      '\n\n',
    );
  }
  profile.sections.forEach((section, index) => {
    pieces.push(`## ${section.title}\n\n`, ...sectionPieces(section, names));
    if (index < profile.sections.length - 1) pieces.push('\n');
  });
  return pieces;
}

// ---- rendering -----------------------------------------------------------------------------------

export interface RenderedText {
  text: string;
  /** Where each slot landed, in order: the New Postmortem command puts the cursor on one. */
  slots: { key: string; start: number; end: number }[];
}

/** The template as a document: each slot holds `values[key]` when given, else its sample. */
export function renderText(pieces: Piece[], values: Record<string, string> = {}): RenderedText {
  let text = '';
  const slots: RenderedText['slots'] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    const value = values[piece.key] ?? piece.sample;
    slots.push({ key: piece.key, start: text.length, end: text.length + value.length });
    text += value;
  }
  return { text, slots };
}

/** `$`, `}` and `\` are snippet syntax; written text escapes them. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$},|]/g, (c) => `\\${c}`);
}

/** The template as a VS Code snippet body: tab stops numbered in document order, repeated keys mirrored. */
export function renderSnippet(pieces: Piece[]): string {
  const numbers = new Map<string, number>();
  let body = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      body += escapeSnippetText(piece);
      continue;
    }
    let n = numbers.get(piece.key);
    if (n !== undefined) {
      body += `\${${n}}`;
      continue;
    }
    n = numbers.size + 1;
    numbers.set(piece.key, n);
    if (piece.choices) body += `\${${n}|${piece.choices.map(escapeChoice).join(',')}|}`;
    else if (piece.snippetDefault) body += `\${${n}:${piece.snippetDefault}}`;
    else if (piece.sample) body += `\${${n}:${escapeSnippetText(piece.sample)}}`;
    else body += `\${${n}}`;
  }
  return body;
}

// ---- New Postmortem --------------------------------------------------------------------------------

export interface NewPostmortemInput {
  title: string;
  /** The incident date, `YYYY-MM-DD`. */
  date: string;
}

export interface NewPostmortemText {
  text: string;
  /** The first thing left to write (its sample selected, so typing replaces it). */
  cursor: { start: number; end: number };
}

/** The profile's template with the title and date written in, and where the writer starts. */
export function newPostmortemText(profile: Profile, input: NewPostmortemInput): NewPostmortemText {
  const pieces = postmortemPieces(profile);
  const day = DateTime.fromISO(input.date, { zone: 'UTC' });
  if (!ISO_DATE.test(input.date)) throw new Error(`"${input.date}" is not a date written YYYY-MM-DD.`);
  // Shaped right but impossible (2023-02-29): say what is wrong with it, as the linter would.
  if (!day.isValid) throw new Error(scanLeadingTimestamp(input.date)?.error ?? `"${input.date}" is not a calendar day.`);
  const values: Record<string, string> = { title: input.title.trim() || TITLE_SAMPLE };
  const dateSlot = pieces.find((piece): piece is Slot => typeof piece !== 'string' && piece.key === 'date');
  if (dateSlot) values.date = ISO_DATE.test(dateSlot.sample) ? input.date : day.setLocale('en-US').toFormat('LLLL d, yyyy');
  const { text, slots } = renderText(pieces, values);
  const first = slots.find((slot) => !(slot.key in values)) ?? slots[0];
  return { text, cursor: { start: first.start, end: first.end } };
}

/** `2024-04-10-database-failover-went-wrong`: the file name (without `.md`) for a postmortem. */
export function postmortemFileStem(date: string, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug ? `${date}-${slug}` : `${date}-postmortem`;
}

// ---- snippets --------------------------------------------------------------------------------------

export interface SnippetDefinition {
  /** The snippet's name in the snippets file (shown in the suggestion list). */
  name: string;
  prefix: string[];
  description: string;
  pieces: Piece[];
  /** A whole postmortem for this profile, or a line that belongs in this section id. */
  profile?: string;
  section?: string;
}

function sectionOf(profile: Profile, id: string): ProfileSection {
  const section = profile.sections.find((s) => s.id === id);
  if (!section) throw new Error(`the ${profile.id} profile has no ${id} section`);
  return section;
}

/** The line of a section template that starts with `label:`, as pieces. */
function fieldLine(section: ProfileSection, label: string): Piece[] {
  const line = section.template.split('\n').find((l) => l.startsWith(`${label}:`));
  if (!line) throw new Error(`the ${section.title} template has no ${label} line`);
  return [...linePieces(line, section.id, new SlotNames()), '\n'];
}

const PROFILE_PREFIXES: Record<string, string[]> = {
  alx: ['pm-alx', 'pm-postmortem'],
  'google-sre': ['pm-google-sre', 'pm-sre'],
  pagerduty: ['pm-pagerduty'],
  atlassian: ['pm-atlassian'],
};

function entry(time: string, zone: string): Piece[] {
  return [
    '- ',
    { key: 'time', sample: '', snippetDefault: time },
    ' ',
    { key: 'zone', sample: '', snippetDefault: zone },
    ': ',
    { key: 'text', sample: 'What happened.' },
    '\n',
  ];
}

function buildSnippets(): SnippetDefinition[] {
  const alx = BUILTIN_PROFILES.find((p) => p.id === 'alx')!;
  const summary = sectionOf(alx, 'summary');
  const whole: SnippetDefinition[] = BUILTIN_PROFILES.map((profile) => ({
    name: `Postmortem (${profile.name})`,
    prefix: PROFILE_PREFIXES[profile.id] ?? [`pm-${profile.id}`],
    description: `A whole postmortem, ${profile.name} profile: ${profile.sections.map((s) => s.title).join(', ')}.`,
    pieces: [...postmortemPieces(profile)],
    profile: profile.id,
  }));
  return [
    ...whole,
    {
      name: 'Postmortem: timeline entry (now, 24 h)',
      prefix: ['pm-entry'],
      description: 'A timeline entry stamped with the current time, 24-hour clock, zone as an offset from UTC (UTC+03:00).',
      pieces: entry(NOW_24H, LOCAL_ZONE),
      section: 'timeline',
    },
    {
      name: 'Postmortem: timeline entry (now, 12 h)',
      prefix: ['pm-entry12'],
      description: 'A timeline entry stamped with the current time, 12-hour clock with AM/PM, zone as an offset from UTC (UTC+03:00).',
      pieces: entry(NOW_12H, LOCAL_ZONE),
      section: 'timeline',
    },
    {
      name: 'Postmortem: Duration line (today)',
      prefix: ['pm-duration'],
      description: "The summary's Duration line: today's date, start and end times, zone and length.",
      pieces: fieldLine(summary, 'Duration'),
      section: 'summary',
    },
    {
      name: 'Postmortem: Impact line',
      prefix: ['pm-impact'],
      description: "The summary's Impact line: what users saw, and how many.",
      pieces: fieldLine(summary, 'Impact'),
      section: 'summary',
    },
    {
      name: 'Postmortem: action item',
      prefix: ['pm-action'],
      description: 'A corrective action as a task: what, owner, due date and ticket.',
      pieces: [
        '- [ ] ',
        { key: 'task', sample: 'A concrete task' },
        ' (owner: ',
        { key: 'owner', sample: '@owner' },
        ', due: ',
        { key: 'due', sample: '2024-04-24', snippetDefault: TODAY_ISO },
        ', ticket: ',
        { key: 'ticket', sample: 'OPS-123' },
        ')\n',
      ],
      section: 'actions',
    },
  ];
}

export const SNIPPETS: SnippetDefinition[] = buildSnippets();

/** The contents of snippets/postmortem.code-snippets (Markdown). */
export function snippetsFile(): Record<string, { scope: string; prefix: string[]; description: string; body: string[] }> {
  const file: Record<string, { scope: string; prefix: string[]; description: string; body: string[] }> = {};
  for (const snippet of SNIPPETS) {
    const body = renderSnippet(snippet.pieces) + (snippet.profile ? '$0' : '');
    file[snippet.name] = { scope: 'markdown', prefix: snippet.prefix, description: snippet.description, body: body.replace(/\n$/, '').split('\n') };
  }
  return file;
}
