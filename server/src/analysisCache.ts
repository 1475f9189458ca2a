// The analyses the service answers from: one per document version, shared by every request about
// that version (in flight or done), with what decides them (the settings pulled per document, the
// `.postmortemrc.json` found by the host, the per-file override, the workspace folders) and the
// config files' own problems, published once per text. Dropped when any of those changes.
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigFile } from './core/config';
import type { SetOverrideParams } from '../../common/protocol';
import { analyse, globPath, type Analysis } from './analysis';
import { createSettingsStore, type PullSettings } from './settings';
import { lintInProcess, type LintRunner } from './lintRunner';
import { ConfigProblems, type HostConfig } from './features/diagnostics';
import type { RuleDocs } from './features/convert';

/** What the cache needs from the host. */
export interface AnalysisHost {
  /** The `.postmortemrc.json` that applies to a document, if any (none where there is no file system). */
  findConfig(documentUri: string): HostConfig | undefined;
  /** Whether a config file published earlier (by URI) is still there. */
  configExists(configUri: string): boolean;
  /** Config files may have changed: drop what was read. */
  forgetConfigs(): void;
  /** Asks the client for a document's settings; undefined (or none returned): the defaults apply. */
  pullSettings?(): PullSettings | undefined;
  /** Diagnostics the service publishes itself: the config files' problems, the workspace files'. */
  publishDiagnostics(params: PublishDiagnosticsParams): void;
  /** Reports a bug of ours (a lint that threw). */
  logError(message: string): void;
  /** Runs lints: on Node, worker threads with a deadline (lintPool.ts); else in-process. */
  lint?: LintRunner;
}

export type AnalysisCache = ReturnType<typeof createAnalysisCache>;

export function createAnalysisCache(host: AnalysisHost, initialDocs: RuleDocs) {
  let workspaceFolders: string[] = [];
  let docs = initialDocs;
  let configProblems = new ConfigProblems(host.publishDiagnostics, docs);
  const settings = createSettingsStore(() => host.pullSettings?.());
  const overrides = new Map<string, boolean>();
  const analyses = new Map<string, { version: number; analysis: Promise<Analysis> }>();

  function configFor(uri: string): ConfigFile | undefined {
    const found = host.findConfig(uri);
    if (found) configProblems.seen(found);
    return found?.config;
  }

  /** A fresh analysis, not cached (a disk copy, whose version says nothing). */
  function analyseNow(document: TextDocument): Promise<Analysis> {
    const { uri } = document;
    return settings.get(uri).then((values) =>
      analyse(document, {
        settings: values,
        config: configFor(uri),
        override: overrides.get(uri),
        globPath: globPath(uri, workspaceFolders),
        docs,
        lint: host.lint ?? lintInProcess,
        logError: host.logError,
      }),
    );
  }

  return {
    /** The client said where its folders and rule pages are (initialize). */
    configure(options: { workspaceFolders: string[]; docs: RuleDocs }): void {
      workspaceFolders = options.workspaceFolders;
      docs = options.docs;
      configProblems = new ConfigProblems(host.publishDiagnostics, docs);
    },

    get docs(): RuleDocs {
      return docs;
    },

    /** The analysis of the document's current version (computed once per version). */
    of(document: TextDocument): Promise<Analysis> {
      const cached = analyses.get(document.uri);
      if (cached && cached.version === document.version) return cached.analysis;
      const { uri, version } = document;
      const analysis = analyseNow(document);
      analyses.set(uri, { version, analysis });
      // A failure is not kept: the next request tries again.
      analysis.catch(() => analyses.get(uri)?.analysis === analysis && analyses.delete(uri));
      return analysis;
    },

    fresh: analyseNow,

    /** The .postmortemrc.json that applies to new files in a folder, if any. */
    configForFolder(uri: string | undefined): ConfigFile | undefined {
      return uri ? configFor(`${uri.replace(/\/$/, '')}/new-postmortem.md`) : undefined;
    },

    /** A per-file choice; returns the URI whose analysis it changed. */
    setOverride(params: SetOverrideParams): string {
      if (params.treatAsPostmortem === null) overrides.delete(params.uri);
      else overrides.set(params.uri, params.treatAsPostmortem);
      analyses.delete(params.uri);
      return params.uri;
    },

    /** The client's settings changed: pull them again, analyse everything again. */
    settingsChanged(): void {
      settings.clear();
      analyses.clear();
    },

    /** Config files changed on disk: read them again, and clear the problems of those gone. */
    configFilesChanged(): void {
      configProblems.forget(host.configExists);
      host.forgetConfigs();
      analyses.clear();
    },

    documentClosed(uri: string): void {
      analyses.delete(uri);
      settings.forget(uri);
    },
  };
}
