// Per-file "treat as postmortem" choices: remembered in workspaceState so they survive a reload and
// are re-sent to the server each time it (re)starts.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Notifications, type SetOverrideParams } from '../../common/protocol';

const KEY = 'postmortem.overrides';

export class Overrides {
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  all(): Record<string, boolean> {
    return { ...(this.state.get<Record<string, boolean>>(KEY) ?? {}) };
  }

  get(uri: vscode.Uri): boolean | undefined {
    return this.all()[uri.toString()];
  }

  async set(uri: vscode.Uri, value: boolean | null): Promise<void> {
    const all = this.all();
    const key = uri.toString();
    if (value === null) delete all[key];
    else all[key] = value;
    await this.state.update(KEY, all);
    this.changed.fire(key);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function sendOverride(client: LanguageClient, uri: string, treatAsPostmortem: boolean | null): Promise<void> {
  const params: SetOverrideParams = { uri, treatAsPostmortem };
  await client.sendNotification(Notifications.setOverride, params);
}

/** Re-sends every remembered override (the server forgets them when it restarts). */
export async function sendAllOverrides(client: LanguageClient, overrides: Overrides, output: vscode.LogOutputChannel): Promise<void> {
  const all = Object.entries(overrides.all());
  for (const [uri, value] of all) {
    try {
      await sendOverride(client, uri, value);
    } catch (e) {
      output.warn(`Could not send the postmortem override for ${uri}: ${String(e)}`);
    }
  }
  if (all.length) output.info(`Sent ${all.length} per-file postmortem override(s) to the server.`);
}
