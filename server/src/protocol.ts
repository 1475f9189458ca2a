// The shape of everything that crosses between client and server beyond standard LSP:
// settings, custom messages, their method names and command ids. The client imports this file
// (its types and the `Methods`/`Commands` constants, which have no dependencies), never other server code.

import type { Phase, RuleLevel } from './core/model';
import type { ImportFormat } from './core/import/entry';
export type { Phase, RuleLevel, ImportFormat };

/** The `postmortem` configuration section, as the client's settings and the server read it. */
export interface PostmortemSettings {
  /** Profile id: `alx`, `google-sre`, `pagerduty`, `atlassian`, or a custom profile's id. */
  profile: string;
  /** Per-rule severity overrides. */
  rules: Record<string, RuleLevel>;
  files: {
    /** Globs (matched against the workspace-relative path) of Markdown files that are postmortems. */
    include: string[];
    /** Also treat a file as a postmortem when its first heading or front matter says so. */
    detectByContent: boolean;
  };
  /** Documents larger than this many characters get one information diagnostic instead of a lint. */
  maxDocumentSize: number;
  /** Extra words that mark timeline phases, per phase (`{ "mitigated": ["failed over"] }`). */
  phaseWords?: Partial<Record<Phase, string[]>>;
}

/** Method names of the custom messages. */
export const Methods = {
  /** Request, client -> server: the parsed model of a document. */
  model: 'postmortem/model',
  /** Request, client -> server: the profiles a new postmortem can follow (built-in and from .postmortemrc.json). */
  profiles: 'postmortem/profiles',
  /** Request, client -> server: the text of a new postmortem from a profile's template, and where to start writing. */
  newPostmortem: 'postmortem/newPostmortem',
  /** Notification, client -> server: treat a document as a postmortem or not, whatever the globs say (null clears). */
  setOverride: 'postmortem/setOverride',
  /** Request, client -> server: the length between two timestamp texts, or between the first and last timestamp of a selection. */
  duration: 'postmortem/duration',
  /** Request, client -> server: the edit that adds the computed length to a Duration line that states none. */
  statedLengthEdit: 'postmortem/statedLengthEdit',
  /** Request, client -> server: timeline entries from pasted or file text (Slack, PagerDuty, alerts, logs), as edits merging them into a document's timeline. */
  importTimeline: 'postmortem/importTimeline',
} as const;

export interface ModelParams {
  uri: string;
}

export interface LineRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ModelEntry {
  range: LineRange;
  timestampRange: LineRange;
  raw: string;
  /** ISO 8601 with offset, when the timestamp resolves to an instant. */
  instant?: string;
  error?: string;
  text: string;
  phase?: string;
  /** `instant` as milliseconds since the epoch, for placing the entry on a time axis. */
  epochMs?: number;
  /** No date was written anywhere: show the clock time only. */
  dateAssumed?: boolean;
  /** The entry's date as the document has it (`2024-04-10`); absent when none was written. */
  dateText?: string;
  /** Earlier than the timed entry just above it (exactly what timestamp-order flags): marked, not placed on the axis. */
  outOfOrder?: boolean;
  /** For an entry placed on the axis: time since the timed entry just above it (the one timestamp-order compares with). */
  sincePrevious?: FormattedLength;
}

/** A length of time, with its text from the core's one length formatter (`2 h 10 min`). */
export interface FormattedLength {
  minutes: number;
  text: string;
}

/** The first entry that marks a phase (detected, mitigated ...), in time order. */
export interface ModelPhase {
  phase: string;
  /** Index into `entries`. */
  entry: number;
  /** Time since the previous phase marker. */
  sincePreviousPhase?: { phase: string; length: FormattedLength };
}

/** Time to detect, acknowledge, mitigate, resolve: from the incident start to the phase's first entry. */
export interface ModelMetric {
  id: 'detect' | 'acknowledge' | 'mitigate' | 'resolve';
  label: string;
  length: FormattedLength;
  /** Index into `entries` of the entry the metric ends at. */
  entry: number;
}

export interface ModelResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  profile: string;
  title?: string;
  sections: { title: string; canonical?: string; level: number; range: LineRange }[];
  window?: {
    start?: string;
    end?: string;
    zone?: string;
    statedMinutes?: number;
    range: LineRange;
    error?: string;
    startEpochMs?: number;
    endEpochMs?: number;
    /** Start and end as people read them (`2024-03-14 09:10 UTC`, `2024-03-14 12:10 UTC+03:00`). */
    startText?: string;
    endText?: string;
    /** End minus start. */
    length?: FormattedLength;
  };
  entries: ModelEntry[];
  /** Phase markers, in time order. */
  phases?: ModelPhase[];
  /** From the incident start (the window's start, else the first entry) to each phase. */
  metrics?: ModelMetric[];
  /** The outage length and the one-line summary the CodeLens and status bar show (core/metrics.ts). */
  incident?: IncidentSummary;
}

