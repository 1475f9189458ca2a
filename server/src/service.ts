// The language service: documents and settings in, diagnostics, fixes, symbols, lenses, hovers,
// completions and the model out. It only translates; every postmortem decision is made in core/.
// It knows no transport and no file system: server.ts (Node, IPC or stdio) and worker.ts (a web
// worker, for vscode.dev) give it a connection and a host.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Diagnostic,
  type InitializeResult,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from './core/lint';
import type { Finding, PostmortemModel } from './core/model';
import { DEFAULT_INCLUDE, DEFAULT_MAX_DOCUMENT_SIZE, lintOptionsFrom, looksLikePostmortem, matchesPostmortemGlobs, readPhaseWords, readRules, type ConfigFile } from './core/config';
import { LineIndex } from './core/lines';
import { Methods, type DurationParams, type ModelParams, type NewPostmortemParams, type ProfilesParams, type PostmortemSettings, type SetOverrideParams, type StatedLengthEditParams, type ImportTimelineParams } from './protocol';
import { SOURCE, ruleDocUrl, setRuleDocsBase, toDiagnostic } from './features/convert';
import { FIX_ALL_KIND, codeActions } from './features/codeActions';
import { documentSymbols } from './features/symbols';
import { modelResult } from './features/model';
import { codeLenses } from './features/codeLens';
import { hover } from './features/hover';
import { duration, statedLength } from './features/duration';
import { completionItems } from './features/completion';
import { newPostmortem, profileInfos } from './features/newPostmortem';
import { importTimeline } from './features/importTimeline';
import { answersTrigger, suggest } from './core/completions';
import { DEFAULT_PROFILE_ID, type Profile } from './core/profiles';

/** What the service needs from where it runs. */
export interface ServiceHost {
  /** The `.postmortemrc.json` that applies to a document, publishing its problems on it when read. */
  configFor(documentUri: string): ConfigFile | undefined;
  /** Config files may have changed: read them again when next needed. */
  forgetConfigs(): void;
  /** Where rule pages are when the client does not say (`initializationOptions.ruleDocsBaseUri`). */
  ruleDocsBaseUri: string;
}

