// Templates and snippets never drift from the rules: every template, and every snippet expanded
// the way VS Code expands it (placeholders filled with sample text, clock variables at fixed
// moments), lints with no error under its own profile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { lint } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/model';
import { BUILTIN_PROFILES } from '../../server/src/core/profiles';
import type { Profile } from '../../server/src/core/profiles';
import {
  SNIPPETS,
  type SnippetDefinition,
  newPostmortemText,
  postmortemFileStem,
  postmortemPieces,
  renderText,
  sectionPieces,
  snippetsFile,
} from '../../server/src/core/templates';
import { clockVariables, expandSnippet } from '../support/snippetExpansion';

const REPO = join(__dirname, '..', '..', '..');
const SNIPPETS_PATH = join(REPO, 'snippets', 'postmortem.code-snippets');

/** Moments that exercise the clock variables: midnight hour, a leading-zero day, noon, afternoon, offsets. */
const MOMENTS = [
  DateTime.fromISO('2024-01-05T00:07:00', { zone: 'UTC' }),
  DateTime.fromISO('2024-04-10T12:30:00', { zone: 'Africa/Nairobi' }),
  DateTime.fromISO('2025-11-23T13:45:00', { zone: 'America/Los_Angeles' }),
  DateTime.fromISO('2024-07-31T23:59:00', { zone: 'Asia/Kolkata' }),
];

const PROSE = 'The checkout service returned errors to every customer after a configuration change';

function problems(findings: Finding[], levels: string[]): string {
  return findings
    .filter((f) => levels.includes(f.severity))
    .map((f) => `  ${f.severity} ${f.ruleId}: ${f.message}`)
    .join('\n');
}

function assertLintsClean(text: string, profile: Profile, what: string, levels = ['error']): void {
  const { findings } = lint(text, { profile, rules: {} });
  const found = problems(findings, levels);
  assert.equal(found, '', `${what} (${profile.id}) should lint with no ${levels.join('/')}:\n${found}\n--- text ---\n${text}`);
}

/** The snippet's body as VS Code reads it from the snippets file (the file equals snippetsFile(), tested below). */
function bodyOf(snippet: SnippetDefinition): string {
  return snippetsFile()[snippet.name].body.join('\n');
}

function profileById(id: string): Profile {
  return BUILTIN_PROFILES.find((p) => p.id === id)!;
}

