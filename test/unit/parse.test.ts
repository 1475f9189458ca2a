import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { ALX, GOOGLE_SRE } from '../../server/src/core/profiles/builtin';

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

describe('parse: fields and the incident window', () => {
  const forms = ['Duration: 09:00 - 10:00 UTC', '**Duration:** 09:00 - 10:00 UTC', '**Duration**: 09:00 - 10:00 UTC', '- Duration: 09:00 - 10:00 UTC'];
  for (const line of forms) {
    it(`reads the field in "${line}"`, () => {
      const { fields, window } = model(`## Issue Summary\n\n${line}\n`);
      assert.equal(fields[0].id, 'duration');
      assert.equal(fields[0].value, '09:00 - 10:00 UTC');
      assert.equal(window?.zone, 'UTC');
      assert.equal(window?.end!.epochMs! - window?.start!.epochMs!, 3600_000);
    });
  }

  it('takes the window from Start and End fields', () => {
    const { window } = model('## Summary\n\n- Duration:\n  - Start Time: March 11, 2024, 09:30 AM (UTC)\n  - End Time: March 11, 2024, 03:45 PM (UTC)\n');
    assert.equal(window?.start?.instant, '2024-03-11T09:30:00.000Z');
    assert.equal(window?.end?.instant, '2024-03-11T15:45:00.000Z');
  });

  it('reads a window across midnight as ending the next day', () => {
    const { window } = model('Duration: 2024-01-05 10:00 PM - 01:30 AM EAT\n');
    assert.equal(window?.start?.instant, '2024-01-05T22:00:00.000+03:00');
    assert.equal(window?.end?.instant, '2024-01-06T01:30:00.000+03:00');
  });

  it('reads a start time, a date and a length written as prose', () => {
    const { window } = model('- **Duration**: Started at **10:00 am GMT** on **3rd June 2023**, lasting **37 minutes**.\n');
    assert.equal(window?.error, undefined);
    assert.equal(window?.start?.instant, '2023-06-03T10:00:00.000Z');
    assert.equal(window?.statedMinutes, 37);
  });

  it('keeps a stated length and where it is written', () => {
    const text = 'Duration: 2024-04-10 09:00 - 13:00 UTC (4 hours)\n';
    const { window } = model(text);
    assert.equal(window?.statedMinutes, 240);
    assert.equal(text.slice(window!.statedSpan!.start, window!.statedSpan!.end), '4 hours');
  });
});

describe('parse: timeline entries', () => {
  const timeline = (lines: string) => model(`Duration: 2024-04-10 09:00 - 13:00 UTC\n\n## Timeline\n\n${lines}\n`).entries;

  const forms: [string, string, string][] = [
    ['09:00 AM: Alert fired.', '09:00 AM', 'Alert fired.'],
    ['- 09:00 - Alert fired.', '09:00', 'Alert fired.'],
    ['* **09:00** – Alert fired.', '09:00', 'Alert fired.'],
    ['- `15:40` Alert fired.', '15:40', 'Alert fired.'],
    ['- [09:00:13] Alert fired.', '09:00:13', 'Alert fired.'],
    ['- 2024-04-10 09:00 UTC - Alert fired.', '2024-04-10 09:00 UTC', 'Alert fired.'],
  ];
  for (const [line, raw, text] of forms) {
    it(`reads "${line}"`, () => {
      const [entry] = timeline(line);
      assert.equal(entry.timestamp.raw, raw);
      assert.equal(entry.text, text);
    });
  }

  it('reads table rows, skipping the header', () => {
    const entries = timeline('| Time | Event |\n| --- | --- |\n| 14:54 | Alert fired |\n| 15:10 | Rolled back |');
    assert.deepEqual(entries.map((e) => [e.form, e.timestamp.raw, e.text]), [
      ['table-row', '14:54', 'Alert fired'],
      ['table-row', '15:10', 'Rolled back'],
    ]);
  });

  it('takes the date from the window, the zone from "all times in ..." and rolls past midnight', () => {
    const entries = model('Duration: 2024-04-10 23:00 - 2024-04-11 01:00\n\n## Timeline\n\nAll times in EAT.\n\n- 23:50 paged\n- 00:20 mitigated\n').entries;
    assert.equal(entries[0].timestamp.instant, '2024-04-10T23:50:00.000+03:00');
    assert.equal(entries[1].timestamp.instant, '2024-04-11T00:20:00.000+03:00');
    assert.equal(entries[1].rolledOver, true);
  });

  it('takes the date from a date heading above the entries', () => {
    const entries = model('## Timeline\n\n### Sep 27 2017\n\n- 13:06 deployed\n\n### Sep 28 2017\n\n- 09:00 fixed\n').entries;
    assert.equal(entries[0].timestamp.instant?.slice(0, 10), '2017-09-27');
    assert.equal(entries[1].timestamp.instant?.slice(0, 10), '2017-09-28');
  });

  it('marks the phases the text names', () => {
    const entries = timeline('- 09:00 Alert fired, outage detected\n- 09:05 Escalated to the DB team\n- 10:00 Rolled back the deploy\n- 12:00 Service fully restored');
    assert.deepEqual(entries.map((e) => e.phase), ['detected', 'escalated', 'mitigated', 'resolved']);
  });

  it('marks phases with configured words too', () => {
    const text = 'Duration: 2024-04-10 09:00 - 13:00 UTC\n\n## Timeline\n\n- 09:00 Pager went off\n- 10:00 We failed over to the standby\n';
    assert.deepEqual(parse(text, ALX).model.entries.map((e) => e.phase), [undefined, undefined]);
    const words = { detected: ['pager went off'], mitigated: ['failed over'] };
    assert.deepEqual(parse(text, ALX, words).model.entries.map((e) => e.phase), ['detected', 'mitigated']);
  });

  it('keeps an impossible time as an entry with its error', () => {
    const [entry] = timeline('- 13:00 PM rollback');
    assert.equal(entry.timestamp.instant, undefined);
    assert.match(entry.timestamp.error!, /^13:00 PM/);
  });

  it('ignores lines that do not start with a timestamp, and code blocks', () => {
    assert.equal(timeline('- Then at 09:00 things broke\n\n```\n09:00 log line\n```').length, 0);
  });
});

