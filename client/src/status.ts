// The one source of what the server decided about each document: the `postmortem/status`
// notification it pushes after every validation (is it a postmortem, its profile, problem counts,
// the outage length), and the model of a version, asked for at most once per version. The status
// bar, the editor title button and the timeline preview all read from here; none asks per edit.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Notifications, Requests, type ModelResult, type StatusParams } from '../../common/protocol';

export class DocumentStatuses implements vscode.Disposable {
  private readonly statuses = new Map<string, StatusParams>();
  private readonly models = new Map<string, { version: number; model: Promise<ModelResult | null> }>();
  private readonly changed = new vscode.EventEmitter<StatusParams>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fired with each status the server pushes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      client.onNotification(Notifications.status, (status) => {
        const known = this.statuses.get(status.uri);
        if (known && known.version > status.version) return;
        this.statuses.set(status.uri, status);
        this.changed.fire(status);
      }),
      // A restarted server validates every open document again and says so.
      client.onDidChangeState((e) => {
        if (e.newState !== State.Running) this.clear();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.statuses.delete(document.uri.toString());
        this.models.delete(document.uri.toString());
      }),
    );
  }

  /** The server's last word on a document, if it has validated it. */
  get(uri: vscode.Uri | string): StatusParams | undefined {
    return this.statuses.get(uri.toString());
  }

  /**
   * The model of the document's current version: one request per version however many ask. Null
   * when the server does not have the document open.
   */
  model(uri: vscode.Uri): Promise<ModelResult | null> {
    const key = uri.toString();
    const version = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.version ?? -1;
    const cached = this.models.get(key);
    if (cached && cached.version === version && version !== -1) return cached.model;
    const model = Promise.resolve(this.client.sendRequest(Requests.model, { uri: key }));
    this.models.set(key, { version, model });
    model.catch(() => this.models.get(key)?.model === model && this.models.delete(key));
    return model;
  }

  private clear(): void {
    this.statuses.clear();
    this.models.clear();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
