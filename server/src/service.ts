// The language service: text documents in, LSP types out (diagnostics, code actions, symbols,
// lenses, hovers, completions, the model, durations, profiles). It holds no connection and no file
// system: a host gives it settings, config files and a place to publish, so every feature runs
// in-process in tests (test/unit/features/) exactly as under startServer (server/src/startServer.ts).
import type {
  CodeAction,
  CodeActionParams,
  CodeLens,
  CompletionItem,
  DocumentSymbol,
  Hover,
  InitializeParams,
  InitializeResult,
  Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { answersTrigger, suggest } from './core/completions';
import type {
  DurationParams,
  DurationResult,
  ModelResult,
  NewPostmortemParams,
  NewPostmortemResult,
  ProfileInfo,
  ProfilesParams,
  StatedLengthEditResult,
  ImportTimelineParams,
  ImportTimelineResult,
} from '../../common/protocol';
import { createAnalysisCache, type AnalysisHost } from './analysisCache';
import { clientInfo, initializeResult, type ClientInfo } from './capabilities';
import { ruleDocs } from './features/convert';
import { codeActions } from './features/codeActions';
import { documentSymbols } from './features/symbols';
import { modelResult } from './features/model';
import { codeLenses } from './features/codeLens';
import { hover } from './features/hover';
import { duration, statedLength } from './features/duration';
import { statusOf } from './features/status';
import { completionItems } from './features/completion';
import { newPostmortem, profileInfos } from './features/newPostmortem';
import { importTimeline, importRefused } from './features/importTimeline';
import { createWorkspaceFiles, type WorkspaceHost } from './features/workspace';

/**
 * What the service needs from where it runs (Node: server.ts; a web worker: worker.ts; tests):
 * config files, settings, a place to publish and a lint runner (AnalysisHost), and the workspace's
 * files where there is a file system (WorkspaceHost).
 */
export interface ServiceHost extends AnalysisHost, Pick<WorkspaceHost, 'readFile' | 'openDocument' | 'openDocuments'> {
  /** Where rule pages are when the client does not say (`initializationOptions.ruleDocsBaseUri`). */
  ruleDocsBaseUri: string;
  /** How many workspace files are read and linted at once (Node: the lint workers); 1 when absent. */
  lintConcurrency?: number;
}

export type PostmortemService = ReturnType<typeof createPostmortemService>;

export function createPostmortemService(host: ServiceHost) {
  let client: ClientInfo = { snippetSupport: false, snippetEditSupport: false, workspaceFolders: [] };
  const analyses = createAnalysisCache(host, ruleDocs(host.ruleDocsBaseUri));
  const analysisOf = analyses.of;
  const workspace = createWorkspaceFiles({
    readFile: host.readFile,
    analyseDiskCopy: analyses.fresh,
    analyseOpen: analysisOf,
    openDocument: host.openDocument,
    openDocuments: host.openDocuments,
    publishDiagnostics: host.publishDiagnostics,
    concurrency: host.lintConcurrency,
  });

  return {
    initialize(params: InitializeParams): InitializeResult {
      client = clientInfo(params);
      analyses.configure({ workspaceFolders: client.workspaceFolders, docs: ruleDocs(client.ruleDocsBaseUri ?? host.ruleDocsBaseUri) });
      return initializeResult();
    },

    /** The analysis of the document's current version (computed once per version). */
    analyse: analysisOf,

    /** What the client shows for a validated version (`postmortem/status`). */
    status: statusOf,

    async codeActions(document: TextDocument, params: CodeActionParams): Promise<CodeAction[]> {
      const analysis = await analysisOf(document);
      return analysis.isPostmortem ? codeActions(document, analysis.findings, params, analyses.docs, client.snippetEditSupport) : [];
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
      return completionItems(document, suggestions, client.snippetSupport);
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
      return profileInfos(analyses.configForFolder(params?.uri));
    },

    /** Throws with a message for the user when the date is not a real date. */
    newPostmortem(params: NewPostmortemParams): NewPostmortemResult {
      return newPostmortem(params, analyses.configForFolder(params.uri));
    },

    setOverride: analyses.setOverride,
    settingsChanged: analyses.settingsChanged,
    configFilesChanged: analyses.configFilesChanged,
    documentClosed: analyses.documentClosed,

    ...workspace,
  };
}
