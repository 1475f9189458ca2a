// When diagnostics are computed and published: a document opened, or edited after a pause, at
// once (a keystroke is answered within about one lint time); edits that come while a check is
// under way after a short debounce derived from how long the document takes to lint (so a burst
// of typing is one publication); never a version that is no longer the document's, and never the
// same version twice. And the config files' own problems, once per text.
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FoundConfig } from '../core/config';
import type { Analysis } from '../analysis';
import { toDiagnostic, type RuleDocs } from './convert';

/** The debounce is half the last lint time of the document, within these bounds (milliseconds). */
export const MIN_DEBOUNCE_MS = 5;
export const MAX_DEBOUNCE_MS = 150;

export function debounceFor(lintMs: number): number {
  return Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, Math.round(lintMs / 2)));
}

export interface SchedulerHost {
  /** The document as it is now (undefined once closed). */
  document(uri: string): TextDocument | undefined;
  analyse(document: TextDocument): Promise<Analysis>;
  /** Called with each analysis that is still current: publish its diagnostics (and status). */
  publish(analysis: Analysis): void;
}

export interface DiagnosticsScheduler {
  /** The document was opened (`first`) or edited. */
  changed(uri: string, first: boolean): void;
  /** Check these documents again at once (settings or config files changed). */
  revalidate(uris: string[]): void;
  closed(uri: string): void;
  dispose(): void;
}

export function createDiagnosticsScheduler(host: SchedulerHost): DiagnosticsScheduler {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastLintMs = new Map<string, number>();
  /** Checks under way per document. */
  const inFlight = new Map<string, number>();
  /** The version last published per document. */
  const published = new Map<string, number>();

  async function validate(uri: string): Promise<void> {
    const document = host.document(uri);
    if (!document) return;
    inFlight.set(uri, (inFlight.get(uri) ?? 0) + 1);
    let analysis: Analysis;
    try {
      analysis = await host.analyse(document);
    } finally {
      inFlight.set(uri, inFlight.get(uri)! - 1);
    }
    lastLintMs.set(uri, analysis.lintMs);
    // Never publish for a version that is no longer the document's: a newer validation follows.
    if (host.document(uri)?.version !== analysis.version || published.get(uri) === analysis.version) return;
    published.set(uri, analysis.version);
    host.publish(analysis);
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  return {
    changed(uri, first) {
      const busy = timers.has(uri) || (inFlight.get(uri) ?? 0) > 0;
      schedule(uri, first || !busy ? 0 : debounceFor(lastLintMs.get(uri) ?? MAX_DEBOUNCE_MS));
    },
    revalidate(uris) {
      for (const uri of uris) {
        published.delete(uri);
        schedule(uri, 0);
      }
    },
    closed(uri) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      lastLintMs.delete(uri);
      published.delete(uri);
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** A config file as the host found it, with the URI its problems are published on. */
export interface HostConfig extends FoundConfig {
  uri: string;
}

/**
 * Config files' problems go on the config file itself, once per version of its text; a file that
 * is gone takes its problems with it.
 */
export class ConfigProblems {
  /** The text each config file's problems were last published for, by URI. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly publish: (params: PublishDiagnosticsParams) => void,
    private readonly docs: RuleDocs,
  ) {}

  seen(found: HostConfig): void {
    if (this.published.get(found.uri) === found.text) return;
    this.published.set(found.uri, found.text);
    const document = TextDocument.create(found.uri, 'json', 0, found.text);
    this.publish({ uri: found.uri, diagnostics: found.findings.map((finding) => toDiagnostic(document, finding, this.docs)) });
  }

  /** Config files may have changed: clear the problems of those no longer there, and read all again. */
  forget(exists: (uri: string) => boolean): void {
    for (const uri of this.published.keys()) if (!exists(uri)) this.publish({ uri, diagnostics: [] });
    this.published.clear();
  }
}