describe('templates', () => {
  it('render each section exactly as the section-missing fix inserts it', () => {
    for (const profile of BUILTIN_PROFILES) {
      for (const section of profile.sections) {
        assert.equal(renderText(sectionPieces(section)).text, section.template, `${profile.id} ${section.id}`);
      }
    }
  });

  for (const profile of BUILTIN_PROFILES) {
    it(`${profile.id}: the template lints with no error and no warning`, () => {
      const { text } = renderText(postmortemPieces(profile));
      assertLintsClean(text, profile, 'the template', ['error', 'warning']);
      const { model } = lint(text, { profile, rules: {} });
      assert.deepEqual(
        profile.sections.map((s) => s.id),
        model.sections.filter((s) => s.canonical).map((s) => s.canonical),
        'every section of the profile, in order',
      );
      assert.equal(model.entries.length, 2, "the timeline template's two entries");
    });

    it(`${profile.id}: New Postmortem text has the title and date, lints clean, and selects the first thing to write`, () => {
      const { text, cursor } = newPostmortemText(profile, { title: 'Checkout errors after a config push', date: '2024-03-07' });
      assert.match(text, /^# Postmortem: Checkout errors after a config push\n/);
      assert.ok(text.includes(profile.id === 'alx' ? 'March 7, 2024' : 'Date: 2024-03-07'), text);
      assertLintsClean(text, profile, 'the new postmortem', ['error', 'warning']);
      const selected = text.slice(cursor.start, cursor.end);
      assert.ok(selected.length > 0, 'a sample is selected');
      assert.ok(!selected.includes('Checkout errors') && !selected.includes('2024'), `the selection is past what the command filled in: ${selected}`);
      const { model } = lint(text, { profile, rules: {} });
      if (profile.id === 'alx') assert.equal(model.window?.start?.instant, '2024-03-07T09:00:00.000Z');
    });
  }

  it('rejects a date that is not YYYY-MM-DD', () => {
    assert.throws(() => newPostmortemText(profileById('alx'), { title: 'x', date: '2024-02-30' }), /^Error: 2024-02-30: February 2024 has 29 days$/);
    assert.throws(() => newPostmortemText(profileById('alx'), { title: 'x', date: '07/03/2024' }), /YYYY-MM-DD/);
  });

  it('names files YYYY-MM-DD-<slug>', () => {
    assert.equal(postmortemFileStem('2024-03-07', 'Checkout: 502s after the config push!'), '2024-03-07-checkout-502s-after-the-config-push');
    assert.equal(postmortemFileStem('2024-03-07', 'Résumé ÉCHEC'), '2024-03-07-resume-echec');
    assert.equal(postmortemFileStem('2024-03-07', '!!!'), '2024-03-07-postmortem');
    assert.ok(postmortemFileStem('2024-03-07', 'a'.repeat(200)).length <= 71);
  });
});

describe('snippets', () => {
  it('snippets/postmortem.code-snippets is generated from the templates (run node scripts/generate-snippets.mjs)', () => {
    const onDisk = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8'));
    assert.deepEqual(onDisk, snippetsFile());
  });

  it('are contributed for Markdown', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/postmortem.code-snippets' }]);
  });

  it('all have pm- prefixes, and no two share one', () => {
    const prefixes = SNIPPETS.flatMap((s) => s.prefix);
    assert.ok(
      prefixes.every((p) => p.startsWith('pm-')),
      prefixes.join(' '),
    );
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const wanted of ['pm-alx', 'pm-google-sre', 'pm-pagerduty', 'pm-atlassian', 'pm-entry', 'pm-entry12', 'pm-duration', 'pm-action', 'pm-impact']) {
      assert.ok(prefixes.includes(wanted), wanted);
    }
  });

  for (const snippet of SNIPPETS.filter((s) => s.profile)) {
    const profile = profileById(snippet.profile!);
    it(`${snippet.prefix[0]}: expanded with defaults, sample prose and every choice, lints with no error`, () => {
      const body = bodyOf(snippet);
      for (const [m, moment] of MOMENTS.entries()) {
        const variables = clockVariables(moment);
        const defaults = expandSnippet(body, { variables });
        assert.ok(!/\$\{|\$[0-9A-Z]/.test(defaults.text), `no snippet syntax left:\n${defaults.text}`);
        assert.ok(
          defaults.text.includes(moment.setLocale('en-US').toFormat(profile.id === 'alx' ? 'LLLL d, yyyy' : 'yyyy-MM-dd')),
          `today's date:\n${defaults.text}`,
        );
        assertLintsClean(defaults.text, profile, `${snippet.prefix[0]} with its defaults at ${moment.toISO()}`, ['error', 'warning']);

        // Sample prose in every free-text placeholder; the m-th option of every choice.
        const filled = expandSnippet(body, {
          variables,
          fill: (index, defaultText, choices) =>
            choices ? choices[(m + index) % choices.length] : /\d/.test(defaultText) || !defaultText ? undefined : `${PROSE} (${index}).`,
        });
        assert.ok(filled.text.includes(PROSE));
        assertLintsClean(filled.text, profile, `${snippet.prefix[0]} filled in at ${moment.toISO()}`);
      }
    });
  }

  it('every choice of every placeholder lints with no error', () => {
    for (const snippet of SNIPPETS.filter((s) => s.profile)) {
      const profile = profileById(snippet.profile!);
      const body = bodyOf(snippet);
      const choiceCounts = new Map<number, number>();
      expandSnippet(body, { variables: clockVariables(MOMENTS[0]), fill: (i, _d, choices) => (choices && choiceCounts.set(i, choices.length), undefined) });
      for (const [index, count] of choiceCounts) {
        for (let k = 0; k < count; k++) {
          const { text } = expandSnippet(body, { variables: clockVariables(MOMENTS[1]), fill: (i, _d, choices) => (i === index ? choices![k] : undefined) });
          assertLintsClean(text, profile, `${snippet.prefix[0]} with choice ${k} of $${index}`, ['error', 'warning']);
        }
      }
    }
  });

  // The small snippets, typed into each profile's template where they belong.
  for (const snippet of SNIPPETS.filter((s) => s.section)) {
    it(`${snippet.prefix[0]}: typed into each profile's ${snippet.section} section, lints with no error`, () => {
      for (const profile of BUILTIN_PROFILES) {
        for (const moment of MOMENTS) {
          const line = expandSnippet(bodyOf(snippet), { variables: clockVariables(moment) }).text;
          const text = typeInto(renderText(postmortemPieces(profile)).text, profile, snippet.section!, line);
          assertLintsClean(text, profile, `${snippet.prefix[0]} at ${moment.toISO()}`);
        }
      }
    });
  }

  it('pm-entry and pm-entry12 stamp the current time and zone, and the server reads them back as that instant', () => {
    const profile = profileById('pagerduty');
    for (let hour = 0; hour < 24; hour++) {
      const moment = DateTime.fromObject({ year: 2024, month: 4, day: 10, hour, minute: 5 }, { zone: 'Africa/Nairobi' });
      for (const prefix of ['pm-entry', 'pm-entry12']) {
        const snippet = SNIPPETS.find((s) => s.prefix.includes(prefix))!;
        const line = expandSnippet(bodyOf(snippet), { variables: clockVariables(moment) }).text;
        const expected = moment.setLocale('en-US').toFormat(prefix === 'pm-entry' ? 'HH:mm' : 'h:mm a');
        assert.equal(line, `- ${expected} UTC+03:00: What happened.`);
        const text = typeInto(renderText(postmortemPieces(profile)).text, profile, 'timeline', line);
        const entry = lint(text, { profile, rules: {} }).model.entries.at(-1)!;
        assert.equal(entry.timestamp.raw, `${expected} UTC+03:00`);
        assert.equal(DateTime.fromISO(entry.timestamp.instant!, { setZone: true }).toFormat('HH:mm ZZ'), moment.toFormat('HH:mm ZZ'));
      }
    }
  });
});

