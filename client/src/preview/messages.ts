// The messages between the extension and the timeline preview's webview, typed once for both
// sides. Everything coming from the webview is checked here before the extension acts on it.
import type { ModelResult } from '../../../common/protocol';

export const PREVIEW_VIEW_TYPE = 'postmortem.timelinePreview';

/** Extension -> webview: the model to draw. */
export interface UpdateMessage {
  type: 'update';
  /** The document's file name, for the empty state and labels. */
  fileName: string;
  locked: boolean;
  model: ModelResult;
  /** The editor's cursor line, to highlight the matching entry. */
  cursorLine?: number;
}

/** Extension -> webview: the cursor moved in the editor. */
export interface HighlightMessage {
  type: 'highlight';
  line: number;
}

/**
 * Extension -> webview: the document is not open, so the server has no model of it (a panel
 * restored after a reload, or its file closed). The panel asks again when the document opens.
 */
export interface NotOpenMessage {
  type: 'notOpen';
  uri: string;
  fileName: string;
  locked: boolean;
}

export type ToWebviewMessage = UpdateMessage | HighlightMessage | NotOpenMessage;

/** Webview -> extension: the script is listening. */
export interface ReadyMessage {
  type: 'ready';
}

/** Webview -> extension: the user chose an entry (click, Enter); reveal and select it in the editor. */
export interface RevealMessage {
  type: 'reveal';
  /** Model version the index refers to. */
  version: number;
  entry: number;
}

/** Webview -> extension: a model was drawn (for tests and the benchmark). */
export interface RenderedMessage {
  type: 'rendered';
  /** The document drawn: versions alone do not tell two documents apart. */
  uri: string;
  version: number;
  /** Entry elements in the drawing, and how many of them are placed on the axis. */
  entries: number;
  placed: number;
}

/** Webview -> extension: the user asked to open the document the panel is waiting for. */
export interface OpenDocumentMessage {
  type: 'openDocument';
}

export type FromWebviewMessage = ReadyMessage | RevealMessage | RenderedMessage | OpenDocumentMessage;

/** What the webview keeps across reloads (`vscode.setState`), read back by the panel serializer. */
export interface PreviewState {
  uri: string;
  locked: boolean;
  scrollY?: number;
}

const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The message if it is one the webview may send, well-formed; otherwise undefined. */
export function parseWebviewMessage(value: unknown): FromWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openDocument':
      return { type: 'openDocument' };
    case 'reveal':
      return isIndex(m.version) && isIndex(m.entry) ? { type: 'reveal', version: m.version, entry: m.entry } : undefined;
    case 'rendered':
      return typeof m.uri === 'string' && isIndex(m.version) && isIndex(m.entries) && isIndex(m.placed)
        ? { type: 'rendered', uri: m.uri, version: m.version, entries: m.entries, placed: m.placed }
        : undefined;
    default:
      return undefined;
  }
}

/** The saved state if it has the expected shape (it comes back from a previous session). */
export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (typeof s.uri !== 'string' || s.uri.length === 0) return undefined;
  return { uri: s.uri, locked: s.locked === true, scrollY: typeof s.scrollY === 'number' && s.scrollY >= 0 ? s.scrollY : undefined };
}