export interface IncidentSummary {
  /** Window end minus start, else the length stated in the Duration line. */
  total?: FormattedLength & { from: 'window' | 'stated' };
  /** `4 h · detected after 0 min · resolved after 4 h`: parts only where known. */
  summary?: string;
  /** `summary` escaped for Markdown (a tooltip), the same escaping as the hover. */
  summaryMarkdown?: string;
  /** The document's zone (luxon name) and the date its window starts on (`2024-04-10`): the calculator's defaults. */
  zone?: string;
  date?: string;
}

/** Command ids the server puts in CodeLenses; the client registers them. */
export const Commands = {
  calculateDuration: 'postmortem.calculateDuration',
  addStatedLength: 'postmortem.addStatedLength',
} as const;

/** Arguments of `postmortem.calculateDuration` (all optional: without them it asks). */
export interface CalculateDurationArgs {
  uri?: string;
  start?: string;
  end?: string;
}

/**
 * `postmortem/duration`: either `start` and `end` texts, or a `range` of the document whose first
 * and last timestamps are measured. `zone` and `date` default to the document's (when `uri` is a
 * postmortem), else UTC and no date.
 */
export interface DurationParams {
  uri?: string;
  range?: LineRange;
  start?: string;
  end?: string;
  zone?: string;
  date?: string;
}

export interface DurationEnd {
  raw: string;
  /** ISO 8601 in the end's own zone, and in UTC. */
  instant: string;
  utc: string;
  /** `utc` as shown to people: `2024-04-10 09:00 UTC` (no date when it was made up). */
  utcText: string;
  zone: string;
  zoneAssumed: boolean;
  dateAssumed: boolean;
}

export type DurationResult = (
  | { ok: true; minutes: number; text: string; start: DurationEnd; end: DurationEnd; notes: string[] }
  | { ok: false; part: 'start' | 'end' | 'zone' | 'date' | 'selection'; error: string; start?: DurationEnd }
) & {
  /** The zone and date used for ends written without them. */
  defaults: { zone?: string; date?: string };
};

export interface StatedLengthEditParams {
  uri: string;
}

export type StatedLengthEditResult =
  | { ok: true; version: number; length: string; edit: { range: LineRange; newText: string } }
  | { ok: false; reason: string };

export interface SetOverrideParams {
  uri: string;
  treatAsPostmortem: boolean | null;
}

/** Params of `postmortem/profiles`: the folder the new postmortem goes in (its .postmortemrc.json counts). */
export interface ProfilesParams {
  uri?: string;
}

export interface ProfileInfo {
  id: string;
  name: string;
  description: string;
}

export interface NewPostmortemParams {
  /** Where the file will be (for .postmortemrc.json custom profiles); none for an untitled document. */
  uri?: string;
  profile: string;
  title: string;
  /** The incident date, `YYYY-MM-DD`. */
  date: string;
}

export interface NewPostmortemResult {
  text: string;
  /** The first thing left to write: its sample, to select so that typing replaces it. */
  selection: LineRange;
  /** `YYYY-MM-DD-<slug>`: the file name without `.md`. */
  fileStem: string;
}

/**
 * `postmortem/importTimeline`: `text` converted (its format detected unless given) and merged into
 * the timeline of the open document `uri`, in the timeline's style. `date` (`YYYY-MM-DD`) and `zone`
 * are for times written without them; they default to the document's.
 */
export interface ImportTimelineParams {
  uri: string;
  text: string;
  format?: ImportFormat;
  date?: string;
  zone?: string;
  /** Answer a failure for a document not treated as a postmortem (a paste elsewhere stays a plain paste). */
  requirePostmortem?: boolean;
}

export interface ImportFormatInfo {
  id: ImportFormat;
  label: string;
}

export interface ImportedEntryInfo {
  /** The time as it is written into the timeline (`11:22 AM EAT`). */
  time: string;
  text: string;
  phase?: Phase;
}

export type ImportTimelineResult = (
  | {
      ok: true;
      /** The document version the edits apply to. */
      version: number;
      format: ImportFormat;
      /** Insertions only, in document order: nothing already in the document is changed. */
      edits: { range: LineRange; newText: string }[];
      added: ImportedEntryInfo[];
      /** Entries left out because the timeline has them already. */
      duplicates: number;
      /** The added entries as Markdown lines, as they are written. */
      preview: string;
      createdSection: boolean;
    }
  | {
      ok: false;
      /** What could not be read, naming the line or field. */
      error: string;
      format?: ImportFormat;
      /** The input needs a date or zone the document does not give: ask, then send it. */
      missing?: 'date' | 'zone';
    }
) & {
  /** Every format the server reads, for a picker. */
  formats: ImportFormatInfo[];
};