/**
 * The text with `line` typed into a section: a summary field replaces the line with the same
 * label, anything else goes after the section's last line.
 */
function typeInto(text: string, profile: Profile, sectionId: string, line: string): string {
  const label = /^([A-Z][\w ]*):/.exec(line)?.[1];
  if (label) {
    const existing = new RegExp(`^${label}:.*$`, 'm').exec(text);
    if (existing) return text.slice(0, existing.index) + line + text.slice(existing.index + existing[0].length);
  }
  const { model } = lint(text, { profile, rules: {} });
  const section = model.sections.find((s) => s.canonical === sectionId);
  assert.ok(section, `the ${profile.id} template has a ${sectionId} section`);
  const body = text.slice(section.bodySpan.start, section.bodySpan.end);
  const at = section.bodySpan.start + body.trimEnd().length;
  return `${text.slice(0, at)}\n${line}${text.slice(at)}`;
}

describe('new postmortem dates', () => {
  it('says what is wrong with an impossible date, and asks for YYYY-MM-DD otherwise', async () => {
    const { newPostmortemText } = await import('../../server/src/core/templates');
    const { ALX } = await import('../../server/src/core/profiles/builtin');
    assert.throws(() => newPostmortemText(ALX, { title: 'x', date: '2023-02-29' }), /February 2023 has 28 days/);
    assert.throws(() => newPostmortemText(ALX, { title: 'x', date: 'yesterday' }), /"yesterday" is not a date written YYYY-MM-DD/);
  });
});
