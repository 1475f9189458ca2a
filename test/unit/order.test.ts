// Timeline order, decided once in the core: the timestamp-order rule, the metrics, the hover and
// the preview's model all agree on which entry is out of order and what comes before what.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core/lint';
import { incidentMetrics, orderEntries, timestampFactsAt } from '../../server/src/core/metrics';
import { modelResult } from '../../server/src/features/model';
import { analysisOf } from '../support/service';

// 11:00 is earlier than 12:00 above it; 11:30 is later than 11:00 above it, so it is in order.
const TEXT = [
  '# Postmortem: order',
  '',
  '## Timeline',
  '',
  'All times in UTC.',
  '',
  '- 10:00: Deploy started.',
  '- 12:00: Alerts fired; outage detected.',
  '- 11:00: Deploy rolled back.',
  '- 11:30: Service resolved.',
  '',
].join('\n');

describe('timeline order: one reading for the rule, the metrics, the hover and the preview', () => {
  const { model, findings } = lint(TEXT);

  it('marks only the entry earlier than the one before it, and names that one as its previous', () => {
    const order = orderEntries(model);
    assert.deepEqual(
      order.map((place) => place.outOfOrder),
      [false, false, true, false],
    );
    assert.deepEqual(
      order.map((place) => place.placed),
      [true, true, false, true],
    );
    assert.deepEqual(
      order.map((place) => place.previous),
      [undefined, 0, 1, 2],
    );
  });

  it('the rule flags exactly the out-of-order entry', () => {
    const flagged = findings.filter((f) => f.ruleId === 'timestamp-order').map((f) => TEXT.slice(f.span.start, f.span.end));
    assert.deepEqual(flagged, ['11:00']);
  });

  it('the metrics skip the flagged entry: no time to mitigate from 11:00', () => {
    const metrics = incidentMetrics(model);
    assert.deepEqual(
      metrics.milestones.map((m) => [m.milestone, m.raw, m.minutes]),
      [
        ['detect', '12:00', 120],
        ['resolve', '11:30', 90],
      ],
    );
  });

  it('the hover measures from the entry just before, as the rule compares', () => {
    const facts = timestampFactsAt(model, TEXT.indexOf('11:30'));
    assert.deepEqual(facts?.sincePrevious, { minutes: 30, raw: '11:00' });
  });

  it('the preview marks out of order exactly what the rule flags, and measures gaps the same way', async () => {
    const document = TextDocument.create('file:///order.md', 'markdown', 1, TEXT);
    const result = modelResult(document, await analysisOf(document));
    const flaggedLines = findings.filter((f) => f.ruleId === 'timestamp-order').map((f) => document.positionAt(f.span.start).line);
    const outOfOrderLines = result.entries.filter((e) => e.outOfOrder).map((e) => e.timestampRange.start.line);
    assert.deepEqual(outOfOrderLines, flaggedLines);
    assert.deepEqual(
      result.entries.map((e) => e.sincePrevious?.text),
      [undefined, '2 h', undefined, '30 min'],
    );
    assert.deepEqual(
      result.phases?.map((p) => [p.phase, result.entries[p.entry].raw]),
      [
        ['started', '10:00'],
        ['detected', '12:00'],
        ['resolved', '11:30'],
      ],
    );
    assert.deepEqual(
      result.metrics?.map((m) => m.id),
      ['detect', 'resolve'],
    );
  });
});
