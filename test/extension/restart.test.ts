// Killing the server: the client restarts it and diagnostics come back; per-file overrides survive.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hasCodes, openFixture, postmortemDiagnostics, waitForDiagnostics, type PostmortemApi } from './helpers';

/** Kills the server and waits until a new server process has published diagnostics for `uri` satisfying `predicate`. */
async function killAndWait(api: PostmortemApi, uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string) {
  const pid = api.serverPid();
  assert.ok(pid, 'the language server is running (serverPid() returned a pid)');
  // Subscribe before killing, so no event can be missed.
  const back = waitForDiagnostics(
    uri,
    (ds) => {
      const now = api.serverPid();
      return now !== undefined && now !== pid && predicate(ds);
    },
    `${what} from a new server process after killing pid ${pid}`,
  );
  process.kill(pid, 'SIGKILL');
  await back;
  assert.notEqual(api.serverPid(), pid, 'a new server process runs');
}

describe('server crash', () => {
  let api: PostmortemApi;

  before(async () => {
    await openFixture('incidents/restart-postmortem.md');
    api = await activateExtension();
  });
  after(closeAllEditors);

  it('diagnostics come back after the server is killed and restarted automatically', async () => {
    const { uri } = (await openFixture('incidents/restart-postmortem.md')).document;
    await waitForDiagnostics(uri, hasCodes('timestamp-invalid', 'heading-space'), 'the fixture diagnostics');
    await killAndWait(api, uri, hasCodes('timestamp-invalid', 'heading-space'), 'timestamp-invalid and heading-space');
  });

  it('"treat as postmortem" lints a file the globs do not match, and survives a restart', async () => {
    const { uri } = (await openFixture('notes/cache-outage-writeup.md')).document;
    await vscode.commands.executeCommand('postmortem.treatAsPostmortem', uri);
    await waitForDiagnostics(uri, hasCodes('heading-space'), 'diagnostics once the file is treated as a postmortem');
    await killAndWait(api, uri, hasCodes('heading-space'), 'diagnostics for the overridden file (override re-sent)');

    await vscode.commands.executeCommand('postmortem.stopTreatingAsPostmortem', uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics once the file is no longer treated as a postmortem');
    assert.equal(postmortemDiagnostics(uri).length, 0);
    await vscode.commands.executeCommand('postmortem.resetPostmortemDetection', uri);
  });

  it('the Restart Language Server command restarts it', async () => {
    const { uri } = (await openFixture('incidents/restart-postmortem.md')).document;
    const pid = api.serverPid();
    await vscode.commands.executeCommand('postmortem.restartServer');
    const now = api.serverPid();
    assert.ok(now && now !== pid, `a new server process after restart (was ${pid}, now ${now})`);
    await waitForDiagnostics(uri, hasCodes('timestamp-invalid'), 'diagnostics after the restart command');
  });
});
