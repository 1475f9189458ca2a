// Status bar item for the active Markdown file when it is treated as a postmortem: profile name,
// problem count and the outage length. Clicking it opens the Postmortem quick pick (postmortem.statusBarMenu).
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Methods, type ModelParams, type ModelResult, type ProfileInfo } from '../../server/src/protocol';
import type { Overrides } from './overrides';
import { profilesFor } from './profileList';

export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

export class PostmortemStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** The last model answer for the active document, if it was a postmortem. */
  private lastModel: ModelResult | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly overrides: Overrides,
  ) {
    this.item = vscode.window.createStatusBarItem('postmortem.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Postmortem';
    this.item.command = 'postmortem.statusBarMenu';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(50);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem')) this.schedule(200);
      }),
      overrides.onDidChange(() => this.schedule(100)),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.schedule(0);
        else this.item.hide();
      }),
    );
    this.schedule(0);
  }

  /** The model of the active document, as last reported by the server (undefined when not a postmortem). */
  get model(): ModelResult | undefined {
    return this.lastModel;
  }

  schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown' || this.client.state !== State.Running) {
      this.lastModel = undefined;
      this.item.hide();
      return;
    }
    const uri = editor.document.uri;
    let model: ModelResult | undefined;
    let profiles: ProfileInfo[] = [];
    try {
      const params: ModelParams = { uri: uri.toString() };
      [model, profiles] = await Promise.all([this.client.sendRequest<ModelResult>(Methods.model, params), profilesFor(this.client, uri)]);
    } catch {
      model = undefined; // server not ready or the request is not supported (yet): fall through
    }
    if (generation !== this.generation) return; // a newer refresh is on its way
    const override = this.overrides.get(uri);
    const diagnostics = postmortemDiagnostics(uri);
    const isPostmortem = model ? model.isPostmortem : override === true || diagnostics.length > 0;
    this.lastModel = isPostmortem ? model : undefined;
    if (!isPostmortem) {
      if (override === false) {
        this.item.text = '$(circle-slash) Postmortem: off';
        this.item.tooltip = 'This file is not treated as a postmortem (your choice). Click for options.';
        this.item.show();
      } else {
        this.item.hide();
      }
      return;
    }
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const others = diagnostics.length - errors;
    // The profile's name as the server knows it (built-in or from .postmortemrc.json), else its id.
    const profileId = model?.profile ?? vscode.workspace.getConfiguration('postmortem', uri).get<string>('profile') ?? '';
    const profile = profiles.find((p) => p.id === profileId)?.name ?? profileId;
    // The outage length, computed by the server (postmortem/model `incident`).
    const total = model?.incident?.total;
    const length = total ? ` $(clock) ${total.text}` : '';
    this.item.text = (diagnostics.length === 0 ? `$(pass) ${profile}` : `$(checklist) ${profile} $(error) ${errors} $(warning) ${others}`) + length;
    const outage = model?.incident?.summaryMarkdown ? `\n\nOutage: ${model.incident.summaryMarkdown}` : '';
    const tip = new vscode.MarkdownString(
      `**Postmortem** — profile *${profile}*\n\n` +
        (diagnostics.length === 0 ? 'No problems found.' : `${diagnostics.length} problem(s): ${errors} error(s), ${others} other(s).`) +
        outage +
        '\n\nClick to switch profile, change whether this file is a postmortem, or open settings.',
    );
    this.item.tooltip = tip;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
