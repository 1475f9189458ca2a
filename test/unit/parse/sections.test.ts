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
    ['## Where we got lucky', 'lessons'],
    ['## Mitigation', 'resolution'],
    ['## Appendix', undefined],
  ];
  for (const [heading, canonical] of cases) {
    it(`maps "${heading}" to ${canonical ?? 'no section'}`, () => {
      assert.equal(model(`# T\n\n${heading}\n\ntext\n`).sections[1].canonical, canonical);
    });
  }

  it('recognises ##Heading without a space as the section it names', () => {
    const [section] = model('##Issue summary\n\nDuration: 1 hour\n').sections;
    assert.equal(section.form, 'heading-no-space');
    assert.equal(section.canonical, 'summary');
    assert.equal(section.level, 2);
  });

  it('recognises a bold or plain line that is exactly a section name', () => {
    const sections = model('Intro text.\n\n**Timeline:**\n\n- 09:00 UTC: x\n\nCorrective and Preventative Measures:\n- y\n').sections;
    assert.deepEqual(sections.map((s) => [s.form, s.canonical]), [
      ['label-line', 'timeline'],
      ['label-line', 'actions'],
    ]);
  });

  it('does not take a summary field for a section label', () => {
    const { sections, fields } = model('## Issue Summary\n\nImpact: everyone\nRoot Cause:\nA typo.\n');
    assert.deepEqual(sections.map((s) => s.canonical), ['summary']);
    assert.deepEqual(fields.map((f) => f.id), ['impact', 'rootCause']);
  });

  it('ignores headings inside code blocks', () => {
    assert.deepEqual(model('```\n## Timeline\n##Summary\n```\n').sections, []);
  });

  it('uses a profile\'s own section synonyms', () => {
    assert.equal(model('## Summary\n', GOOGLE_SRE).sections[0].canonical, 'summary');
  });
});
