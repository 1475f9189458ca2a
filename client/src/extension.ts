// The desktop extension: the language server runs as a Node process, over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivateClient, type PostmortemApi } from './activate';

export type { PostmortemApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return activateWith(context, {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    create: (options) => new LanguageClient('postmortem', 'Postmortem', serverOptions, options),
    serverPid: (client) => (client as LanguageClient).serverProcess?.pid,
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
