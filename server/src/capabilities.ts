// The initialize handshake: what the server offers (its capabilities), and what it keeps of what
// the client says it supports and where it works (snippets, workspace folders, rule pages).
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './features/codeActions';

export interface ClientInfo {
  /** Completion items may be snippets. */
  snippetSupport: boolean;
  /** Workspace edits may carry snippet edits (a code action that leaves the cursor in a placeholder). */
  snippetEditSupport: boolean;
  /** The workspace folders' URIs (the root URI when the client names no folder). */
  workspaceFolders: string[];
  /** `initializationOptions.ruleDocsBaseUri`, when the client says where rule pages are. */
  ruleDocsBaseUri?: string;
}

export function clientInfo(params: InitializeParams): ClientInfo {
  const folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  const options = params.initializationOptions as { ruleDocsBaseUri?: unknown } | undefined;
  return {
    snippetSupport: Boolean(params.capabilities.textDocument?.completion?.completionItem?.snippetSupport),
    snippetEditSupport: Boolean((params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport),
    workspaceFolders: !folders.length && params.rootUri ? [params.rootUri] : folders,
    ...(typeof options?.ruleDocsBaseUri === 'string' ? { ruleDocsBaseUri: options.ruleDocsBaseUri } : {}),
  };
}

/** What the server offers (a fresh object each time: the router may hand it on). */
export function initializeResult(): InitializeResult {
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
}
