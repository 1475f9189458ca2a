// postmortem/importTimeline over stdio, as the paste provider and the import command use it: the
// edits merge a Slack copy into the open document's timeline (insertions only), a format is
// detected or taken as given, missing dates and zones are asked for, bad input is named.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ImportTimelineParams, ImportTimelineResult } from '../../common/protocol';
import { TestClient } from './lspClient';

const URI = 'file:///work/incidents/import-postmortem.md';
const DOCUMENT = [
  '# Postmortem: checkout outage',
  '',
  '## Issue Summary',
  '',
  'Duration: May 2, 2024, 2:00 PM - 4:00 PM UTC',
  '',
  '## Timeline',
  '',
  '- 2:00 PM UTC: deploy started',
  '- 3:55 PM UTC: resolved',
  '',
].join('\n');

describe('postmortem/importTimeline', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient();
    await client.initialize();
    client.open(URI, DOCUMENT);
  });
  afterEach(() => client.stop());

  const request = (params: Partial<ImportTimelineParams>): Promise<ImportTimelineResult> =>
    client.connection.sendRequest('postmortem/importTimeline', { uri: URI, ...params });

  it("detects a Slack copy and answers insertions that merge it in the timeline's style", async () => {
    const result = await request({ text: 'Alice Smith  [14:04]\ncheckout 500s\nBob Jones  [14:30]\nrolled back' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.format, 'slack');
    assert.equal(result.version, 1);
    assert.deepEqual(
      result.added.map((a) => [a.time, a.text, a.phase]),
      [
        ['2:04 PM UTC', 'Alice Smith: checkout 500s', undefined],
        ['2:30 PM UTC', 'Bob Jones: rolled back', 'mitigated'],
      ],
    );
    assert.equal(result.preview, '- 2:04 PM UTC: Alice Smith: checkout 500s\n- 2:30 PM UTC: Bob Jones: rolled back');
    for (const edit of result.edits) assert.deepEqual(edit.range.start, edit.range.end, 'insertions only');
    const merged = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, DOCUMENT), result.edits);
    assert.equal(
      merged,
      DOCUMENT.replace(
        '- 2:00 PM UTC: deploy started\n',
        '- 2:00 PM UTC: deploy started\n- 2:04 PM UTC: Alice Smith: checkout 500s\n- 2:30 PM UTC: Bob Jones: rolled back\n',
      ),
    );
  });

  it('takes the format given, and names the line it cannot read', async () => {
    const result = await request({ text: 'May  2 14:04:11 api-1 nginx: upstream timed out\nnot a log line', format: 'syslog' });
    assert.ok(!result.ok);
    assert.match(result.error, /^line 2: "not a log line" is not a syslog line/);
    assert.ok(
      result.formats.some((f) => f.id === 'kubectl'),
      'the formats are listed for a picker',
    );
  });

  it('asks for the zone a document without one cannot give, then uses the one sent', async () => {
    const uri = 'file:///work/incidents/no-zone-postmortem.md';
    client.open(uri, '# Postmortem\n\n## Timeline\n\n- 10:00: deploy\n');
    const asked = await client.connection.sendRequest<ImportTimelineResult>('postmortem/importTimeline', {
      uri,
      text: 'Ann  [10:30]\nerrors',
      date: '2024-05-02',
    });
    assert.ok(!asked.ok && asked.missing === 'zone', JSON.stringify(asked));
    const answered = await client.connection.sendRequest<ImportTimelineResult>('postmortem/importTimeline', {
      uri,
      text: 'Ann  [10:30]\nerrors',
      date: '2024-05-02',
      zone: 'UTC',
    });
    assert.ok(answered.ok, JSON.stringify(answered));
    assert.equal(answered.preview, '- 10:30: Ann: errors');
  });

  it('says so when the text is in no known format', async () => {
    const result = await request({ text: 'Just some prose about the outage.' });
    assert.ok(!result.ok);
    assert.match(result.error, /could not tell what format this is/);
  });
});
