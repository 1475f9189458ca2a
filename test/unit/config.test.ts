// core/config: reading `.postmortemrc.json` (every field of a custom profile checked), finding it by
// walking up (the one discovery the server and the CLI share), and the `rules` setting.
import assert from 'node:assert/strict';
import { findConfig, parseConfigFile, readRules, resolveOptions, resolveProfile } from '../../server/src/core/config';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { lint } from '../../server/src/core/lint';
import { ALX } from '../../server/src/core/profiles/builtin';

const POSTMORTEM = '# Outage postmortem\n\n## Issue Summary\n\nDuration: 1 hour\n\n## Comms\n\nWe posted on the status page.\n';

/** A config file holding one custom profile `acme`, used by `"profile"`. */
function withProfile(definition: unknown): string {
  return JSON.stringify({ profile: 'acme', profiles: { acme: definition } });
}

describe('core/config', function () {
  describe('parseConfigFile', function () {
    it('reads a file saved with a byte order mark, with spans in the text without it', function () {
      const { config, findings } = parseConfigFile('\uFEFF{ "rules": { "word-count": "off" } }');
      assert.deepEqual(findings, []);
      assert.deepEqual(config, { rules: { 'word-count': 'off' } });
      const broken = parseConfigFile('\uFEFF{ "nope": 1 }');
      assert.equal(broken.findings.length, 1);
      assert.deepEqual(broken.findings[0].span, { start: 2, end: 8 });
    });

    it('reports "synonyms": 5 as config-invalid, drops the profile, and linting with the result does not throw', function () {
      const text = withProfile({ sections: [{ title: 'Comms', synonyms: 5 }] });
      const { config, findings } = parseConfigFile(text);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.message]),
        [
          ['config-invalid', 'Profile "acme": sections[0].synonyms must be an array of strings.'],
          ['config-invalid', 'Profile "acme" is not used until its definition is fixed (see its other problems); the default profile applies.'],
        ],
      );
      assert.equal(config.profiles?.acme, undefined);
      const options = resolveOptions(DEFAULT_SETTINGS, config);
      assert.equal(options.profile.id, 'alx');
      assert.doesNotThrow(() => lint(POSTMORTEM, options));
    });

    const BAD_DEFINITIONS: [string, unknown, string][] = [
      ['a definition that is not an object', 7, 'must be an object.'],
      ['name', { name: 3 }, '"name" must be a string.'],
      ['description', { description: ['x'] }, '"description" must be a string.'],
      ['extends', { extends: 'nope' }, '"extends" must name a built-in profile (alx, google-sre, pagerduty, atlassian).'],
      ['sections', { sections: {} }, '"sections" must be an array of {"title": ...} objects.'],
      ['a section', { sections: ['Comms'] }, 'sections[0] must be an object with a "title".'],
      ['sections[].title', { sections: [{ title: '' }] }, 'sections[0].title must be a non-empty string.'],
      ['sections[].id', { sections: [{ title: 'Comms', id: 4 }] }, 'sections[0].id must be a non-empty string.'],
      ['sections[].synonyms', { sections: [{ title: 'Comms', synonyms: [1] }] }, 'sections[0].synonyms must be an array of strings.'],
      ['sections[].required', { sections: [{ title: 'Comms', required: 'yes' }] }, 'sections[0].required must be true or false.'],
      ['sections[].template', { sections: [{ title: 'Comms', template: null }] }, 'sections[0].template must be a string (the Markdown body of the section).'],
      ['a repeated section id', { sections: [{ title: 'Comms' }, { title: 'Other', id: 'comms' }] }, 'sections[1]: a second section with the id "comms".'],
      [
        'requiredFields',
        { requiredFields: 'duration' },
        '"requiredFields" must be an array of field ids (duration, impact, rootCause, start, end, detected, severity, date, authors).',
      ],
      [
        'requiredFields entries',
        { requiredFields: ['duration', 'colour'] },
        '"requiredFields": unknown field "colour" (expected duration, impact, rootCause, start, end, detected, severity, date, authors).',
      ],
      [
        'fieldsSection',
        { fieldsSection: 'impact' },
        '"fieldsSection" must be the id of one of the profile\'s sections (summary, timeline, rootCauseAndResolution, actions).',
      ],
      [
        'fieldsSection against its own sections',
        { sections: [{ title: 'Comms' }], fieldsSection: 'summary' },
        '"fieldsSection" must be the id of one of the profile\'s sections (comms).',
      ],
      ['words', { words: { min: 500, max: 100 } }, '"words" must be {"min": n, "max": m} with whole numbers 0 <= n <= m, or null for no word range.'],
      ['words as a number', { words: 400 }, '"words" must be {"min": n, "max": m} with whole numbers 0 <= n <= m, or null for no word range.'],
      ['timelineAsList', { timelineAsList: 'no' }, '"timelineAsList" must be true or false.'],
    ];
    for (const [what, definition, message] of BAD_DEFINITIONS) {
      it(`custom profile, ${what}: config-invalid, and the profile is not used`, function () {
        const { config, findings } = parseConfigFile(withProfile(definition));
        assert.deepEqual(findings[0], {
          ruleId: 'config-invalid',
          severity: 'error',
          message: `Profile "acme": ${message}`,
          span: findings[0].span,
          fixes: [],
        });
        assert.equal(findings.length, 2, JSON.stringify(findings));
        assert.equal(config.profiles?.acme, undefined);
        assert.equal(config.profile, undefined);
      });
    }

    it('reports an unknown key in a profile or a section but still uses the profile', function () {
      const { config, findings } = parseConfigFile(withProfile({ sections: [{ title: 'Comms', synonym: ['Status page'] }], colour: 'red' }));
      assert.deepEqual(
        findings.map((f) => f.message),
        [
          'Profile "acme": sections[0]: unknown key "synonym" (expected id, title, synonyms, required, template).',
          'Profile "acme": unknown key "colour" (expected name, description, extends, sections, requiredFields, fieldsSection, words, timelineAsList, actionItems, timelineStory, tasksToDo).',
        ],
      );
      assert.equal(config.profile, 'acme');
      assert.equal(resolveProfile('acme', config).sections[0].title, 'Comms');
    });

    it('accepts a profile with every field right', function () {
      const definition = {
        name: 'Acme',
        description: 'Ours',
        extends: 'google-sre',
        sections: [
          { id: 'summary', title: 'Summary' },
          { title: 'Comms', synonyms: ['Status page'], required: false, template: 'Who we told.\n' },
        ],
        requiredFields: ['severity'],
        fieldsSection: 'summary',
        words: null,
        timelineAsList: true,
      };
      const { config, findings } = parseConfigFile(withProfile(definition));
      assert.deepEqual(findings, []);
      assert.deepEqual(config.profiles?.acme, definition);
    });
  });

  describe('custom profile sections', function () {
    it("a known section without a template gets the base profile's body for it, not its title", function () {
      const { config } = parseConfigFile(
        withProfile({
          sections: [
            { id: 'summary', title: 'Issue Summary' },
            { id: 'timeline', title: 'Timeline' },
          ],
        }),
      );
      const profile = resolveProfile('acme', config);
      const alxTimeline = ALX.sections.find((s) => s.id === 'timeline')!.template;
      assert.equal(profile.sections[1].template, alxTimeline);
      const { findings } = lint('# Outage postmortem\n\n## Issue Summary\n\nDuration: 1 hour\n', { profile, rules: {} });
      const missing = findings.find((f) => f.ruleId === 'section-missing')!;
      assert.equal(missing.fixes[0].edits[0].newText, `\n## Timeline\n\n${alxTimeline}`);
    });

    it("a known section the base profile lacks gets a built-in profile's body; an unknown one an empty body", function () {
      const { config } = parseConfigFile(withProfile({ sections: [{ id: 'detection', title: 'Detection' }, { title: 'Comms' }] }));
      const [detection, comms] = resolveProfile('acme', config).sections;
      assert.equal(detection.template, 'How we found out.\n');
      assert.equal(comms.template, '\n');
    });
  });

  describe('findConfig', function () {
    /** A file system of '/'-separated paths; a null text stands for a file that cannot be read. */
    function files(entries: Record<string, string | null>): { read: (path: string) => string | undefined; asked: string[] } {
      const asked: string[] = [];
      return {
        asked,
        read(path) {
          asked.push(path);
          const text = entries[path];
          if (text === null) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
          return text;
        },
      };
    }

    it('finds the nearest config file in the folder or above, and says where it is', function () {
      const fs = files({ '/repo/.postmortemrc.json': '{ "profile": "google-sre" }', '/repo/docs/.postmortemrc.json': '{ "profile": "pagerduty" }' });
      assert.equal(findConfig('/repo/docs/incidents', fs.read)?.path, '/repo/docs/.postmortemrc.json');
      assert.equal(findConfig('/repo/docs/incidents', fs.read)?.config.profile, 'pagerduty');
      assert.equal(findConfig('/repo/src', fs.read)?.config.profile, 'google-sre');
    });

    it('walks up to the root and stops there, on POSIX and Windows paths', function () {
      const posix = files({});
      assert.equal(findConfig('/a/b/', posix.read), undefined);
      assert.deepEqual(posix.asked, ['/a/b/.postmortemrc.json', '/a/.postmortemrc.json', '/.postmortemrc.json']);
      const windows = files({});
      assert.equal(findConfig('C:/a/b', windows.read), undefined);
      assert.deepEqual(windows.asked, ['C:/a/b/.postmortemrc.json', 'C:/a/.postmortemrc.json', 'C:/.postmortemrc.json']);
      const share = files({});
      assert.equal(findConfig('//server/share/docs', share.read), undefined);
      assert.deepEqual(share.asked, ['//server/share/docs/.postmortemrc.json', '//server/share/.postmortemrc.json', '//server/.postmortemrc.json']);
    });

    it('drops a byte order mark from the text it returns, so spans point into that text', function () {
      const found = findConfig('/repo', files({ '/repo/.postmortemrc.json': '\uFEFF{ "profile": 3 }' }).read)!;
      assert.equal(found.text, '{ "profile": 3 }');
      assert.equal(found.findings.length, 1);
      assert.equal(found.text.slice(found.findings[0].span.start, found.findings[0].span.end), '"profile"');
    });

    it('reports a config file that is there but cannot be read, instead of looking further up', function () {
      const found = findConfig('/repo/docs', files({ '/repo/docs/.postmortemrc.json': null, '/repo/.postmortemrc.json': '{}' }).read)!;
      assert.equal(found.path, '/repo/docs/.postmortemrc.json');
      assert.deepEqual(found.config, {});
      assert.deepEqual(
        found.findings.map((f) => [f.ruleId, f.message]),
        [['config-invalid', '.postmortemrc.json cannot be read (EACCES).']],
      );
    });
  });

  describe('readRules (the postmortem.rules setting)', function () {
    it('keeps the valid entries and names the others', function () {
      const { rules, problems } = readRules({ 'timestamp-order': 'loud', 'heading-space': 'info', 'no-such-rule': 'off' });
      assert.deepEqual(rules, { 'heading-space': 'info' });
      assert.deepEqual(problems, [
        { key: 'timestamp-order', message: 'Rule "timestamp-order": "loud" is not one of off, info, warning, error.' },
        { key: 'no-such-rule', message: 'Unknown rule "no-such-rule".' },
      ]);
    });

    it('reads nothing from a value that is not an object', function () {
      assert.deepEqual(readRules(undefined), { rules: {}, problems: [] });
      assert.deepEqual(readRules(['off']), {
        rules: {},
        problems: [{ key: 'rules', message: '"rules" must be an object of rule id -> off | info | warning | error.' }],
      });
    });
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
