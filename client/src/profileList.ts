// The profiles a postmortem can follow, as the server knows them (postmortem/profiles): the
// built-in ones and those of the .postmortemrc.json that applies. The client keeps no list of its own.
import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type ProfileInfo, type ProfilesParams } from '../../common/protocol';

/** The profiles on offer in `folder` (none: the built-in ones only). */
export function profilesIn(client: LanguageClient, folder: vscode.Uri | undefined): Promise<ProfileInfo[]> {
  return client.sendRequest(Requests.profiles, { uri: folder?.toString() } satisfies ProfilesParams);
}

/** The profiles on offer for a document: those of the folder it is in. */
export function profilesFor(client: LanguageClient, document: vscode.Uri | undefined): Promise<ProfileInfo[]> {
  const folder = document && document.path.includes('/') ? document.with({ path: document.path.slice(0, document.path.lastIndexOf('/')) || '/' }) : undefined;
  return profilesIn(client, folder);
}
