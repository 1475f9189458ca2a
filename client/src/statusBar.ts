// Status bar item for the active Markdown file when it is treated as a postmortem: profile name,
// problem count and the outage length, exactly as the server's `postmortem/status` says (no request
// per edit). Clicking it opens the Postmortem quick pick (postmortem.statusBarMenu).
import * as vscode from 'vscode';
import { Commands, type StatusParams } from '../../common/protocol';
import type { DocumentStatuses } from './status';

export class PostmortemStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly statuses: DocumentStatuses) {
    this.item = vscode.window.createStatusBarItem('postmortem.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Postmortem';
    this.item.command = Commands.statusBarMenu;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      statuses.onDidChange((status) => {
        if (status.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
    );
    this.refresh();
  }

  /** Whether the active document is treated as a postmortem, as the server last said. */
  get activeIsPostmortem(): boolean {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri !== undefined && this.statuses.get(uri)?.isPostmortem === true;
  }

  private refresh(): void {
    const editor = vscode.window.activeTextEditor;
    const status = editor?.document.languageId === 'markdown' ? this.statuses.get(editor.document.uri) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    if (!status.isPostmortem) {
      if (status.override === false) {
        this.item.text = '$(circle-slash) Postmortem: off';
        this.item.tooltip = 'This file is not treated as a postmortem (your choice). Click for options.';
        this.item.show();
      } else {
        this.item.hide();
      }
      return;
    }
    this.show(status);
  }

  private show(status: StatusParams): void {
    const { errors, warnings, infos } = status.problems;
    const others = warnings + infos;
    const total = errors + others;
    const profile = status.profile.name;
    const length = status.incident?.total ? ` $(clock) ${status.incident.total.text}` : '';
    this.item.text = (total === 0 ? `$(pass) ${profile}` : `$(checklist) ${profile} $(error) ${errors} $(warning) ${others}`) + length;
    const outage = status.incident?.summaryMarkdown ? `\n\nOutage: ${status.incident.summaryMarkdown}` : '';
    this.item.tooltip = new vscode.MarkdownString(
      `**Postmortem** — profile *${profile}*\n\n` +
        (total === 0 ? 'No problems found.' : `${total} problem(s): ${errors} error(s), ${others} other(s).`) +
        outage +
        '\n\nClick to switch profile, change whether this file is a postmortem, or open settings.',
    );
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
