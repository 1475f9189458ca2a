// Settings changes (profile, rule severity) take effect without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeDiagnostics, hasCodes, openFixture, setSetting, waitForDiagnostics } from './helpers';

const FILE = 'incidents/checkout-db-postmortem.md';

const sectionMessages = (ds: vscode.Diagnostic[]) =>
  ds
    .filter((d) => codeOf(d) === 'section-missing')
    .map((d) => d.message)
    .sort()
    .join('\n');

describe('settings', () => {
  let uri: vscode.Uri;

  before(async () => {
    uri = (await openFixture(FILE)).document.uri;
    await waitForDiagnostics(uri, hasCodes('timestamp-invalid', 'section-missing'), 'the fixture diagnostics');
  });
  afterEach(async () => {
    await setSetting('rules', undefined);
    await setSetting('profile', 'alx');
  });
  after(closeAllEditors);

  it('postmortem.rules: a rule set to "off" stops being reported, and comes back', async () => {
    await setSetting('rules', { 'timestamp-invalid': 'off' });
    const ds = await waitForDiagnostics(
      uri,
      (now) => now.length > 0 && !now.some((d) => codeOf(d) === 'timestamp-invalid'),
      'timestamp-invalid to be switched off',
    );
    assert.ok(
      ds.some((d) => codeOf(d) === 'section-missing'),
      'other rules still report',
    );
    await setSetting('rules', undefined);
    await waitForDiagnostics(uri, hasCodes('timestamp-invalid'), 'timestamp-invalid back after the override is removed');
  });

  it('.postmortemrc.json: writing, fixing and deleting it re-checks the open document at once', async () => {
    const rc = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'incidents', '.postmortemrc.json');
    const write = (text: string) => vscode.workspace.fs.writeFile(rc, new TextEncoder().encode(text));
    try {
      await write('{ "rules": { "timestamp-invalid": "off" } }');
      await waitForDiagnostics(uri, (now) => now.length > 0 && !now.some((d) => codeOf(d) === 'timestamp-invalid'), 'timestamp-invalid off by the config file');
      await write('{ "rules": { "timestamp-invalid": "loud" } }');
      const broken = await waitForDiagnostics(rc, (now) => now.some((d) => codeOf(d) === 'config-invalid'), 'config-invalid on the broken config file');
      assert.match(broken[0].message, /"loud" is not one of off, info, warning, error/);
    } finally {
      await vscode.workspace.fs.delete(rc);
    }
    await waitForDiagnostics(uri, hasCodes('timestamp-invalid'), 'timestamp-invalid back once the config file is gone');
  });

  it('postmortem.rules: a severity override changes the diagnostic severity', async () => {
    await setSetting('rules', { 'timestamp-invalid': 'info' });
    await waitForDiagnostics(
      uri,
      (now) => now.some((d) => codeOf(d) === 'timestamp-invalid' && d.severity === vscode.DiagnosticSeverity.Information),
      'timestamp-invalid reported as information',
    );
  });

  it('postmortem.profile: switching the profile changes which sections are required', async () => {
    const alx = sectionMessages(await waitForDiagnostics(uri, hasCodes('section-missing'), 'section-missing under alx'));
    await setSetting('profile', 'google-sre');
    const ds = await waitForDiagnostics(
      uri,
      (now) => now.length > 0 && sectionMessages(now) !== alx,
      'the section-missing diagnostics to change with the google-sre profile',
    );
    assert.ok(
      ds.some((d) => codeOf(d) === 'section-missing'),
      `google-sre also misses sections:\n${describeDiagnostics(ds)}`,
    );
    await setSetting('profile', 'alx');
    await waitForDiagnostics(uri, (now) => sectionMessages(now) === alx, 'the alx section-missing diagnostics back');
  });
});
