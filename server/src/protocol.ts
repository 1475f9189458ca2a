// The shape of everything that crosses between client and server beyond standard LSP:
// settings and custom messages. The client imports this file (types only), never server code.

import type { RuleLevel } from './core/model';
export type { RuleLevel };

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
}

/** Method names of the custom messages. */
export const Methods = {
  /** Request, client -> server: the parsed model of a document. */
  model: 'postmortem/model',
  /** Notification, client -> server: treat a document as a postmortem or not, whatever the globs say (null clears). */
  setOverride: 'postmortem/setOverride',
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
}

export interface ModelResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  profile: string;
  title?: string;
  sections: { title: string; canonical?: string; level: number; range: LineRange }[];
  window?: { start?: string; end?: string; zone?: string; statedMinutes?: number; range: LineRange; error?: string };
  entries: ModelEntry[];
}

export interface SetOverrideParams {
  uri: string;
  treatAsPostmortem: boolean | null;
}
