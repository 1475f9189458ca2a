// Importing timelines from where incidents happen: one converter per format (this folder), format
// detection, the style of a document's timeline, rendering entries in that style and merging them
// into the timeline. Pure: text in, entries and edits out; the CLI, server and client only translate.
export type { ConvertOptions, ConvertResult, ImportFormat, ImportedEntry, ImportProblem } from './entry';
export { IMPORT_FORMATS } from './entry';
export { FORMAT_LABELS, convertImport, isImportFormat, type ImportOptions } from './convert';
export { detectFormat } from './detect';
export { slackUserNames } from './slack-json';
export { readTimelineStyle, type TimelineStyle } from './style';
export { renderEntries } from './render';
export { mergeIntoTimeline, type MergeResult, type MergeOptions } from './merge';
export {
  importIntoDocument,
  importStandalone,
  type ImportSource,
  type ImportRequest,
  type ImportOutcome,
  type ImportFailure,
  type StandaloneOutcome,
} from './document';