export function startService(connection: Connection, host: ServiceHost): void {
  const DEBOUNCE_MS = 150;

  const DEFAULT_SETTINGS: PostmortemSettings = {
    profile: DEFAULT_PROFILE_ID,
    rules: {},
    files: { include: DEFAULT_INCLUDE, detectByContent: true },
    maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE,
  };

  const documents = new TextDocuments(TextDocument);

  let canPullConfiguration = false;
  let snippetSupport = false;
  let workspaceFolders: string[] = [];
  const settingsCache = new Map<string, Promise<PostmortemSettings>>();
  const overrides = new Map<string, boolean>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  interface Analysis {
    version: number;
    isPostmortem: boolean;
    profileId: string;
    profile: Profile;
    model?: PostmortemModel;
    findings: Finding[];
    diagnostics: Diagnostic[];
  }
  const analyses = new Map<string, Analysis>();

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    snippetSupport = Boolean(params.capabilities.textDocument?.completion?.completionItem?.snippetSupport);
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (!workspaceFolders.length && params.rootUri) workspaceFolders = [params.rootUri];
    const options = params.initializationOptions as { ruleDocsBaseUri?: unknown } | undefined;
    setRuleDocsBase(typeof options?.ruleDocsBaseUri === 'string' ? options.ruleDocsBaseUri : host.ruleDocsBaseUri);
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
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' });
    }
  });

  // ---- settings and config files ---------------------------------------------------------------

  function mergeSettings(value: Partial<PostmortemSettings> | null | undefined): PostmortemSettings {
    const files: Partial<PostmortemSettings['files']> = value?.files ?? {};
    return {
      profile: typeof value?.profile === 'string' ? value.profile : DEFAULT_SETTINGS.profile,
      rules: readRules(value?.rules).rules,
      files: {
        include: Array.isArray(files.include) ? files.include : DEFAULT_SETTINGS.files.include,
        detectByContent: typeof files.detectByContent === 'boolean' ? files.detectByContent : DEFAULT_SETTINGS.files.detectByContent,
      },
      maxDocumentSize: typeof value?.maxDocumentSize === 'number' ? value.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
      phaseWords: phaseWordsOf(value?.phaseWords),
    };
  }

  /** Phase words from settings, when they have the right shape (VS Code validates them too). */
  function phaseWordsOf(value: unknown): PostmortemSettings['phaseWords'] {
    if (value === undefined || value === null) return undefined;
    const words = readPhaseWords(value);
    return typeof words === 'string' ? undefined : words;
  }

  function settingsFor(uri: string): Promise<PostmortemSettings> {
    if (!canPullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'postmortem' })
        .then(mergeSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /**
   * The path globs are matched against: relative to the workspace folder holding the document, with
   * forward slashes; for a document outside every folder, the path part of its URI.
   */
  function globPath(uri: string): string {
    const folder = workspaceFolders
      .map((root) => root.replace(/\/$/, ''))
      .filter((root) => uri.startsWith(`${root}/`))
      .sort((a, b) => b.length - a.length)[0];
    const path = folder ? uri.slice(folder.length + 1) : uri.replace(/^[a-z][\w+.-]*:(\/\/[^/]*)?/i, '');
    try {
      return decodeURIComponent(path);
    } catch {
      return path;
    }
  }

  // ---- analysis --------------------------------------------------------------------------------

  async function analyse(document: TextDocument): Promise<Analysis> {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const settings = await settingsFor(document.uri);
    const version = document.version;
    const text = document.getText();
    const config = host.configFor(document.uri);
    const include = config?.files?.include ?? settings.files.include;
    const detectByContent = config?.files?.detectByContent ?? settings.files.detectByContent;
    const override = overrides.get(document.uri);
    const isPostmortem =
      override ?? (matchesPostmortemGlobs(globPath(document.uri), include) || (detectByContent && looksLikePostmortem(text)));
    const options = lintOptionsFrom(settings, config);
    const analysis: Analysis = { version, isPostmortem, profileId: options.profile.id, profile: options.profile, findings: [], diagnostics: [] };
    if (isPostmortem) {
      if (text.length > settings.maxDocumentSize) {
        analysis.diagnostics = [tooLarge(text, settings.maxDocumentSize)];
      } else {
        try {
          const result = lint(text, options);
          analysis.model = result.model;
          analysis.findings = result.findings;
          analysis.diagnostics = result.findings.map((finding) => toDiagnostic(document, finding));
        } catch (error) {
          // A bug of ours, not the author's: say so on the document rather than show "no problems".
          connection.console.error(`postmortem: could not lint ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
          analysis.diagnostics = [documentNotice(text, 'internal-error', 'This document could not be checked (an internal error, logged in the Postmortem output channel).')];
        }
      }
    }
    // Settings are awaited above: only keep what was computed for the version still current.
    if (documents.get(document.uri)?.version === version) analyses.set(document.uri, analysis);
    return analysis;
  }

  function tooLarge(text: string, limit: number): Diagnostic {
    return documentNotice(
      text,
      'document-too-large',
      `This document has ${text.length.toLocaleString('en-US')} characters, more than postmortem.maxDocumentSize (${limit.toLocaleString('en-US')}); it is not checked.`,
    );
  }

  /** One information diagnostic on the first line, about the whole document. */
  function documentNotice(text: string, code: string, message: string): Diagnostic {
    const firstLineEnd = new LineIndex(text.slice(0, 10_000)).lineEnd(0);
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineEnd } },
      severity: 3,
      source: SOURCE,
      code,
      codeDescription: { href: ruleDocUrl(code) },
      message,
    };
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const analysis = await analyse(document);
    // Never publish for a version that is no longer the document's: a newer validation follows.
    const current = documents.get(uri);
    if (!current || current.version !== analysis.version) return;
    void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
  }

  function schedule(uri: string, delay = DEBOUNCE_MS): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  function revalidateAll(): void {
    analyses.clear();
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  // Also fired on open: a document seen for the first time is checked at once, edits are debounced.
  documents.onDidChangeContent((event) => schedule(event.document.uri, analyses.has(event.document.uri) ? DEBOUNCE_MS : 0));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    analyses.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    host.forgetConfigs();
    revalidateAll();
  });

  connection.onNotification(Methods.setOverride, (params: SetOverrideParams) => {
    if (params.treatAsPostmortem === null) overrides.delete(params.uri);
    else overrides.set(params.uri, params.treatAsPostmortem);
    analyses.delete(params.uri);
    schedule(params.uri, 0);
  });

  // ---- requests --------------------------------------------------------------------------------

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await analyse(document);
    return analysis.isPostmortem ? codeActions(document, analysis.findings, params) : [];
  });

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await analyse(document);
    return analysis.model ? documentSymbols(document, analysis.model) : [];
  });

  connection.onRequest(Methods.model, async (params: ModelParams) => {
    const document = documents.get(params.uri);
    if (!document) return null;
    const analysis = await analyse(document);
    return modelResult(document, analysis.model, analysis.isPostmortem, analysis.profileId);
  });

  // Duration: CodeLens, hover, the calculator and the stated-length edit (features/codeLens, hover, duration).
  connection.onCodeLens(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeLenses(document, (await analyse(document)).model) : [];
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? hover(document, (await analyse(document)).model, params.position) : null;
  });

  connection.onRequest(Methods.duration, async (params: DurationParams) => {
    const document = params?.uri ? documents.get(params.uri) : undefined;
    return duration(document, document && (await analyse(document)).model, params ?? {});
  });

  connection.onRequest(Methods.importTimeline, async (params: ImportTimelineParams) => {
    const document = params?.uri ? documents.get(params.uri) : undefined;
    if (!document) return { ok: false, error: 'The document is not open.', formats: [] };
    const analysis = await analyse(document);
    if (params.requirePostmortem && !analysis.isPostmortem) return { ok: false, error: 'This file is not treated as a postmortem.', formats: [] };
    return importTimeline(document, analysis.profile, undefined, params);
  });

  connection.onRequest(Methods.statedLengthEdit, async (params: StatedLengthEditParams) => {
    const document = documents.get(params?.uri);
    if (!document) return { ok: false, reason: 'The document is not open.' };
    return statedLength(document, (await analyse(document)).model);
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    // A space typed in prose asks too: answer that from the line alone, without linting the document.
    const lineBefore = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    if (params.context?.triggerCharacter && !answersTrigger(lineBefore, params.context.triggerCharacter)) return [];
    const analysis = await analyse(document);
    if (!analysis.model) return [];
    const suggestions = suggest({ text: document.getText(), model: analysis.model, profile: analysis.profile, offset: document.offsetAt(params.position), now: Date.now() });
    return completionItems(document, suggestions, snippetSupport);
  });

  /** The .postmortemrc.json that applies to new files in a folder, if any. */
  function configForFolder(uri: string | undefined): ConfigFile | undefined {
    return uri ? host.configFor(`${uri.replace(/\/$/, '')}/new-postmortem.md`) : undefined;
  }

  connection.onRequest(Methods.profiles, (params: ProfilesParams) => profileInfos(configForFolder(params?.uri)));

  connection.onRequest(Methods.newPostmortem, (params: NewPostmortemParams) => newPostmortem(params, configForFolder(params.uri)));

  documents.listen(connection);
  connection.listen();
}
