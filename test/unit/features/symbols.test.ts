// Document symbols from the language service in-process: sections nested by level, timeline entries under the timeline.
import assert from 'node:assert/strict';
import { doc, inProcessService } from '../../support/service';
import { SLOPPY } from '../../fixtures/sloppy-postmortem';

describe('features: document symbols', () => {
  it('nests sections under the title and lists timeline entries under the timeline', async () => {
    const { service } = inProcessService();
    const symbols = await service.documentSymbols(doc(SLOPPY.replace('##Issue', '## Issue')));
    assert.equal(symbols.length, 1);
    const [title] = symbols;
    assert.equal(title.name, 'Postmortem: login outage');
    assert.deepEqual(
      title.children!.map((s) => s.name),
      ['Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures'],
    );
    const timeline = title.children![1];
    assert.deepEqual(
      timeline.children!.map((e) => [e.name.slice(0, 9), e.selectionRange.start.line]),
      [
        ['10:00 UTC', 10],
        ['10:40 UTC', 11],
        ['10:30 UTC', 12],
        ['25:10 UTC', 13],
      ],
    );
  });

  it('has none for Markdown that is not a postmortem', async () => {
    const { service } = inProcessService();
    assert.deepEqual(await service.documentSymbols(doc('# Notes\n\n## Eggs\n', 'file:///work/notes.md')), []);
  });
});
