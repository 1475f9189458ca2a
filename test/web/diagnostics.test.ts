// The language server, in its own web worker, reports problems with rule ids as codes for a document
// served from the virtual file system the web host mounts the fixture folder on.
import * as vscode from 'vscode';
import { codeOf, diagnosticAt, equal, hasCodes, lineOf, ok, openFixture, waitForDiagnostics } from './helpers';

describe('web extension host: diagnostics', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a postmortem on the mounted folder gets diagnostics with rule ids as codes', async () => {
    const doc = await openFixture('incidents/web-postmortem.md');
    equal(doc.uri.scheme, 'vscode-test-web', "the fixture is served from @vscode/test-web's mounted folder");
    const ds = await waitForDiagnostics(doc.uri, hasCodes('heading-space', 'timestamp-invalid'), 'heading-space and timestamp-invalid');
    ok(diagnosticAt(ds, 'heading-space', lineOf(doc, '##Timeline')), 'heading-space is on the "##Timeline" line');
    ok(diagnosticAt(ds, 'timestamp-invalid', lineOf(doc, '14:91 UTC')), 'timestamp-invalid is on the "14:91 UTC" line');
    for (const d of ds) {
      ok(/^[a-z]+(-[a-z]+)*$/.test(codeOf(d) ?? ''), `diagnostic "${d.message}" has a rule id as its code (got ${JSON.stringify(codeOf(d))})`);
    }
  });
});
