// The workspace check and the Incidents view's data in a real VS Code: a postmortem written to disk
// and never opened gets its problems from "Check All Postmortems in the Workspace", a file under a
// files.exclude folder gets none (nor does one that appears there later, and one checked before
// files.exclude covers it loses them), a change on disk updates them, deleting the file removes them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../common/protocol';
import type { WorkspaceCheckResult } from '../../client/src/workspaceCheck';
import { activateExtension, closeAllEditors, codeOf, fixtureUri, hasCodes, openFixture, postmortemDiagnostics, waitForDiagnostics } from './helpers';

const NEVER_OPENED = 'incidents/never-opened-postmortem.md';
const EXCLUDED = 'excluded/excluded-postmortem.md';
const EXCLUDED_LATER = 'excluded/later-postmortem.md';
const APPEARED_LATER = 'incidents/later-postmortem.md';

/** Written by the test: one heading-space error (`##Timeline`), a 2 h window, detected after 10 min. */
const TEXT = `# Postmortem: queue workers stalled

## Issue Summary

Duration: 2025-02-03 10:00 - 12:00 UTC
Severity: SEV1
Impact: Background jobs were delayed for two hours.
Root Cause: A lock was never released after a deploy.

##Timeline

- 10:00: Deploy finished; workers stopped taking jobs.
- 10:10: Queue depth alert fired; outage detected.
- 12:00: Lock released by hand; resolved.

## Root Cause and Resolution

The lock was held by a process that had exited.

## Corrective and Preventative Measures

- Give the lock a time to live.
`;

const write = (path: string, text: string) => vscode.workspace.fs.writeFile(fixtureUri(path), new TextEncoder().encode(text));

describe('workspace check and Incidents view', () => {
  before(async () => {
    await openFixture('notes/team-meeting.md');
    await activateExtension();
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/excluded': true }, vscode.ConfigurationTarget.Workspace);
    await write(NEVER_OPENED, TEXT);
    await write(EXCLUDED, TEXT);
    await closeAllEditors();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    for (const path of [NEVER_OPENED, EXCLUDED, EXCLUDED_LATER, APPEARED_LATER])
      await vscode.workspace.fs.delete(fixtureUri(path)).then(undefined, () => undefined);
  });

  it('publishes the problems of a postmortem never opened, and none under files.exclude', async () => {
    const uri = fixtureUri(NEVER_OPENED);
    const result = (await vscode.commands.executeCommand(Commands.checkWorkspace)) as WorkspaceCheckResult;
    assert.equal(result.supported, true);
    assert.equal(result.cancelled, false);
    assert.ok(result.postmortems >= 2, `the fixture postmortems and the new one, got ${JSON.stringify(result)}`);
    const ds = await waitForDiagnostics(uri, hasCodes('heading-space'), 'heading-space on the unopened file');
    assert.ok(ds.some((d) => codeOf(d) === 'heading-space'));
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri.toString()), 'the file was never opened');
    // The check's answer follows its publications on the same connection: by now they have arrived.
    assert.deepEqual(postmortemDiagnostics(fixtureUri(EXCLUDED)), [], 'a file under files.exclude is not checked');
  });

  it('leaves a postmortem that appears under files.exclude after the check unchecked, and checks one that appears elsewhere', async () => {
    await write(EXCLUDED_LATER, TEXT);
    await write(APPEARED_LATER, TEXT);
    await waitForDiagnostics(fixtureUri(APPEARED_LATER), hasCodes('heading-space'), 'heading-space on the file that appeared after the check');
    // The server handles watched changes and checks in the order they came: once this check is
    // answered, whatever it heard about the excluded file has been published.
    await vscode.commands.executeCommand(Commands.checkWorkspace);
    assert.deepEqual(postmortemDiagnostics(fixtureUri(EXCLUDED_LATER)), [], 'a file that appears under files.exclude is not checked');
  });

  it('drops the problems of a checked file once files.exclude comes to cover it', async () => {
    const uri = fixtureUri(APPEARED_LATER);
    await waitForDiagnostics(uri, hasCodes('heading-space'), 'heading-space on the file checked after it appeared');
    await vscode.workspace
      .getConfiguration('files')
      .update('exclude', { '**/excluded': true, '**/incidents/later-postmortem.md': true }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics once files.exclude covers the file');
    const rows = await (await activateExtension()).incidents.rows();
    assert.ok(!rows.some((row) => row.uri === uri.toString()), 'the excluded file is gone from the Incidents view');
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/excluded': true }, vscode.ConfigurationTarget.Workspace);
  });

  it('gives the Incidents view the file\u2019s date, severity, lengths and problems, sorted by the chosen key', async () => {
    const api = await activateExtension();
    const uri = fixtureUri(NEVER_OPENED).toString();
    const rows = await api.incidents.rows();
    const row = rows.find((r) => r.uri === uri);
    assert.ok(row, `the never-opened postmortem is listed; rows: ${rows.map((r) => r.uri).join(', ')}`);
    assert.equal(row.title, 'Postmortem: queue workers stalled');
    assert.equal(row.date, '2025-02-03');
    assert.equal(row.severity, 'SEV1');
    assert.deepEqual(row.length, { minutes: 120, text: '2 h' });
    assert.deepEqual(row.detect, { minutes: 10, text: '10 min' });
    assert.equal(row.problems, postmortemDiagnostics(fixtureUri(NEVER_OPENED)).length);
    assert.ok(!rows.some((r) => r.uri === fixtureUri(EXCLUDED).toString()), 'the excluded file is not listed');

    await vscode.commands.executeCommand(Commands.sortIncidents, 'length');
    assert.equal(api.incidents.sortKey(), 'length');
    const byLength = (await api.incidents.rows()).map((r) => r.length?.minutes ?? -1);
    assert.deepEqual(
      byLength,
      [...byLength].sort((a, b) => b - a),
      'longest first, unknown last',
    );
    await vscode.commands.executeCommand(Commands.sortIncidents, 'date');
  });

  it('updates the problems when the file changes on disk, and removes them when it is deleted', async () => {
    const api = await activateExtension();
    const uri = fixtureUri(NEVER_OPENED);
    await write(NEVER_OPENED, TEXT.replace('##Timeline', '## Timeline'));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'heading-space'), 'heading-space gone after the fix on disk');
    await vscode.workspace.fs.delete(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics once the file is deleted');
    // The server drops the file from its index before it publishes the empty diagnostics.
    const rows = await api.incidents.rows();
    assert.ok(!rows.some((row) => row.uri === uri.toString()), 'the deleted file is gone from the Incidents view');
  });
});
