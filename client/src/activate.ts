// What the extension does once it has a language client, whatever the client talks to: the
// server process on desktop (extension.ts) or the server in a web worker in the browser
// (browser.ts). It never parses postmortems itself; it asks the server.
import * as vscode from 'vscode';
import {
  CloseAction,
  RevealOutputChannelOn,
  State,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { registerCommands } from './commands';
import { newPostmortem, type NewPostmortemArgs } from './commands/newPostmortem';
import { registerDurationCommands } from './commands/calculateDuration';
import { importTimeline, type ImportTimelineArgs } from './commands/importTimeline';
import { registerTimelinePaste } from './paste';
import { Overrides, sendAllOverrides } from './overrides';
import { PostmortemStatusBar } from './statusBar';
import { DocumentStatuses } from './status';
import { CONFIG_SECTION, Commands } from '../../common/protocol';
import { registerTimelinePreview, type TimelinePreviewApi } from './preview';
import { checkWorkspace, forgetExcludedFiles, MARKDOWN_GLOB, watchedFileFilter } from './workspaceCheck';
import { registerIncidentsView, type IncidentsViewApi } from './incidentsView';

/** What `activate` returns: the extension's small public API (used by the extension-host tests). */
export interface PostmortemApi {
  /** Process id of the running language server, if it runs as a process. */
  serverPid(): number | undefined;
  /** Whether the language server is running (in a process or a web worker). */
  serverRunning(): boolean;
  /** The timeline preview panel: what it was last sent and drew. */
  preview: TimelinePreviewApi;
  /** The Incidents view's data, as it shows it. */
  incidents: IncidentsViewApi;
  /** Milliseconds from activation to the language server running (a figure for benchmarks). */
  activationMs: number;
  /** Whether "Paste as Timeline Entries" is registered (this VS Code has the document paste API). */
  pasteAsTimeline: boolean;
}

export interface ClientFactory {
  /** Which documents the server sees. */
  documentSelector: DocumentSelector;
  create(options: LanguageClientOptions): BaseLanguageClient;
  serverPid?(client: BaseLanguageClient): number | undefined;
}

let client: BaseLanguageClient | undefined;

export async function activateWith(context: vscode.ExtensionContext, factory: ClientFactory): Promise<PostmortemApi> {
  const activatedAt = Date.now();
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  context.subscriptions.push(output);
  const overrides = new Overrides(context.workspaceState);
  context.subscriptions.push(overrides);

  let defaultHandler: ErrorHandler;
  const clientOptions: LanguageClientOptions = {
    documentSelector: factory.documentSelector,
    // `.postmortemrc.json` files: edits to them re-check open documents at once. Markdown files:
    // the workspace check's disk copies follow changes and deletions. Settings are pulled by the
    // server (workspace/configuration), which registers for their changes itself.
    // Markdown files under files.exclude are left out, as the check leaves them out.
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('**/.postmortemrc.json'), vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB)] },
    middleware: { workspace: { didChangeWatchedFile: watchedFileFilter() } },
    // The rule pages ship inside the extension: diagnostics link to them there.
    initializationOptions: { ruleDocsBaseUri: `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/` },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: CONFIG_SECTION,
    // Crashes: restart like the default handler (up to 4 times in 3 minutes), but report in the
    // output channel only, never in a dialog or notification.
    errorHandler: quietErrorHandler(() => defaultHandler, output),
  };

  const c = factory.create(clientOptions);
  client = c;
  defaultHandler = c.createDefaultErrorHandler(4);

  // Every time the server is (re)started, re-send the per-file overrides it does not remember.
  context.subscriptions.push(
    c.onDidChangeState((e) => {
      if (e.newState === State.Running) void sendAllOverrides(c, overrides, output);
    }),
  );

  const statuses = new DocumentStatuses(c);
  const statusBar = new PostmortemStatusBar(statuses);
  context.subscriptions.push(statuses, statusBar);
  registerCommands(context, c, overrides, output, statusBar);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.newPostmortem, (args?: NewPostmortemArgs) => newPostmortem(c, args)));
  registerDurationCommands(context, c);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.importTimeline, (args?: ImportTimelineArgs) => importTimeline(c, args)));
  const pasteAsTimeline = registerTimelinePaste(context, c);
  const preview = registerTimelinePreview(context, statuses, output);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(c, vscode.ProgressLocation.Notification)));
  context.subscriptions.push(forgetExcludedFiles(c));
  const incidents = registerIncidentsView(context, c, statuses);

  try {
    await c.start();
  } catch (e) {
    // Reported in the output channel; the commands stay available (Restart Language Server).
    output.error(`The Postmortem language server could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  const activationMs = Date.now() - activatedAt;
  output.info(`Activated in ${activationMs} ms (language server ${c.state === State.Running ? 'running' : 'not running'}).`);
  return {
    serverPid: () => (c.state === State.Running ? factory.serverPid?.(c) : undefined),
    serverRunning: () => c.state === State.Running,
    preview,
    incidents,
    activationMs,
    pasteAsTimeline,
  };
}

export async function deactivateClient(): Promise<void> {
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
