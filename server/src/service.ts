// The language service: text documents in, LSP types out (diagnostics, code actions, symbols,
// lenses, hovers, completions, the model, durations, profiles). It holds no connection and no file
// system: a host gives it settings, config files and a place to publish, so every feature runs
// in-process in tests (test/unit/features/) exactly as under startServer (server/src/startServer.ts).
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { answersTrigger, suggest } from './core/completions';
import type { ConfigFile } from './core/config';
import type {
  DurationParams,
  DurationResult,
  ModelResult,
  NewPostmortemParams,
  NewPostmortemResult,
  ProfileInfo,
  ProfilesParams,
  SetOverrideParams,
  StatedLengthEditResult,
  StatusParams,
  ImportTimelineParams,
  ImportTimelineResult,
} from '../../common/protocol';
import { analyse, globPath, type Analysis } from './analysis';
import { createSettingsStore, type PullSettings } from './settings';
import { lintInProcess, type LintRunner } from './lintRunner';
import { ConfigProblems, type HostConfig } from './features/diagnostics';
import { ruleDocs } from './features/convert';
import { FIX_ALL_KIND, codeActions } from './features/codeActions';
import { documentSymbols } from './features/symbols';
import { modelResult } from './features/model';
import { codeLenses } from './features/codeLens';
import { hover } from './features/hover';
import { duration, incidentSummary, statedLength } from './features/duration';
import { completionItems } from './features/completion';
import { newPostmortem, profileInfos } from './features/newPostmortem';
import { importTimeline, importRefused } from './features/importTimeline';
import { createWorkspaceFiles, incidentRow, type Cancellation } from './features/workspace';
import type { CheckFilesResult, IncidentRow } from '../../common/protocol';

/** What the service needs from where it runs (Node: server.ts; a web worker: worker.ts; tests). */
export interface ServiceHost {
  /** The `.postmortemrc.json` that applies to a document, if any (none where there is no file system). */
  findConfig(documentUri: string): HostConfig | undefined;
  /** Whether a config file published earlier (by URI) is still there. */
  configExists(configUri: string): boolean;
  /** Config files may have changed: drop what was read. */
  forgetConfigs(): void;
  /** Asks the client for a document's settings; undefined (or none returned): the defaults apply. */
  pullSettings?(): PullSettings | undefined;
  /** Diagnostics the service publishes itself: the config files' problems. */
  publishDiagnostics(params: PublishDiagnosticsParams): void;
  logError(message: string): void;
  /** Runs lints: on Node, worker threads with a deadline (lintPool.ts); else in-process. */
  lint?: LintRunner;
  /** Where rule pages are when the client does not say (`initializationOptions.ruleDocsBaseUri`). */
  ruleDocsBaseUri: string;
  /** A workspace file's text from disk; absent where there is no file system (the web worker). */
  readFile?(uri: string): string | undefined;
  /** The open document of a URI, if any: its live analysis wins over the disk copy. */
  openDocument?(uri: string): TextDocument | undefined;
  /** Every open document (for the Incidents view). */
  openDocuments?(): TextDocument[];
}

export type PostmortemService = ReturnType<typeof createPostmortemService>;

