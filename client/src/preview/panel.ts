// The timeline preview panel: one webview beside the editor that follows the active postmortem
// (unless locked), redraws each time the server has validated a new version (its `postmortem/status`),
// and syncs clicks and the cursor both ways. Its data is the server's `postmortem/model`, asked once
// per version through DocumentStatuses; nothing here parses a postmortem.
import * as vscode from 'vscode';
import { basename } from '../uris';
import type { ModelResult } from '../../../common/protocol';
import type { DocumentStatuses } from '../status';
import { previewHtml } from './html';
import {
  parsePreviewState,
  parseWebviewMessage,
  PREVIEW_VIEW_TYPE,
  type NotOpenMessage,
  type RenderedMessage,
  type ToWebviewMessage,
  type UpdateMessage,
} from './messages';

export class TimelinePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private documentUri: vscode.Uri | undefined;
  private locked = false;
  private ready = false;
  private model: ModelResult | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panelDisposables: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<UpdateMessage>();
  private readonly rendered = new vscode.EventEmitter<RenderedMessage>();
  private readonly postedNotOpen = new vscode.EventEmitter<NotOpenMessage>();
  /** Fired after each model message is posted to the webview, and when the webview says it drew one. */
  readonly onDidPostUpdate = this.posted.event;
  readonly onDidRender = this.rendered.event;
  /** Fired after the webview is told the document is not open. */
  readonly onDidPostNotOpen = this.postedNotOpen.event;
  lastUpdate: UpdateMessage | undefined;
  lastRendered: RenderedMessage | undefined;
  lastNotOpen: NotOpenMessage | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly statuses: DocumentStatuses,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.posted,
      this.rendered,
      this.postedNotOpen,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      // The server validated a new version of the previewed document: draw it.
      statuses.onDidChange((status) => {
        if (this.panel && status.uri === this.documentUri?.toString()) void this.refresh();
      }),
      // Opening the document gives the server its model; closing it takes the model away.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.panel && document.uri.toString() === this.documentUri?.toString()) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.panel && document.uri.toString() === this.documentUri?.toString()) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.panel && e.affectsConfiguration('postmortem')) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && this.ready && e.textEditor.document.uri.toString() === this.documentUri?.toString()) {
          this.post({ type: 'highlight', line: e.selections[0].active.line });
        }
      }),
    );
  }

  /** The document the panel shows. */
  get uri(): vscode.Uri | undefined {
    return this.documentUri;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /** Opens (or reveals) the panel beside the editor, showing `uri`. */
  async show(uri: vscode.Uri): Promise<void> {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        'Timeline',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      );
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.setDocument(uri);
  }

  /** Brings back a panel VS Code restored after a reload (the serializer). */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePreviewState(state);
    if (this.panel) {
      // One preview at a time: a second restored panel is closed rather than left empty.
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    this.locked = saved?.locked ?? false;
    const uri = saved ? vscode.Uri.parse(saved.uri) : vscode.window.activeTextEditor?.document.uri;
    if (uri) await this.setDocument(uri);
  }

  toggleLock(): void {
    this.locked = !this.locked;
    this.updateTitle();
    if (this.model) void this.refresh();
    // Unlocking follows the active editor again at once, like the Markdown preview.
    if (!this.locked) this.followEditor(vscode.window.activeTextEditor);
  }

  /** Reveals and selects entry `index` of the current model in the editor (a click in the panel). */
  async revealEntry(index: number, version: number): Promise<boolean> {
    const model = this.model;
    const uri = this.documentUri;
    if (!model || !uri || version !== model.version || index >= model.entries.length) return false;
    const document = await vscode.workspace.openTextDocument(uri);
    // The entry's lines, clamped: the text may have changed under a stale click.
    const { start, end } = model.entries[index].range;
    const startLine = Math.min(start.line, document.lineCount - 1);
    const endLine = Math.min(Math.max(end.line, startLine), document.lineCount - 1);
    const selection = new vscode.Selection(startLine, 0, endLine, document.lineAt(endLine).text.length);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  /** Handles a message from the webview; anything malformed or unexpected is ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.output.warn('Timeline preview: ignored a malformed message from the webview.');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.model) this.postModel(this.model);
        else void this.refresh();
        break;
      case 'reveal':
        await this.revealEntry(message.entry, message.version);
        break;
      case 'rendered':
        this.lastRendered = message;
        this.rendered.fire(message);
        break;
      case 'openDocument':
        await this.openDocument();
        break;
    }
  }

  /** Opens the previewed document in an editor beside the panel (the not-open state's button). */
  private async openDocument(): Promise<void> {
    const uri = this.documentUri;
    if (!uri) return;
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    try {
      await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false });
    } catch (e) {
      void vscode.window.showErrorMessage(`Timeline preview: cannot open ${basename(uri.path)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Asks the server for the model of the document's current version (once per version). */
  async refresh(): Promise<void> {
    const uri = this.documentUri;
    if (!uri || !this.panel) return;
    let model: ModelResult | null;
    try {
      model = await this.statuses.model(uri);
    } catch (e) {
      this.output.warn(`Timeline preview: the model request failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (uri.toString() !== this.documentUri?.toString()) return; // switched meanwhile
    if (!model) {
      // The server has no such document: it is not open. Say so; opening it asks again (no polling).
      this.model = undefined;
      this.postNotOpen(uri);
      return;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // An answer for an older version: the change that made the newer one has scheduled a refresh.
    if (document && model.version < document.version) return;
    this.model = model;
    this.postModel(model);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview');
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
    });
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((message) => this.handleMessage(message)),
      panel.onDidChangeViewState((e) => {
        // A hidden webview is torn down (retainContextWhenHidden is off); it says `ready` again when shown.
        if (!e.webviewPanel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.model = undefined;
        this.documentUri = undefined;
        this.locked = false;
        this.ready = false;
        clearTimeout(this.timer);
        for (const d of this.panelDisposables.splice(0)) d.dispose();
      }),
    );
  }

  private async setDocument(uri: vscode.Uri): Promise<void> {
    if (uri.toString() !== this.documentUri?.toString()) this.model = undefined;
    this.documentUri = uri;
    this.updateTitle();
    await this.refresh();
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || this.locked || !editor || editor.document.languageId !== 'markdown') return;
    if (editor.document.uri.toString() === this.documentUri?.toString()) return;
    void this.followIfPostmortem(editor.document.uri);
  }

  /** Follows a newly active Markdown editor only when the server says it is a postmortem. */
  private async followIfPostmortem(uri: vscode.Uri): Promise<void> {
    try {
      const known = this.statuses.get(uri);
      const isPostmortem = known ? known.isPostmortem : (await this.statuses.model(uri))?.isPostmortem;
      if (isPostmortem && !this.locked && vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) await this.setDocument(uri);
    } catch (e) {
      this.output.warn(`Timeline preview: could not ask about ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 0);
  }

  private updateTitle(): void {
    if (!this.panel || !this.documentUri) return;
    const name = basename(this.documentUri.path);
    this.panel.title = this.locked ? `[Locked] Timeline: ${name}` : `Timeline: ${name}`;
  }

  private postModel(model: ModelResult): void {
    if (!this.panel || !this.ready || !this.documentUri) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === model.uri);
    const message: UpdateMessage = {
      type: 'update',
      fileName: basename(this.documentUri.path),
      locked: this.locked,
      model,
      cursorLine: editor?.selection.active.line,
    };
    this.post(message);
    this.lastUpdate = message;
    this.posted.fire(message);
  }

  private postNotOpen(uri: vscode.Uri): void {
    if (!this.panel || !this.ready) return;
    const message: NotOpenMessage = { type: 'notOpen', uri: uri.toString(), fileName: basename(uri.path), locked: this.locked };
    this.post(message);
    this.lastNotOpen = message;
    this.postedNotOpen.fire(message);
  }

  private post(message: ToWebviewMessage): void {
    void this.panel?.webview.postMessage(message);
  }
}
