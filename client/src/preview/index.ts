// Registers the timeline preview: its commands, the panel serializer (restore after a reload) and
// the exports. Returns the small API the extension-host tests and the benchmark read.
import * as vscode from 'vscode';
import { basename } from '../uris';
import type { ModelResult } from '../../../common/protocol';
import type { DocumentStatuses } from '../status';
import { toMarkdownTable, toMermaid, toSvg } from './export';
import { PREVIEW_VIEW_TYPE, type NotOpenMessage, type RenderedMessage, type UpdateMessage } from './messages';
import { TimelinePreview } from './panel';

export interface TimelinePreviewApi {
  /** The last model message posted to the panel, if any. */
  lastUpdate(): UpdateMessage | undefined;
  /** The webview's last report of what it drew. */
  lastRendered(): RenderedMessage | undefined;
  onDidPostUpdate: vscode.Event<UpdateMessage>;
  onDidRender: vscode.Event<RenderedMessage>;
  /** The last time the panel said its document is not open, if it did. */
  lastNotOpen(): NotOpenMessage | undefined;
  onDidPostNotOpen: vscode.Event<NotOpenMessage>;
  /** Feeds a message to the panel's handler, exactly as if the webview had sent it. */
  receive(message: unknown): Promise<void>;
  uri(): vscode.Uri | undefined;
  isLocked(): boolean;
}

export function registerTimelinePreview(context: vscode.ExtensionContext, statuses: DocumentStatuses, output: vscode.LogOutputChannel): TimelinePreviewApi {
  const preview = new TimelinePreview(context.extensionUri, statuses, output);
  context.subscriptions.push(preview);

  /** The document a command is about: its argument, the previewed one, or the active editor's. */
  const sourceUri = (arg: unknown): vscode.Uri | undefined => (arg instanceof vscode.Uri ? arg : (preview.uri ?? vscode.window.activeTextEditor?.document.uri));

  const modelFor = async (uri: vscode.Uri): Promise<ModelResult | undefined> => {
    const model = await statuses.model(uri);
    if (!model?.isPostmortem) {
      void vscode.window.showInformationMessage(`${basename(uri.path)} is not a postmortem the extension knows: open one first.`);
      return undefined;
    }
    if (model.entries.length === 0) {
      void vscode.window.showInformationMessage('This postmortem has no timeline entries yet.');
      return undefined;
    }
    return model;
  };

  /** Copies the timeline, in one of the export formats, to the clipboard; returns the text. */
  const copyTimeline = async (arg: unknown, format: (model: ModelResult) => string, formatName: string): Promise<string | undefined> => {
    const uri = sourceUri(arg);
    const model = uri && (await modelFor(uri));
    if (!model) return undefined;
    const text = format(model);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(`Postmortem: timeline copied as ${formatName}`, 3000);
    return text;
  };

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => preview.revive(panel, state),
    }),
    vscode.commands.registerCommand('postmortem.preview.openToSide', async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage('Open a postmortem first, then open its timeline preview.');
        return;
      }
      await preview.show(uri);
    }),
    vscode.commands.registerCommand('postmortem.preview.toggleLock', () => preview.toggleLock()),
    vscode.commands.registerCommand('postmortem.preview.copyMermaid', (arg?: unknown) => copyTimeline(arg, toMermaid, 'a Mermaid block')),
    vscode.commands.registerCommand('postmortem.preview.copyMarkdownTable', (arg?: unknown) => copyTimeline(arg, toMarkdownTable, 'a Markdown table')),
    /** `destination` (for scripts and tests) skips the save dialog. */
    vscode.commands.registerCommand('postmortem.preview.exportSvg', async (arg?: unknown, options?: { destination?: vscode.Uri }) => {
      const uri = sourceUri(arg);
      const model = uri && (await modelFor(uri));
      if (!uri || !model) return undefined;
      const name = basename(uri.path);
      const destination =
        options?.destination instanceof vscode.Uri
          ? options.destination
          : await vscode.window.showSaveDialog({
              defaultUri: vscode.Uri.joinPath(uri, '..', name.replace(/\.md$/i, '') + '-timeline.svg'),
              filters: { 'SVG image': ['svg'] },
              title: 'Export Timeline as SVG',
            });
      if (!destination) return undefined;
      await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(toSvg(model, name)));
      void vscode.window.setStatusBarMessage(`Postmortem: timeline saved to ${basename(destination.path)}`, 3000);
      return destination;
    }),
  );

  context.subscriptions.push(postmortemContextKey(statuses));

  return {
    lastUpdate: () => preview.lastUpdate,
    lastRendered: () => preview.lastRendered,
    onDidPostUpdate: preview.onDidPostUpdate,
    onDidRender: preview.onDidRender,
    lastNotOpen: () => preview.lastNotOpen,
    onDidPostNotOpen: preview.onDidPostNotOpen,
    receive: (message) => preview.handleMessage(message),
    uri: () => preview.uri,
    isLocked: () => preview.isLocked,
  };
}

/** Context key for the editor title button and keybinding: is the active editor a postmortem? */
export const ACTIVE_EDITOR_IS_POSTMORTEM = 'postmortem.activeEditorIsPostmortem';

function postmortemContextKey(statuses: DocumentStatuses): vscode.Disposable {
  let current: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const value = document?.languageId === 'markdown' && statuses.get(document.uri)?.isPostmortem === true;
    if (value === current) return;
    current = value;
    void vscode.commands.executeCommand('setContext', ACTIVE_EDITOR_IS_POSTMORTEM, value);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    // Overrides and settings change what is a postmortem; the server then pushes a new status.
    statuses.onDidChange((status) => {
      if (status.uri === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
}
