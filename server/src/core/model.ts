// The postmortem as plain data. Produced by parse/, read by rules, the server and the CLI.
// Positions are UTF-16 offsets into the document text (what JavaScript strings and LSP use);
// the edges (server, CLI) turn them into lines and columns.

/** A half-open range of offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A replacement of `span` by `newText`: how every fix is expressed. */
export interface TextEdit {
  span: Span;
  newText: string;
  /** The same edit as a snippet with tab stops (`${1:owner}`), for clients that accept snippet edits. */
  snippet?: string;
}

export type Severity = 'error' | 'warning' | 'info';
/** A configured severity: a Severity, or off. */
export type RuleLevel = 'off' | Severity;

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by fix-all and `postmortem-lint --fix`; others only on request. */
  safe: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
}

/** How a section was written. Only `heading` is well-formed; the others are reported by rules. */
export type SectionForm =
  /** A real Markdown heading. */
  | 'heading'
  /** `##Issue summary`: hashes without the space, so CommonMark renders it as text. */
  | 'heading-no-space'
  /** A paragraph line that is exactly a section name, like `Corrective and Preventative Measures:`. */
  | 'label-line';

export interface Section {
  /** The heading text as written, without hashes, emphasis markers or a trailing colon. */
  title: string;
  /** The canonical section id from the active profile (`summary`, `timeline` ...), if it maps to one. */
  canonical?: string;
  /** Heading depth 1..6 (for `heading-no-space`, the number of hashes; for `label-line`, 0). */
  level: number;
  form: SectionForm;
  /** The heading line itself. */
  headingSpan: Span;
  /** From the end of the heading line to the start of the next section of the same or higher level (or the end). */
  bodySpan: Span;
  /** Words in the body (for emptiness checks). */
  bodyWords: number;
  /** True when the body holds a list (bullet or ordered) or a table. */
  hasList: boolean;
}

export interface Field {
  /** Canonical field id: `duration`, `impact`, `rootCause`, `start`, `end`, `detected`, `severity`, `date`, `authors`. */
  id: string;
  /** The label as written (`Root Cause`). */
  label: string;
  value: string;
  span: Span;
  valueSpan: Span;
  /** Canonical section the field was found in, if any. */
  section?: string;
}

/** The calendar date and clock time a timestamp was written with, before resolving. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  /** Whether it was written with AM/PM. */
  clock: '12h' | '24h';
}

/** A timestamp as found in the text: what was written and what it resolves to. */
export interface Timestamp {
  raw: string;
  span: Span;
  date?: CivilDate;
  time?: ClockTime;
  /** Zone as written (`UTC`, `EAT`, `+03:00`, `Europe/Paris`). */
  zoneText?: string;
  /** The luxon zone it maps to (`UTC`, `Africa/Nairobi`, `UTC+3`). */
  zone?: string;
  /** ISO 8601 instant with offset, once date, time and zone are known (possibly by default). */
  instant?: string;
  /** The same instant as milliseconds since the epoch, for comparisons. */
  epochMs?: number;
  /** True when no date was written anywhere and a placeholder date stands in: compare, do not display. */
  dateAssumed?: boolean;
  /** True when no zone was written for it, on it or for its section or window. */
  zoneAssumed?: boolean;
  /** Why it cannot be a real time (`25:10: the hour must be 0 to 23`). */
  error?: string;
  /** A month and day written without a year (`January 10`); `date` holds them once a year is known. */
  monthDay?: { month: number; day: number };
  /** A numeric date whose day and month could be either way round (`03/04/2024`). */
  ambiguousDate?: boolean;
  /** `07:7:47`: the other reading of a clock with a stray digit (07:47), for the timeline to choose by its neighbours. */
  slipTime?: ClockTime;
}

export interface IncidentWindow {
  /** Where the window came from: the `duration` field, `start/end` fields, or `prose` in the summary. */
  source: string;
  span: Span;
  start?: Timestamp;
  end?: Timestamp;
  /** The zone the window was written in, if any. */
  zone?: string;
  /** A stated length (`4 hours`), in minutes, and where it was written. */
  statedMinutes?: number;
  statedSpan?: Span;
  /** Why the window could not be read. */
  error?: string;
}

export type Phase = 'started' | 'detected' | 'acknowledged' | 'escalated' | 'mitigated' | 'resolved';

export interface TimelineEntry {
  /** The whole entry (list item, paragraph line or table row). */
  span: Span;
  timestamp: Timestamp;
  /** The entry's text after the timestamp and separator. */
  text: string;
  /** `prose`: a time inside a sentence of a plain paragraph; `code`: a line indented into a code block. */
  form: 'list-item' | 'line' | 'table-row' | 'heading' | 'prose' | 'code';
  /** The phase the entry marks (of several its words name, the latest in the incident's course). */
  phase?: Phase;
  /** Every phase its words name, in the incident's course (`phase` last), when they name more than one. */
  phases?: Phase[];
  /** Whether the date was carried over a midnight from the previous entry. */
  rolledOver?: boolean;
  /** The time was read inside a sentence ("we escalated at 16:00"): a mention, whose order is not checked. */
  inProse?: boolean;
}

export interface PostmortemModel {
  title?: string;
  sections: Section[];
  fields: Field[];
  window?: IncidentWindow;
  /** The timeline section's default zone (`All times in PST`), if stated. */
  timelineZone?: string;
  entries: TimelineEntry[];
  /** No timeline section: the entries are the times the document's prose gives its events. */
  timelineInProse?: boolean;
  /** Words in the document, excluding code, front matter and URLs. */
  wordCount: number;
  /** Front matter key/values when present (flat, strings only). */
  frontMatter?: Record<string, string>;
}