export function createPostmortemService(host: ServiceHost) {
  let workspaceFolders: string[] = [];
  let snippetSupport = false;
  let snippetEditSupport = false;
  let docs = ruleDocs(host.ruleDocsBaseUri);
  let configProblems = new ConfigProblems(host.publishDiagnostics, docs);
  const settings = createSettingsStore(() => host.pullSettings?.());
  const overrides = new Map<string, boolean>();
  /** One analysis per document version, shared by every request about that version (in flight or done). */
  const analyses = new Map<string, { version: number; analysis: Promise<Analysis> }>();

  function configFor(uri: string): ConfigFile | undefined {
    const found = host.findConfig(uri);
    if (found) configProblems.seen(found);
    return found?.config;
  }

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

  function analysisOf(document: TextDocument): Promise<Analysis> {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const { uri, version } = document;
    const analysis = analyseNow(document);
    analyses.set(uri, { version, analysis });
    // A failure is not kept: the next request tries again.
    analysis.catch(() => analyses.get(uri)?.analysis === analysis && analyses.delete(uri));
    return analysis;
  }

  /** The .postmortemrc.json that applies to new files in a folder, if any. */
  function configForFolder(uri: string | undefined): ConfigFile | undefined {
    return uri ? configFor(`${uri.replace(/\/$/, '')}/new-postmortem.md`) : undefined;
  }

  const workspaceFiles = createWorkspaceFiles({
    readFile: (uri) => host.readFile?.(uri),
    analyse: analyseNow,
    isOpen: (uri) => host.openDocument?.(uri) !== undefined,
    publishDiagnostics: host.publishDiagnostics,
  });

  return {
    initialize(params: InitializeParams): InitializeResult {
      snippetSupport = Boolean(params.capabilities.textDocument?.completion?.completionItem?.snippetSupport);
      snippetEditSupport = Boolean((params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport);
      workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
      if (!workspaceFolders.length && params.rootUri) workspaceFolders = [params.rootUri];
      const options = params.initializationOptions as { ruleDocsBaseUri?: unknown } | undefined;
      docs = ruleDocs(typeof options?.ruleDocsBaseUri === 'string' ? options.ruleDocsBaseUri : host.ruleDocsBaseUri);
      configProblems = new ConfigProblems(host.publishDiagnostics, docs);
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
          documentSymbolProvider: true,
          codeLensProvider: { resolveProvider: false },
          hoverProvider: true,
          completionProvider: { triggerCharacters: ['#', ' '] },
        },
        serverInfo: { name: 'postmortem-language-server' },
      };
    },

    /** The analysis of the document's current version (computed once per version). */
    analyse: analysisOf,

    /** What the client shows for a validated version (`postmortem/status`). */
    status(analysis: Analysis): StatusParams {
      const count = (severity: number) => analysis.diagnostics.filter((d) => d.severity === severity).length;
      return {
        uri: analysis.uri,
        version: analysis.version,
        isPostmortem: analysis.isPostmortem,
        override: analysis.override,
        profile: { id: analysis.options.profile.id, name: analysis.options.profile.name },
        problems: { errors: count(1), warnings: count(2), infos: count(3) + count(4) },
        incident: analysis.model && incidentSummary(analysis),
      };
    },

    async codeActions(document: TextDocument, params: CodeActionParams): Promise<CodeAction[]> {
      const analysis = await analysisOf(document);
      return analysis.isPostmortem ? codeActions(document, analysis.findings, params, docs, snippetEditSupport) : [];
    },

    async documentSymbols(document: TextDocument): Promise<DocumentSymbol[]> {
      const analysis = await analysisOf(document);
      return analysis.model ? documentSymbols(document, analysis.model) : [];
    },

    async codeLenses(document: TextDocument): Promise<CodeLens[]> {
      return codeLenses(document, await analysisOf(document));
    },

    async hover(document: TextDocument, position: Position): Promise<Hover | null> {
      return hover(document, await analysisOf(document), position);
    },

    async completions(document: TextDocument, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
      // A space typed in prose asks too: answer that from the line alone, without linting the document.
      const lineBefore = document.getText({ start: { line: position.line, character: 0 }, end: position });
      if (triggerCharacter && !answersTrigger(lineBefore, triggerCharacter)) return [];
      const analysis = await analysisOf(document);
      if (!analysis.model) return [];
      const suggestions = suggest({
        text: document.getText(),
        model: analysis.model,
        profile: analysis.options.profile,
        offset: document.offsetAt(position),
        now: Date.now(),
      });
      return completionItems(document, suggestions, snippetSupport);
    },

    async model(document: TextDocument | undefined): Promise<ModelResult | null> {
      return document ? modelResult(document, await analysisOf(document)) : null;
    },

    async duration(document: TextDocument | undefined, params: DurationParams): Promise<DurationResult> {
      return duration(document, document && (await analysisOf(document)), params ?? {});
    },

    async statedLengthEdit(document: TextDocument | undefined): Promise<StatedLengthEditResult> {
      if (!document) return { ok: false, reason: 'The document is not open.' };
      return statedLength(document, (await analysisOf(document)).model);
    },

    /** Pasted or file text converted and merged into the document's timeline (`postmortem/importTimeline`). */
    async importTimeline(document: TextDocument | undefined, params: ImportTimelineParams): Promise<ImportTimelineResult> {
      if (!document) return importRefused('The document is not open.');
      const analysis = await analysisOf(document);
      if (params?.requirePostmortem && !analysis.isPostmortem) return importRefused('This file is not treated as a postmortem.');
      return importTimeline(document, analysis.options.profile, analysis.options.phaseWords, params);
    },

    profiles(params: ProfilesParams | undefined): ProfileInfo[] {
      return profileInfos(configForFolder(params?.uri));
    },

    /** Throws with a message for the user when the date is not a real date. */
    newPostmortem(params: NewPostmortemParams): NewPostmortemResult {
      return newPostmortem(params, configForFolder(params.uri));
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

    /**
     * Checks workspace files from disk (postmortem.checkWorkspace) and publishes the problems of
     * those that are postmortems and not open. `changed`: the Incidents view should ask again.
     */
    async checkFiles(uris: string[], token?: Cancellation): Promise<CheckFilesResult & { changed: boolean }> {
      if (!host.readFile) return { supported: false, checked: 0, postmortems: 0, unreadable: [], changed: false };
      return workspaceFiles.check(uris, token);
    },

    /** Whether a closed document's problems come from its disk copy (it was listed by a workspace check). */
    tracksFile: (uri: string) => workspaceFiles.tracks(uri),

    /**
     * Watched Markdown files changed on disk: a deleted file's problems go; a changed or new one is
     * read again, once a workspace check has run. Returns whether the Incidents view should ask again.
     */
    async markdownFilesChanged(changes: { uri: string; deleted: boolean }[]): Promise<boolean> {
      let changed = false;
      const again: string[] = [];
      for (const change of changes) {
        if (change.deleted) changed = workspaceFiles.deleted(change.uri) || changed;
        else if (host.readFile && (workspaceFiles.tracks(change.uri) || workspaceFiles.all().length)) again.push(change.uri);
      }
      if (again.length) changed = (await workspaceFiles.check(again)).changed || changed;
      return changed;
    },

    /** Settings or config files changed: every file listed by a workspace check is decided again. */
    async recheckFiles(): Promise<boolean> {
      const uris = workspaceFiles.all();
      return uris.length ? (await workspaceFiles.check(uris)).changed : false;
    },

    /** A document was closed: its disk copy's problems are published again, if it has one. */
    restoreDiskCopy: (uri: string) => workspaceFiles.reopenDiskCopy(uri),

    /** The Incidents view's rows: every postmortem open or checked from disk, the open text winning. */
    async incidents(): Promise<IncidentRow[]> {
      const rows = new Map<string, IncidentRow>();
      for (const analysis of workspaceFiles.diskAnalyses()) {
        if (host.openDocument?.(analysis.uri)) continue;
        const row = incidentRow(analysis, false);
        if (row) rows.set(row.uri, row);
      }
      for (const document of host.openDocuments?.() ?? []) {
        const row = incidentRow(await analysisOf(document), true);
        if (row) rows.set(row.uri, row);
      }
      return [...rows.values()];
    },
  };
}
