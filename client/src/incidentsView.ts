// The Incidents view (Explorer): every postmortem of the workspace with its date, title,
// severity, length, time to detect / acknowledge / mitigate / resolve and problem count, sorted
// by a key the user picks. The rows come from the server (`postmortem/incidents`, computed by
// core/incidents.ts); the client only sorts and shows them. A first look at the view checks the
// workspace from disk (quietly) so that it lists files never opened.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, INCIDENTS_VIEW, Notifications, Requests, type IncidentRow } from '../../common/protocol';
import type { DocumentStatuses } from './status';
import { checkWorkspace } from './workspaceCheck';

export const SORT_KEYS = ['date', 'title', 'severity', 'length', 'detect', 'acknowledge', 'mitigate', 'resolve', 'problems'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const SORT_LABELS: Record<SortKey, string> = {
  date: 'Date (newest first)',
  title: 'Title',
  severity: 'Severity (most severe first)',
  length: 'Length (longest first)',
  detect: 'Time to detect (longest first)',
  acknowledge: 'Time to acknowledge (longest first)',
  mitigate: 'Time to mitigate (longest first)',
  resolve: 'Time to resolve (longest first)',
  problems: 'Problems (most first)',
};

const SORT_STATE = 'postmortem.incidents.sortKey';

/** `SEV1` < `SEV2` < `P3` ...: the digit, smaller is more severe; anything else after. */
function severityRank(severity: string | undefined): number {
  const match = severity && /(\d)/.exec(severity);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.replace(/[?#].*$/, '').replace(/^.*\//, ''));
}

/** Sorted for the view: the key's order, ties by date (newest first) then by file. Unknown values last. */
export function sortRows(rows: IncidentRow[], key: SortKey): IncidentRow[] {
  const last = (value: number | undefined) => value ?? Number.NEGATIVE_INFINITY;
  const compareKey = (a: IncidentRow, b: IncidentRow): number => {
    switch (key) {
      case 'date':
        return (b.date ?? '').localeCompare(a.date ?? '');
      case 'title':
        return (a.title ?? fileName(a.uri)).localeCompare(b.title ?? fileName(b.uri));
      case 'severity':
        return severityRank(a.severity) - severityRank(b.severity) || 0;
      case 'problems':
        return b.problems - a.problems;
      default:
        return last(b[key]?.minutes) - last(a[key]?.minutes) || 0;
    }
  };
  return [...rows].sort((a, b) => compareKey(a, b) || (b.date ?? '').localeCompare(a.date ?? '') || a.uri.localeCompare(b.uri));
}

export function rowDescription(row: IncidentRow): string {
  const problems = `${row.problems} problem${row.problems === 1 ? '' : 's'}`;
  return [row.date, row.severity, row.length?.text, problems].filter(Boolean).join(' · ');
}

function rowTooltip(row: IncidentRow): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(row.title ?? fileName(row.uri));
  const lines: [string, string | undefined][] = [
    ['File', vscode.workspace.asRelativePath(vscode.Uri.parse(row.uri))],
    ['Date', row.date],
    ['Severity', row.severity],
    ['Length', row.length?.text],
    ['Time to detect', row.detect?.text],
    ['Time to acknowledge', row.acknowledge?.text],
    ['Time to mitigate', row.mitigate?.text],
    ['Time to resolve', row.resolve?.text],
    ['Problems', `${row.problems} (${row.errors} error${row.errors === 1 ? '' : 's'})`],
  ];
  for (const [label, value] of lines) {
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(`${label}: ${value ?? '—'}`);
  }
  return tooltip;
}

export interface IncidentsViewApi {
  /** The rows as the view shows them, in its order (asks the server). */
  rows(): Promise<IncidentRow[]>;
  sortKey(): SortKey;
  /** Fired after the view asked the server again. */
  onDidRefresh: vscode.Event<IncidentRow[]>;
}

class IncidentsProvider implements vscode.TreeDataProvider<IncidentRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly refreshed = new vscode.EventEmitter<IncidentRow[]>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly state: vscode.Memento,
  ) {}

  sortKey(): SortKey {
    const stored = this.state.get<string>(SORT_STATE);
    return (SORT_KEYS as readonly string[]).includes(stored ?? '') ? (stored as SortKey) : 'date';
  }

  async setSortKey(key: SortKey): Promise<void> {
    await this.state.update(SORT_STATE, key);
    this.refresh();
  }

  refresh(): void {
    this.changed.fire();
  }

  async rows(): Promise<IncidentRow[]> {
    if (this.client.state !== State.Running) return [];
    return sortRows(await this.client.sendRequest(Requests.incidents), this.sortKey());
  }

  async getChildren(element?: IncidentRow): Promise<IncidentRow[]> {
    if (element) return [];
    const rows = await this.rows();
    this.refreshed.fire(rows);
    return rows;
  }

  getTreeItem(row: IncidentRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.title ?? fileName(row.uri), vscode.TreeItemCollapsibleState.None);
    item.id = row.uri;
    item.resourceUri = vscode.Uri.parse(row.uri);
    item.description = rowDescription(row);
    item.tooltip = rowTooltip(row);
    item.iconPath = new vscode.ThemeIcon(row.errors ? 'error' : row.problems ? 'warning' : 'pass');
    item.command = { command: 'vscode.open', title: 'Open Postmortem', arguments: [item.resourceUri] };
    item.contextValue = 'postmortemIncident';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

export function registerIncidentsView(context: vscode.ExtensionContext, client: LanguageClient, statuses: DocumentStatuses): IncidentsViewApi {
  const provider = new IncidentsProvider(client, context.workspaceState);
  const view = vscode.window.createTreeView(INCIDENTS_VIEW, { treeDataProvider: provider, showCollapseAll: false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Many statuses arrive together (a restart, a settings change): one refresh for a burst.
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => provider.refresh(), 150);
  };
  let scanned = false;
  const scanOnce = () => {
    if (scanned || !view.visible || client.state !== State.Running) return;
    scanned = true;
    void checkWorkspace(client, { viewId: INCIDENTS_VIEW }, true).then(refreshSoon, () => (scanned = false));
  };
  context.subscriptions.push(
    provider,
    view,
    { dispose: () => clearTimeout(timer) },
    view.onDidChangeVisibility(scanOnce),
    statuses.onDidChange(refreshSoon),
    client.onNotification(Notifications.incidentsChanged, refreshSoon),
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      // A restarted server has forgotten the files it read: look again when the view shows.
      scanned = false;
      scanOnce();
      refreshSoon();
    }),
    vscode.commands.registerCommand(Commands.refreshIncidents, () => {
      scanned = false;
      scanOnce();
      provider.refresh();
    }),
    vscode.commands.registerCommand(Commands.sortIncidents, async (choice?: unknown) => {
      let key = typeof choice === 'string' && (SORT_KEYS as readonly string[]).includes(choice) ? (choice as SortKey) : undefined;
      if (!key) {
        const current = provider.sortKey();
        const picked = await vscode.window.showQuickPick(
          SORT_KEYS.map((id) => ({ id, label: SORT_LABELS[id], description: id === current ? 'current' : undefined })),
          { title: 'Sort Incidents By', placeHolder: SORT_LABELS[current] },
        );
        key = picked?.id;
      }
      if (key) await provider.setSortKey(key);
    }),
  );
  scanOnce();
  return { rows: () => provider.rows(), sortKey: () => provider.sortKey(), onDidRefresh: provider.onDidRefresh };
}
