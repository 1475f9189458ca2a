// The VS Code side: starts the bundled language server over IPC, and adds the status bar item and
// commands. It never parses postmortems itself; it asks the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { newPostmortem, type NewPostmortemArgs } from './commands/newPostmortem';
import { registerDurationCommands } from './commands/calculateDuration';
import { Overrides, sendAllOverrides } from './overrides';
import { PostmortemStatusBar } from './statusBar';
import { registerTimelinePreview, type TimelinePreviewApi } from './preview';

/** What `activate` returns: the extension's small public API (used by the extension-host tests). */
export interface PostmortemApi {
  /** Process id of the running language server, if it is running. */
  serverPid(): number | undefined;
  /** The timeline preview panel: what it was last sent and drew. */
  preview: TimelinePreviewApi;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  context.subscriptions.push(output);
  const overrides = new Overrides(context.workspaceState);
  context.subscriptions.push(overrides);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  let defaultHandler: ErrorHandler;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'postmortem' },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: 'postmortem',
    // Crashes: restart like the default handler (up to 4 times in 3 minutes), but report in the
    // output channel only, never in a dialog or notification.
    errorHandler: quietErrorHandler(() => defaultHandler, output),
  };

  const c = new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
  client = c;
  defaultHandler = c.createDefaultErrorHandler(4);

  // Every time the server is (re)started, re-send the per-file overrides it does not remember.
  context.subscriptions.push(
    c.onDidChangeState((e) => {
      if (e.newState === State.Running) void sendAllOverrides(c, overrides, output);
    }),
  );

  const statusBar = new PostmortemStatusBar(c, overrides);
  context.subscriptions.push(statusBar);
  registerCommands(context, c, overrides, output, statusBar);
  context.subscriptions.push(vscode.commands.registerCommand('postmortem.newPostmortem', (args?: NewPostmortemArgs) => newPostmortem(c, args)));
  registerDurationCommands(context, c);
  const preview = registerTimelinePreview(context, c, output);

  try {
    await c.start();
  } catch (e) {
    // Reported in the output channel; the commands stay available (Restart Language Server).
    output.error(`The Postmortem language server could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    serverPid: () => (c.state === State.Running ? c.serverProcess?.pid : undefined) ?? undefined,
    preview,
  };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

function quietErrorHandler(getInner: () => ErrorHandler, output: vscode.LogOutputChannel): ErrorHandler {
  return {
    async error(error, message, count): Promise<ErrorHandlerResult> {
      const result = await getInner().error(error, message, count);
      output.error(`Connection to the Postmortem language server failed: ${error.message}`);
      return { ...result, handled: true };
    },
    async closed(): Promise<CloseHandlerResult> {
      const result = await getInner().closed();
      if (result.action === CloseAction.Restart) {
        output.warn('The Postmortem language server stopped unexpectedly; restarting it.');
      } else {
        output.error(result.message ?? 'The Postmortem language server stopped and will not be restarted. Run "Postmortem: Restart Language Server".');
      }
      return { ...result, handled: true };
    },
  };
}
