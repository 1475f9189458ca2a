// The `postmortem.*` settings on the client: VS Code's values for a resource through the one
// normaliser shared with the server (common/settings.ts), so both sides read the same defaults.
import * as vscode from 'vscode';
import { CONFIG_SECTION, normaliseSettings, type PostmortemSettings } from '../../common/protocol';

export function settingsFor(scope: vscode.Uri | undefined): PostmortemSettings {
  return normaliseSettings(vscode.workspace.getConfiguration(undefined, scope).get(CONFIG_SECTION));
}
