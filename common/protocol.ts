// Everything that crosses between client and server beyond standard LSP, defined once for both:
// the typed custom messages, their parameters and results, every command id and the shared
// constants. The client imports this module (and, through it, the settings), never server code;
// the server registers its handlers with the same types. To add a message: its params and result
// types, then one `RequestType`/`NotificationType` in `Requests`/`Notifications`.
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export * from './settings';
import type { Phase } from './settings';

/** The formats `postmortem/importTimeline` reads (the core's ImportFormat; the server checks they agree). */
export type ImportFormat = 'slack' | 'slack-json' | 'pagerduty' | 'alertmanager' | 'syslog' | 'journalctl' | 'kubectl';

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
  importTimeline: 'postmortem.importTimeline',
  checkWorkspace: 'postmortem.checkWorkspace',
  sortIncidents: 'postmortem.incidents.sort',
  refreshIncidents: 'postmortem.incidents.refresh',
} as const;

/** The Incidents view's id (package.json declares it in the Explorer). */
export const INCIDENTS_VIEW = 'postmortem.incidents';

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
  /** The phase the entry marks (of several, the latest in the incident's course). */
  phase?: string;
  /** Every phase the entry marks, in the incident's course, when it marks more than one ("alert fires; on-call paged"). */
  phases?: string[];
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

export type StatedLengthEditResult = { ok: true; version: number; length: string; edit: { range: LineRange; newText: string } } | { ok: false; reason: string };

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

/**
 * Server -> client, after each validation of a document: what the status bar, the editor title
 * button and the preview need, decided by the server (so the client asks nothing per edit).
 */
export interface StatusParams {
  uri: string;
  /**
   * Orders a document's statuses (a client keeps the one with the highest): the client's own version,
   * unless the client's versions went backwards, when it is the server's renumbered one, which still increases.
   */
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

/** `postmortem/checkFiles`: Markdown files of the workspace (listed by the client, honouring files.exclude) to check from disk. */
export interface CheckFilesParams {
  uris: string[];
}

export interface CheckFilesResult {
  /** False where the server cannot read files (the web worker): nothing was checked. */
  supported: boolean;
  checked: number;
  /** How many of them are postmortems (their problems are published unless the file is open). */
  postmortems: number;
  /** URIs that could not be read (gone, not a file, too large to read). */
  unreadable: string[];
}

/** One row of the Incidents view (core/incidents.ts summarizeIncident), for a disk copy or an open document. */
export interface IncidentRow {
  uri: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  title?: string;
  severity?: string;
  length?: FormattedLength;
  detect?: FormattedLength;
  acknowledge?: FormattedLength;
  mitigate?: FormattedLength;
  resolve?: FormattedLength;
  problems: number;
  errors: number;
  /** The row is the open document's live text, not the disk copy. */
  open: boolean;
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
  /** Timeline entries from pasted or file text (Slack, PagerDuty, alerts, logs), as insertions merging them into a document's timeline. */
  importTimeline: new RequestType<ImportTimelineParams, ImportTimelineResult, void>('postmortem/importTimeline'),
  /** Check workspace files from disk and publish their problems (cancellable). */
  checkFiles: new RequestType<CheckFilesParams, CheckFilesResult, void>('postmortem/checkFiles'),
  /** Every postmortem the server knows (checked from disk, or open), summarized. */
  incidents: new RequestType0<IncidentRow[], void>('postmortem/incidents'),
} as const;

/** Notifications, each in the direction its comment says. */
export const Notifications = {
  /** Client -> server: treat a document as a postmortem or not, whatever the globs say (null clears). */
  setOverride: new NotificationType<SetOverrideParams>('postmortem/setOverride'),
  /** Server -> client: a document was validated (see StatusParams). */
  status: new NotificationType<StatusParams>('postmortem/status'),
  /** Server -> client: a postmortem checked from disk changed, appeared or went away (ask `incidents` again). */
  incidentsChanged: new NotificationType0('postmortem/incidentsChanged'),
} as const;
