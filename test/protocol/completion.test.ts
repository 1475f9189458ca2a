// Completions from the bundled server over stdio: sections on heading lines, field labels in the
// summary, times in the timeline. The server's clock is real, so a time is checked against the
// clock read just before and just after the request (either minute is right).
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';

const DOC = [
  '# Postmortem: queue backlog',
  '',
  '## Issue Summary',
  '',
  'Duration: April 10, 2024, 09:00 - 10:30 EAT (1 hour 30 minutes)',
  '',
  '',
  '## Timeline',
  '',
  '- 09:00 EAT: Alerts fired; backlog detected.',
  '- 09:40 EAT: Workers scaled out, mitigated.',
  '- ',
  '',
  '## ',
].join('\n');

const LINE = { summaryBlank: 5, timelineNew: 11, heading: 13 };

async function complete(client: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const result = (await client.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
  })) as CompletionItem[] | CompletionList | null;
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

describe('completions over stdio', function () {
  let client: TestClient;
  afterEach(async () => client.stop());

  describe('with a client that takes plain text', () => {
    const uri = 'file:///work/postmortems/queue-postmortem.md';
    beforeEach(async () => {
      client = new TestClient();
      const init = (await client.initialize()) as { capabilities: { completionProvider?: { triggerCharacters?: string[] } } };
      assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters, ['#', ' ']);
      client.open(uri, DOC);
    });

    it('offers the missing sections, in profile order, on a heading line', async () => {
      const items = await complete(client, uri, LINE.heading, 3);
      assert.deepEqual(
        [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label),
        ['Root Cause and Resolution', 'Corrective and Preventative Measures'],
      );
      const edit = items[0].textEdit as TextEdit;
      assert.deepEqual(edit.range, { start: { line: LINE.heading, character: 3 }, end: { line: LINE.heading, character: 3 } });
    });

    it('offers the summary fields not yet written at the start of a summary line, as plain text', async () => {
      const items = await complete(client, uri, LINE.summaryBlank, 0);
      const labels = items.map((i) => i.label);
      assert.deepEqual(labels.slice(0, 2), ['Impact:', 'Root Cause:']);
      assert.ok(!labels.includes('Duration:'));
      assert.ok(
        items.every((i) => i.insertTextFormat === 1),
        'plain text for a client without snippet support',
      );
      assert.equal((items[0].textEdit as TextEdit).newText, 'Impact: ');
    });

    it('offers the time now in the timeline zone and format, then the previous entry', async () => {
      const before = Date.now();
      const items = await complete(client, uri, LINE.timelineNew, 2);
      const after = Date.now();
      const now = (ms: number) => DateTime.fromMillis(ms, { zone: 'Africa/Nairobi' }).toFormat('HH:mm') + ' EAT';
      assert.equal(items.length, 2, JSON.stringify(items));
      assert.ok([now(before), now(after)].includes(items[0].label), `${items[0].label} is the time now in EAT (${now(before)})`);
      assert.equal((items[0].textEdit as TextEdit).newText, `${items[0].label}: `);
      assert.equal(items[1].label, '09:40 EAT');
      assert.equal(items[1].detail, 'The time of the previous entry');
    });

    it('answers a space typed after a list marker in the timeline, and not one typed in prose', async () => {
      const space = { triggerKind: 2, triggerCharacter: ' ' };
      const onMarker = (await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: LINE.timelineNew, character: 2 },
        context: space,
      })) as CompletionItem[];
      assert.equal(onMarker.length, 2);
      const inProse = (await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: 9, character: 20 },
        context: space,
      })) as CompletionItem[];
      assert.deepEqual(inProse, []);
    });

    it('offers nothing in prose, and nothing for a document that is not a postmortem', async () => {
      assert.deepEqual(await complete(client, uri, 9, 20), []);
      const notes = 'file:///work/docs/shopping.md';
      client.open(notes, '# Shopping\n\n## \n');
      assert.deepEqual(await complete(client, notes, 2, 3), []);
    });
  });

  it('sends snippets with tab stops to a client that takes them', async () => {
    client = new TestClient();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    await client.connection.sendNotification('initialized', {});
    const uri = 'file:///work/postmortems/queue-postmortem.md';
    client.open(uri, DOC.replace('Duration: April 10, 2024, 09:00 - 10:30 EAT (1 hour 30 minutes)', ''));
    const items = await complete(client, uri, 4, 0);
    const duration = items.find((i) => i.label === 'Duration:');
    assert.ok(duration, items.map((i) => i.label).join(' '));
    assert.equal(duration.insertTextFormat, 2);
    assert.match((duration.textEdit as TextEdit).newText, /^Duration: \$\{1:\$CURRENT_MONTH_NAME .*\$\{4\|UTC,/);
  });
});
