// The action-item-incomplete quick fix over stdio: a snippet edit with tab stops for a client that
// accepts snippet edits (LSP 3.18 workspaceEdit.snippetEditSupport), plain placeholders otherwise.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';

const DOC = ['# Postmortem: queue backlog', '', '## Action Items', '', '- Add an alert when the queue backs up.', ''].join('\n');

async function quickFixEdits(snippetEditSupport: boolean): Promise<unknown[]> {
  const client = new TestClient();
  try {
    client.configuration = { profile: 'google-sre' };
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport } } },
    });
    await client.connection.sendNotification('initialized', {});
    const uri = 'file:///work/postmortems/queue-postmortem.md';
    const version = client.open(uri, DOC);
    const published = await client.diagnosticsFor(uri, version);
    const diagnostic = published.diagnostics.find((d: Diagnostic) => d.code === 'action-item-incomplete');
    assert.ok(diagnostic, published.diagnostics.map((d: Diagnostic) => d.code).join(' '));
    const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    assert.equal(actions.length, 1);
    return actions[0].edit.documentChanges[0].edits;
  } finally {
    await client.stop();
  }
}

describe('action-item-incomplete quick fix over stdio', function () {
  const range = { start: { line: 4, character: 38 }, end: { line: 4, character: 38 } };

  it('sends a snippet edit with tab stops to a client that takes snippet edits', async () => {
    assert.deepEqual(await quickFixEdits(true), [
      { range, snippet: { kind: 'snippet', value: ' (owner: @${1:owner}, priority: P${2:2}, type: ${3|prevent,detect,mitigate|})' } },
    ]);
  });

  it('sends plain placeholders to a client that does not', async () => {
    assert.deepEqual(await quickFixEdits(false), [{ range, newText: ' (owner: @…, priority: P…, type: …)' }]);
  });
});
