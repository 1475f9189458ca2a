// The language service in-process, on in-memory documents: what the feature tests drive. A host
// with no file system (config files can be given by URI), settings as given, publications recorded.
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPostmortemService, type PostmortemService } from '../../server/src/service';
import { analyse, type Analysis } from '../../server/src/analysis';
import { lintInProcess, type LintRunner } from '../../server/src/lintRunner';
import { parseConfigFile } from '../../server/src/core/config';
import { normaliseSettings } from '../../server/src/core/settings';
import { ruleDocs } from '../../server/src/features/convert';
import type { HostConfig } from '../../server/src/features/diagnostics';

export const DOCS_BASE = 'file:///docs/rules/';

export interface InProcess {
  service: PostmortemService;
  published: PublishDiagnosticsParams[];
  errors: string[];
  /** The settings the service pulls for every document (undefined: it cannot pull). */
  settings: unknown;
  /** Config files by folder URI (`file:///work`): they apply to documents in that folder and below. */
  configs: Map<string, string>;
  /** The disk, by URI, when the host can read files (`fileSystem: true`). */
  files: Map<string, string>;
  /** The documents the router has open, by URI. */
  open: Map<string, TextDocument>;
}

export function inProcessService(
  options: { settings?: unknown; snippetSupport?: boolean; workspaceFolder?: string; fileSystem?: boolean; lint?: LintRunner; lintConcurrency?: number } = {},
): InProcess {
  const state: InProcess = {
    service: undefined!,
    published: [],
    errors: [],
    settings: options.settings,
    configs: new Map(),
    files: new Map(),
    open: new Map(),
  };
  state.service = createPostmortemService({
    findConfig(uri) {
      const folder = [...state.configs.keys()].filter((f) => uri.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0];
      if (folder === undefined) return undefined;
      const text = state.configs.get(folder)!;
      const found: HostConfig = { uri: `${folder}/.postmortemrc.json`, path: `${folder}/.postmortemrc.json`, text, ...parseConfigFile(text) };
      return found;
    },
    configExists: (uri) => [...state.configs.keys()].some((folder) => `${folder}/.postmortemrc.json` === uri),
    forgetConfigs: () => undefined,
    pullSettings: () => (state.settings === undefined ? undefined : async () => state.settings),
    publishDiagnostics: (params) => state.published.push(params),
    logError: (message) => state.errors.push(message),
    ruleDocsBaseUri: DOCS_BASE,
    readFile: options.fileSystem ? (uri) => state.files.get(uri) : undefined,
    lint: options.lint,
    lintConcurrency: options.lintConcurrency,
    openDocument: (uri) => state.open.get(uri),
    openDocuments: () => [...state.open.values()],
  });
  state.service.initialize({
    processId: null,
    rootUri: null,
    workspaceFolders: options.workspaceFolder ? [{ uri: options.workspaceFolder, name: 'root' }] : null,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: options.snippetSupport ?? false } } } },
  });
  return state;
}

let nextVersion = 1;

/** An in-memory Markdown document (a new version each call). */
export function doc(text: string, uri = 'file:///work/postmortem.md'): TextDocument {
  return TextDocument.create(uri, 'markdown', nextVersion++, text);
}

/** The analysis of a text treated as a postmortem with the default settings. */
export function analysisOf(document: TextDocument): Promise<Analysis> {
  return analyse(document, {
    settings: normaliseSettings(undefined),
    config: undefined,
    override: true,
    globPath: '',
    docs: ruleDocs(DOCS_BASE),
    lint: lintInProcess,
    logError: () => undefined,
  });
}

/**
 * The service behind the same calls a protocol test makes (`open`, `change`, `request(method,
 * params)`), on in-memory documents: feature tests read like the wire, without a process.
 */
export class InProcessClient {
  readonly state: InProcess;
  private readonly documents = new Map<string, TextDocument>();

  constructor(options: Parameters<typeof inProcessService>[0] = {}) {
    this.state = inProcessService(options);
  }

  get service(): PostmortemService {
    return this.state.service;
  }

  open(uri: string, text: string): number {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    return 1;
  }

  document(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The answer the server would give to an LSP or postmortem/* request. */
  async request(method: string, params: any): Promise<unknown> {
    const document = this.documents.get(params?.textDocument?.uri ?? params?.uri);
    const service = this.service;
    switch (method) {
      case 'textDocument/codeLens':
        return document ? service.codeLenses(document) : [];
      case 'textDocument/hover':
        return document ? service.hover(document, params.position) : null;
      case 'textDocument/completion':
        return document ? service.completions(document, params.position, params.context?.triggerCharacter) : [];
      case 'textDocument/documentSymbol':
        return document ? service.documentSymbols(document) : [];
      case 'postmortem/model':
        return service.model(document);
      case 'postmortem/duration':
        return service.duration(params?.uri ? document : undefined, params);
      case 'postmortem/statedLengthEdit':
        return service.statedLengthEdit(document);
      case 'postmortem/profiles':
        return service.profiles(params);
      case 'postmortem/newPostmortem':
        return service.newPostmortem(params);
      default:
        throw new Error(`no such request in the service: ${method}`);
    }
  }
}
