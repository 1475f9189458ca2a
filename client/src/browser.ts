// The extension in VS Code for the Web (vscode.dev, github.dev): the same features, with the
// language server in a web worker instead of a process.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivateClient, type PostmortemApi } from './activate';

export type { PostmortemApi } from './activate';

// The browser's Worker, typed as the client wants it (the project compiles without the DOM lib).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

export function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const workerUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  return activateWith(context, {
    // Any scheme: the web's workspaces are virtual file systems (vscode-vfs, vscode-test-web ...).
    documentSelector: [{ language: 'markdown' }],
    // The server starts its lint workers from its own script (a blob worker cannot name it).
    create: (options) =>
      new LanguageClient('postmortem', 'Postmortem', new Worker(workerUri.toString(true)), {
        ...options,
        initializationOptions: { ...(options.initializationOptions as object), webWorkerScript: workerUri.toString(true) },
      }),
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
