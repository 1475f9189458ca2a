// What the core suggests where the writer types, with the clock fixed.
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { answersTrigger, suggest, type Suggestion } from '../../server/src/core/completions';
import { lint } from '../../server/src/core/lint';
import { builtinProfile } from '../../server/src/core/profiles';
import type { Profile } from '../../server/src/core/profiles';

const ALX = builtinProfile('alx')!;
const PAGERDUTY = builtinProfile('pagerduty')!;
/** 2024-04-10 13:07:42 UTC. */
const NOW = DateTime.fromISO('2024-04-10T13:07:42Z').toMillis();

/** Suggestions at the `|` in `marked`. */
function at(marked: string, profile: Profile = ALX, now = NOW): { suggestions: Suggestion[]; text: string } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text marks the cursor with |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const { model } = lint(text, { profile, rules: {} });
  return { suggestions: suggest({ text, model, profile, offset, now }), text };
}

function applied(text: string, suggestion: Suggestion): string {
  return text.slice(0, suggestion.replace.start) + suggestion.insertText + text.slice(suggestion.replace.end);
}

describe('completions', () => {
  describe('on a heading line', () => {
    it('offers the sections not yet written, in the profile order', () => {
      const { suggestions } = at('# Postmortem: x\n\n## Timeline\n\n- 09:00 UTC: a\n\n## |\n');
      assert.deepEqual(
        suggestions.map((s) => s.label),
        ['Issue Summary', 'Root Cause and Resolution', 'Corrective and Preventative Measures'],
      );
      assert.ok(suggestions.every((s) => s.kind === 'section'));
    });

    it('counts Root Cause + Resolution as the ALX combined section', () => {
      const { suggestions } = at('# P\n\n## Root Cause\n\nx\n\n## Resolution\n\ny\n\n## |');
      assert.ok(!suggestions.some((s) => s.label === 'Root Cause and Resolution'));
      assert.ok(suggestions.some((s) => s.label === 'Timeline'));
    });

    it('replaces what is typed after the hashes, and adds the missing space', () => {
      const typed = at('# P\n\n## Tim|\n');
      const timeline = typed.suggestions.find((s) => s.label === 'Timeline')!;
      assert.equal(applied(typed.text, timeline), '# P\n\n## Timeline\n');
      const bare = at('# P\n\n##|');
      assert.equal(
        applied(
          bare.text,
          bare.suggestions.find((s) => s.label === 'Timeline')!,
        ),
        '# P\n\n## Timeline',
      );
    });

    it('does not count the heading being typed as written', () => {
      const { suggestions } = at('# P\n\n## Timeline|\n');
      assert.ok(suggestions.some((s) => s.label === 'Timeline'));
    });

    it('offers nothing with text after the cursor', () => {
      assert.deepEqual(at('# P\n\n## |Timeline\n').suggestions, []);
    });
  });

  describe('at the start of a summary line', () => {
    const doc = (line: string) => `# P\n\n## Issue Summary\n\nDuration: April 10, 2024, 09:00 - 10:30 UTC\n${line}\n\n## Timeline\n\n- 09:00 UTC: a\n`;

    it('offers the field labels not yet written, required ones first', () => {
      const { suggestions } = at(doc('|'));
      const labels = suggestions.map((s) => s.label);
      assert.deepEqual(labels.slice(0, 2), ['Impact:', 'Root Cause:']);
      assert.ok(!labels.includes('Duration:'));
      assert.ok(labels.includes('Severity:'));
    });

    it('completes a partly typed label, and writes the Impact line with tab stops', () => {
      const { suggestions, text } = at(doc('Imp|'));
      const impact = suggestions.find((s) => s.label === 'Impact:')!;
      assert.equal(applied(text, impact), doc('Impact: ').replace('|', ''));
      assert.match(impact.snippet!, /^Impact: \$\{1:.+\}$/);
    });

    it('stays quiet while prose is being written', () => {
      assert.deepEqual(at(doc('The outage |')).suggestions, []);
    });

    it('offers nothing in other sections', () => {
      const { suggestions } = at('# P\n\n## Root Cause and Resolution\n\n|\n');
      assert.deepEqual(suggestions, []);
    });
  });

  describe('at the start of a timeline line', () => {
    it('offers now in the zone and format the timeline uses, then the previous entry', () => {
      const { suggestions, text } = at('# P\n\n## Timeline\n\n- 09:00 EAT: Alerts fired.\n- 09:30 EAT: Rolled back.\n- |\n');
      assert.deepEqual(
        suggestions.map((s) => s.label),
        ['16:07 EAT', '09:30 EAT'],
      );
      assert.equal(applied(text, suggestions[0]), '# P\n\n## Timeline\n\n- 09:00 EAT: Alerts fired.\n- 09:30 EAT: Rolled back.\n- 16:07 EAT: \n');
    });

    it('follows a 12-hour clock, lower-case am/pm, the separator and the list marker', () => {
      const { suggestions, text } = at('# P\n\n## Timeline\n\n* 9:00 am PST — Alerts fired.\n|\n', PAGERDUTY);
      assert.equal(suggestions[0].label, '5:07 am PST');
      assert.equal(applied(text, suggestions[0]), '# P\n\n## Timeline\n\n* 9:00 am PST — Alerts fired.\n* 5:07 am PST — \n');
    });

    it('writes the date when the entries do, in their format', () => {
      const iso = at('# P\n\n## Timeline\n\n- 2024-04-09 23:50:10 UTC: a\n- |\n').suggestions;
      assert.equal(iso[0].label, '2024-04-10 13:07:42 UTC');
      const long = at('# P\n\n## Timeline\n\n- April 9, 2024, 11:50 PM UTC: a\n- |\n').suggestions;
      assert.equal(long[0].label, 'April 10, 2024, 01:07 PM UTC');
    });

    it('uses the zone the timeline declares, without writing it on the entry', () => {
      const { suggestions } = at('# P\n\n## Timeline\n\nAll times in CET.\n\n- 09:00: a\n- |\n');
      assert.equal(suggestions[0].label, '14:07');
    });

    it('with no entries yet, writes 24-hour time in the window zone, else UTC', () => {
      const window = at('# P\n\n## Issue Summary\n\nDuration: April 10, 2024, 09:00 - 10:30 WAT\n\n## Timeline\n\n|\n').suggestions;
      assert.deepEqual(
        window.map((s) => s.label),
        ['14:07 WAT'],
      );
      const none = at('# P\n\n## Timeline\n\n- |\n', PAGERDUTY).suggestions;
      assert.deepEqual(
        none.map((s) => s.label),
        ['13:07 UTC'],
      );
    });

    it('takes the clock it is given', () => {
      const later = DateTime.fromISO('2024-04-10T23:59:00Z').toMillis();
      assert.equal(at('# P\n\n## Timeline\n\n- 09:00 UTC: a\n- |\n', ALX, later).suggestions[0].label, '23:59 UTC');
    });

    it('offers nothing after the time is written, or outside the timeline', () => {
      assert.deepEqual(at('# P\n\n## Timeline\n\n- 09:00 UTC: a\n- 09:10 UTC: b|\n').suggestions, []);
      assert.deepEqual(at('# P\n\n## Corrective and Preventative Measures\n\n- |\n').suggestions, []);
    });
  });

  it('answers a trigger character only where it can lead somewhere', () => {
    assert.ok(answersTrigger('##', '#'));
    assert.ok(answersTrigger('## ', ' '));
    assert.ok(answersTrigger('- ', ' '));
    assert.ok(answersTrigger('  12. ', ' '));
    assert.ok(!answersTrigger('The outage ', ' '));
    assert.ok(!answersTrigger('issue #', '#'));
    assert.ok(!answersTrigger('- 09:00 UTC: Alerts ', ' '));
  });

  it('never throws on odd positions', () => {
    const text = '# P\n\n## Timeline\n\n- 09:00 UTC: a\n';
    const { model } = lint(text, { profile: ALX, rules: {} });
    for (const offset of [-1, 0, text.length, text.length + 5]) assert.doesNotThrow(() => suggest({ text, model, profile: ALX, offset, now: NOW }));
  });
});