describe('parse: front matter', () => {
  it('reads closed front matter as data', () => {
    assert.equal(model('---\ntitle: Login outage\ndate: 2024-05-02\n---\n\n## Summary\n').frontMatter?.title, 'Login outage');
  });

  it('still reads lists after a --- that opens no front matter', () => {
    const entries = model('---\n## Timeline\n\n- 00:00 UTC: detected\n').entries;
    assert.equal(entries[0].form, 'list-item');
  });
});

describe('parse: words', () => {
  it('counts a word once across apostrophes, hyphens and dots inside it, and any script', async () => {
    const { countWords } = await import('../../server/src/core/parse');
    // don't · re-run · v1.2 · l'équipe · a · rétabli · le · service · 数据库
    assert.equal(countWords("don't re-run v1.2 — l'équipe a rétabli le service ; 数据库"), 9);
    assert.equal(countWords('  -- ... 42 '), 1);
  });

  it('counts the words of each section body from its prose only', () => {
    const { sections } = model('## Timeline\n\n```\nnot counted here\n```\n\nOne two [three](https://example.com/x).\n\n## Root Cause\n\nFour.\n');
    assert.deepEqual(sections.map((s) => s.bodyWords), [3, 1]);
  });

  it('counts prose words, not code, URLs in links or front matter', () => {
    const { wordCount } = model('---\ntitle: x y z\n---\n# One two\n\nthree [four](https://example.com/a/b) `code`\n\n```\nnot counted\n```\n');
    assert.equal(wordCount, 4);
  });
});

describe('config: phase words', () => {
  it('reads phaseWords from .postmortemrc.json, and rejects an unknown phase with a message', async () => {
    const { parseConfigFile, resolveOptions } = await import('../../server/src/core/config');
    const { normaliseSettings } = await import('../../server/src/core/settings');
    const good = parseConfigFile('{ "phaseWords": { "mitigated": ["failed over"] } }');
    assert.deepEqual(good.findings, []);
    const options = resolveOptions(normaliseSettings({ phaseWords: { detected: ['pager went off'] } }), good.config);
    assert.deepEqual(options.phaseWords, { detected: ['pager went off'], mitigated: ['failed over'] });
    const bad = parseConfigFile('{ "phaseWords": { "fixed": ["x"] } }');
    assert.match(bad.findings[0].message, /unknown phase "fixed"/);
  });
});

describe('parse: tables', () => {
  it('reads a timeline table with CRLF line ends', () => {
    const text = '## Timeline\r\n\r\n| Time | Event |\r\n| --- | --- |\r\n| 14:54 UTC | Alert fired |\r\n';
    assert.deepEqual(model(text).entries.map((e) => [e.form, e.timestamp.raw]), [['table-row', '14:54 UTC']]);
  });

  it('reads a table whose delimiter row has colons and no outer pipes', () => {
    const text = '## Timeline\n\nTime | Event\n:--- | ---:\n14:54 UTC | Alert fired\n';
    assert.deepEqual(model(text).entries.map((e) => e.form), ['table-row']);
  });
});
