// Everything that crosses between client and server beyond standard LSP, defined once for both:
// the typed custom messages, their parameters and results, every command id and the shared
// constants. The client imports this module (and, through it, the settings), never server code;
// the server registers its handlers with the same types. To add a message: its params and result
// types, then one `RequestType`/`NotificationType` in `Requests`/`Notifications`.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export * from './settings';

/** The configuration section, the diagnostics' `source`, and the fix-all code action kind. */
export const CONFIG_SECTION = 'postmortem';
export const DIAGNOSTIC_SOURCE = 'postmortem';
export const FIX_ALL_KIND = 'source.fixAll.postmortem';

/** Every command id the extension registers (package.json declares the same; a test checks). */
export const Commands = {
  restartServer: 'postmortem.restartServer',
  showOutput: 'postmortem.showOutput',
  fixAll: 'postmortem.fixAll',
  treatAsPostmortem: 'postmortem.treatAsPostmortem',
  stopTreatingAsPostmortem: 'postmortem.stopTreatingAsPostmortem',
  resetPostmortemDetection: 'postmortem.resetPostmortemDetection',
  selectProfile: 'postmortem.selectProfile',
  statusBarMenu: 'postmortem.statusBarMenu',
  openPreviewToSide: 'postmortem.preview.openToSide',
  togglePreviewLock: 'postmortem.preview.toggleLock',
  copyTimelineAsMermaid: 'postmortem.preview.copyMermaid',
  exportTimelineAsSvg: 'postmortem.preview.exportSvg',
  copyTimelineAsMarkdownTable: 'postmortem.preview.copyMarkdownTable',
  /** Put in CodeLenses by the server. */
  calculateDuration: 'postmortem.calculateDuration',
  /** Put in CodeLenses by the server. */
  addStatedLength: 'postmortem.addStatedLength',
  newPostmortem: 'postmortem.newPostmortem',
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
 * Server -> client, after each validation of a document: what the status bar, the editor title
 * button and the preview need, decided by the server (so the client asks nothing per edit).
 */
export interface StatusParams {
  uri: string;
  version: number;
  isPostmortem: boolean;
  /** The per-file choice in force (`postmortem/setOverride`), if any. */
  override?: boolean;
  /** The profile in force and its display name (built-in, or from .postmortemrc.json). */
  profile: { id: string; name: string };
  /** Problems published for this version, by severity. */
  problems: { errors: number; warnings: number; infos: number };
  /** The outage length and summary, when the document is a postmortem. */
  incident?: IncidentSummary;
}

/** Client -> server requests. */
export const Requests = {
  /** The parsed model of a document. */
  model: new RequestType<ModelParams, ModelResult | null, void>('postmortem/model'),
  /** The profiles a new postmortem can follow (built-in and from .postmortemrc.json). */
  profiles: new RequestType<ProfilesParams, ProfileInfo[], void>('postmortem/profiles'),
  /** The text of a new postmortem from a profile's template, and where to start writing. */
  newPostmortem: new RequestType<NewPostmortemParams, NewPostmortemResult, void>('postmortem/newPostmortem'),
  /** The length between two timestamp texts, or between the first and last timestamp of a selection. */
  duration: new RequestType<DurationParams, DurationResult, void>('postmortem/duration'),
  /** The edit that adds the computed length to a Duration line that states none. */
  statedLengthEdit: new RequestType<StatedLengthEditParams, StatedLengthEditResult, void>('postmortem/statedLengthEdit'),
} as const;

/** Notifications, each in the direction its comment says. */
export const Notifications = {
  /** Client -> server: treat a document as a postmortem or not, whatever the globs say (null clears). */
  setOverride: new NotificationType<SetOverrideParams>('postmortem/setOverride'),
  /** Server -> client: a document was validated (see StatusParams). */
  status: new NotificationType<StatusParams>('postmortem/status'),
} as const;
