// The sections stage: headings, headings without their space, label lines, and their bodies.
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { ALX, GOOGLE_SRE } from '../../../server/src/core/profiles/builtin';

const model = (text: string, profile = ALX) => parse(text, profile).model;

describe('parse: sections', () => {
  const cases: [string, string | undefined][] = [
    ['## Issue Summary', 'summary'],
    ['## Executive summary:', 'summary'],
    ['## 1. Overview', 'summary'],
    ['## **Incident Timeline**', 'timeline'],
    ['## 🕒 Chain of Events', 'timeline'],
    ['### Root Causes', 'rootCause'],
    ['## Root Cause & Resolution', 'rootCauseAndResolution'],
    ['## Corrective and Preventive Measures', 'actions'],
    ['## Follow-ups', 'actions'],
    ['## Follow-up tasks', 'actions'],
    ['## Where we got lucky', 'lessons'],
    ['## Mitigation', 'resolution'],
    ['## Appendix', undefined],
    ['## Timeline (all times UTC)', 'timeline'],
    ['## Timeline(all times in UTC)', 'timeline'],
    ['## <span style="color:green">Summary:</span>', 'summary'],
    ['### Action Items <a href="#action-items" id="action-items"></a>', 'actions'],
    ['## Timeline: :vertical_traffic_light:', 'timeline'],
    ['## THE IMPACT', 'impact'],
    ['## Why did it happen?', 'rootCause'],
    ['## How did we fix it?', 'resolution'],
    ['### Corrective and preventative measures must contain:', 'actions'],
    ['### Sumary', 'summary'],
    ['## Corrective and Preventive measurers', 'actions'],
    ['## when it happened', undefined],
    ['## Summary of issues:', 'summary'],
    ['## Main cause:', 'rootCause'],
  ];
  for (const [heading, canonical] of cases) {
    it(`maps "${heading}" to ${canonical ?? 'no section'}`, () => {
      assert.equal(model(`# T\n\n${heading}\n\ntext\n`).sections[1].canonical, canonical);
    });
  }

  it('drops step labels inside the timeline, so they neither end it nor count as sections', () => {
    const text = '## Timeline\n\n*Detection:*\n- 10:00 UTC: alert\n\n*Resolution:*\n- 11:00 UTC: fixed\n\n## Root Cause and Resolution\n\nx\n';
    const sections = model(text).sections;
    assert.deepEqual(
      sections.map((s) => s.canonical),
      ['timeline', 'rootCauseAndResolution'],
    );
    assert.equal(model(text).entries.length, 2);
  });

  it("counts the words of a label line's content in the same paragraph as its body", () => {
    const [summary] = model('Issue Summary\nThe site was down for ten minutes.\n').sections;
    assert.equal(summary.form, 'label-line');
    assert.equal(summary.bodyWords, 7);
  });

  it('recognises ##Heading without a space as the section it names', () => {
    const [section] = model('##Issue summary\n\nDuration: 1 hour\n').sections;
    assert.equal(section.form, 'heading-no-space');
    assert.equal(section.canonical, 'summary');
    assert.equal(section.level, 2);
  });

  it('recognises a bold or plain line that is exactly a section name', () => {
    const sections = model('Intro text.\n\n**Timeline:**\n\n- 09:00 UTC: x\n\nCorrective and Preventative Measures:\n- y\n').sections;
    assert.deepEqual(
      sections.map((s) => [s.form, s.canonical]),
      [
        ['label-line', 'timeline'],
        ['label-line', 'actions'],
      ],
    );
  });

  it('does not take a summary field for a section label', () => {
    const { sections, fields } = model('## Issue Summary\n\nImpact: everyone\nRoot Cause:\nA typo.\n');
    assert.deepEqual(
      sections.map((s) => s.canonical),
      ['summary'],
    );
    assert.deepEqual(
      fields.map((f) => f.id),
      ['impact', 'rootCause'],
    );
  });

  it('ignores headings inside code blocks', () => {
    assert.deepEqual(model('```\n## Timeline\n##Summary\n```\n').sections, []);
  });

  it("uses a profile's own section synonyms", () => {
    assert.equal(model('## Summary\n', GOOGLE_SRE).sections[0].canonical, 'summary');
  });
});

describe('parse: a postmortem written in HTML', () => {
  const html = [
    '<h1>Postmortem: checkout outage</h1>',
    '<h2>Issue Summary</h2>',
    '<p>Duration: 2024-03-10 14:00 - 15:30 UTC</p>',
    '<h2>Timeline</h2>',
    '<ul>',
    '<li>14:00 UTC: alert fired, outage detected.</li>',
    '<li>15:30 UTC: config rolled back, service restored.</li>',
    '</ul>',
    '',
  ].join('\n');

  it('reads its headings as sections, its paragraphs as fields and its items as timeline entries', () => {
    const read = model(html);
    assert.deepEqual(
      read.sections.map((section) => section.canonical),
      [undefined, 'summary', 'timeline'],
    );
    assert.equal(read.window?.start?.raw.includes('14:00'), true);
    assert.deepEqual(
      read.entries.map((entry) => entry.timestamp.raw),
      ['14:00 UTC', '15:30 UTC'],
    );
  });
});
