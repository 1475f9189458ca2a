// The action-item reader (list items, task-list items, table rows) and what custom profiles and
// `.postmortemrc.json` word lists change in the writing-quality rules.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { isTrackedInPlace, readActionItems, trackedChecklists, vaguenessOf } from '../../server/src/core/actionItems';
import { parseConfigFile, resolveOptions } from '../../server/src/core/config';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { builtinProfile, defaultProfile } from '../../server/src/core/profiles';
import { BUILTIN_WORDS, resolveWordLists } from '../../server/src/core/wordLists';
import { applyEdits } from '../../server/src/core/fixes';

const GOOGLE = builtinProfile('google-sre')!;

function items(body: string) {
  const text = `# Postmortem\n\n## Action Items\n\n${body}\n\n## Timeline\n\n- [ ] 09:00 not an action item\n`;
  const { model, root } = parse(text, GOOGLE);
  return readActionItems(text, model, root);
}

describe('action items', function () {
  it('reads a document once for every rule that asks, each getting a list of its own', function () {
    const text = `# Postmortem\n\n## Action Items\n\n- Add an alert when the queue backs up\n- Roll back faster\n`;
    const { model, root } = parse(text, GOOGLE);
    const first = readActionItems(text, model, root);
    first.push(first[0]);
    const second = readActionItems(text, model, root);
    assert.deepEqual(
      second.map((item) => item.text),
      ['Add an alert when the queue backs up', 'Roll back faster'],
    );
    // Another model of the same tree (a different profile's reading) is read afresh.
    const other = parse(text, defaultProfile());
    assert.deepEqual(
      readActionItems(text, other.model, root).map((item) => item.text),
      second.map((item) => item.text),
    );
  });

  it('reads list items, task-list items and table rows with their parts', function () {
    const read = items(
      [
        '- Add an alert when the queue backs up (owner: @sam, due: 2024-06-01, ticket: OPS-12)',
        '- [x] Roll back the release',
        '- [ ] Page the owning team on renewal failures, P1, [issue](https://github.com/acme/ops/issues/7)',
        '',
        '| Action item | Type | Owner | Bug | Priority |',
        '| --- | --- | --- | --- | --- |',
        '| Validate configs before deploy | prevent | @lee | b/1234 | P2 |',
        '| Dashboard for queue depth | detect | ??? | TODO | |',
      ].join('\n'),
    );
    assert.deepEqual(
      read.map((item) => [item.form, item.text, item.done, Object.keys(item.parts).sort().join(',')]),
      [
        ['list-item', 'Add an alert when the queue backs up (owner: @sam, due: 2024-06-01, ticket: OPS-12)', false, 'due,owner,ticket'],
        ['task', 'Roll back the release', true, ''],
        ['task', 'Page the owning team on renewal failures, P1, issue', false, 'priority,ticket'],
        ['table-row', 'Validate configs before deploy', false, 'owner,priority,ticket,type'],
        ['table-row', 'Dashboard for queue depth', false, 'type'],
      ],
    );
  });

  it('reads the items under a label item, not the label, and stops at the next section at its level', function () {
    const read = items('- **Improvements:**\n  - Add a pre-deploy check for the proxy config.\n\n## Responders\n\n- @sam');
    assert.deepEqual(
      read.map((item) => item.text),
      ['Add a pre-deploy check for the proxy config.'],
    );
  });

  it('reads lines marked as items that Markdown runs into one paragraph, and leaves a lone marked line alone', function () {
    const read = items('Tasks:\n    - Add a checksum to every index file.\n    - Page the search team on checksum failures.\n\n- one real item\n');
    assert.deepEqual(
      read.map((item) => [item.form, item.text]),
      [
        ['line', 'Add a checksum to every index file.'],
        ['line', 'Page the search team on checksum failures.'],
        ['list-item', 'one real item'],
      ],
    );
    const glyphs = items('&nbsp;•&nbsp;&nbsp;Add a disk alert.  \n&nbsp;•&nbsp;&nbsp;Rotate logs daily.\n');
    assert.deepEqual(
      glyphs.map((item) => item.text),
      ['Add a disk alert.', 'Rotate logs daily.'],
    );
    assert.deepEqual(items('We will do this:\n    - Add a disk alert.\n'), []);
  });

  it('a checklist with ticked boxes tracks its open boxes in place; a list without ticks does not', function () {
    const checklist = items('- [x] Add a disk alert.\n- [ ] Rotate logs daily.\n');
    assert.equal(isTrackedInPlace(checklist[1], trackedChecklists(checklist)), true);
    const open = items('- [ ] Add a disk alert.\n- [ ] Rotate logs daily.\n');
    assert.equal(isTrackedInPlace(open[1], trackedChecklists(open)), false);
  });

  it('tells vague items from concrete ones', function () {
    const vague = (text: string) =>
      vaguenessOf({ form: 'list-item', span: { start: 0, end: 0 }, text, done: false, parts: {}, group: { start: 0, end: 0 } }, BUILTIN_WORDS)?.kind;
    assert.equal(vague('Be more careful with firewall rules.'), 'people');
    assert.equal(vague('Remind the team to run the tests.'), 'people');
    assert.equal(vague('Improve monitoring.'), 'vague');
    assert.equal(vague('**Monitoring:** Look into the alerting.'), 'vague');
    assert.equal(vague('Run as many tests as possible before deploying.'), 'vague');
    assert.equal(vague('Improve the retry logic so that a failed shard is rebuilt before the swap.'), undefined);
    assert.equal(vague('Add an alert when the error rate passes 5%.'), undefined);
    const withTicket = (text: string) =>
      vaguenessOf({ form: 'list-item', span: { start: 0, end: 0 }, text, done: false, parts: { ticket: 'x' }, group: { start: 0, end: 0 } }, BUILTIN_WORDS)
        ?.kind;
    assert.equal(withTicket('https://tracker.example.com/issues/41'), 'bare');
    assert.equal(withTicket('See OPS-12'), 'bare');
    assert.equal(withTicket('Uptime alerting: https://tracker.example.com/issues/41'), undefined);
    assert.equal(vague('Code review: this ensures that typos never reach production.'), 'practice');
    assert.equal(vague('Code review: run the linter in CI on every pull request.'), undefined);
    assert.equal(vague('Whenever the server has errors, we will find and fix them.'), 'promise');
    assert.equal(vague('Whenever a deploy fails, roll it back automatically.'), undefined);
    assert.equal(vague('Monitoring: this will be an alert on the error rate.'), undefined);
    assert.equal(vague('Restrict writes for certain users.'), 'vague');
  });

  it('a list opening with complete items is reported at its heading, naming the item that misses parts', function () {
    const text = '# Postmortem\n\n## Action Items\n\n- Page on stuck merges (#12).\n- Write an onboarding guide for the rotation.\n';
    const [finding] = lint(text, { profile: GOOGLE, rules: {} }).findings.filter((f) => f.ruleId === 'action-item-incomplete');
    assert.equal(text.slice(finding.span.start, finding.span.end), '## Action Items');
    assert.match(finding.message, /^1 of the 2 open action items in this list has no owner.*\("Write an onboarding guide for the rotation\."\)/);
  });

  it('the action-item-incomplete fix adds placeholders before the closing period, with a snippet twin, and eats nothing', function () {
    const text = '# Postmortem\n\n## Action Items\n\n- Add an alert when the queue backs up.\n';
    const finding = lint(text, { profile: GOOGLE, rules: {} }).findings.find((f) => f.ruleId === 'action-item-incomplete')!;
    assert.equal(
      finding.message,
      'This action item has no owner, priority or type (mitigate, detect, prevent), and no tracking reference (ticket) that carries them: the Google SRE profile asks each open item for an owner, a priority and a type (mitigate, detect, prevent), or a tracking reference (ticket) that carries them.',
    );
    const [edit] = finding.fixes[0].edits;
    assert.equal(
      applyEdits(text, [edit]).text,
      '# Postmortem\n\n## Action Items\n\n- Add an alert when the queue backs up (owner: @…, priority: P…, type: …).\n',
    );
    assert.equal(edit.snippet, ' (owner: @${1:owner}, priority: P${2:2}, type: ${3|prevent,detect,mitigate|})');
  });
});

describe('writing-quality configuration', function () {
  it('a custom profile chooses the parts each action item needs and the story the timeline tells', function () {
    const { config, findings } = parseConfigFile(
      JSON.stringify({ profile: 'acme', profiles: { acme: { extends: 'alx', actionItems: ['owner', 'due|priority'], timelineStory: ['detected'] } } }),
    );
    assert.deepEqual(findings, []);
    const options = resolveOptions(DEFAULT_SETTINGS, config);
    assert.deepEqual(options.profile.actionItemParts, [['owner'], ['due', 'priority']]);
    const text =
      '# Postmortem\n\n## Timeline\n\n- 09:00 UTC: Alert fired, outage detected.\n\n## Corrective and Preventative Measures\n\n- Add a disk alert (owner: @sam).\n- Add a pre-deploy check (owner: @lee, P1).\n';
    const found = lint(text, options).findings.filter((f) => ['action-item-incomplete', 'timeline-coverage'].includes(f.ruleId));
    assert.deepEqual(
      found.map((f) => f.message),
      ['This action item has no due date or priority: the acme profile asks each open item for an owner and a due date or a priority.'],
    );
  });

  it('the ALX timeline must say how the issue was detected: an opening symptom does, an opening deploy does not', function () {
    const coverage = (timeline: string) => {
      const text = `# Postmortem\n\n## Timeline\n\n${timeline}\n\n## Root Cause and Resolution\n\nA bad index.\n`;
      return lint(text, { profile: defaultProfile(), rules: {} })
        .findings.filter((f) => f.ruleId === 'timeline-coverage')
        .map((f) => text.slice(f.span.start, f.span.end));
    };
    assert.deepEqual(coverage('- 09:00 UTC: 500 errors for every visitor.\n- 09:30 UTC: The index was rolled back.'), []);
    assert.deepEqual(coverage('- 09:00 UTC: The index was deployed.\n- 09:10 UTC: An engineer noticed empty results.'), []);
    assert.deepEqual(coverage('- 09:00 UTC: The index was deployed; outage begins.\n- 09:10 UTC: The typo was caught in the config.'), [
      '09:00 UTC: The index was deployed; outage begins.',
    ]);
  });

  it('reports bad actionItems, timelineStory and words in .postmortemrc.json, naming what is expected', function () {
    const messages = (value: object) => parseConfigFile(JSON.stringify(value)).findings.map((f) => f.message);
    assert.deepEqual(messages({ profiles: { acme: { actionItems: ['owner', 'boss'] } } }), [
      'Profile "acme": "actionItems": "boss" is not a part or parts joined by "|" (expected owner, due, priority, ticket, type).',
    ]);
    assert.deepEqual(messages({ profiles: { acme: { timelineStory: ['ending'] } } }), [
      'Profile "acme": "timelineStory" must be an array of story parts (detected, actions, misleading, escalated, resolved).',
    ]);
    assert.deepEqual(messages({ words: { swear: { add: ['x'] } } }), [
      '"words": unknown list "swear" (expected blame, people, humanError, animated, hindsight, vague, vagueLeads, peopleFixes, detected, escalated, resolved, misleading).',
    ]);
    assert.deepEqual(messages({ words: { blame: { add: 'x' } } }), ['"words.blame.add" must be a list of words.']);
  });

  it('words in .postmortemrc.json extend a list and silence a phrase', function () {
    const text = '# Postmortem\n\n## Root Cause and Resolution\n\nThe engineer dropped the ball. The engineer forgot the flag.\n';
    const blame = (words?: object) => {
      const { config } = parseConfigFile(JSON.stringify(words ? { words } : {}));
      return lint(text, resolveOptions(DEFAULT_SETTINGS, config))
        .findings.filter((f) => f.ruleId === 'blame-language')
        .map((f) => f.message.split('"')[1]);
    };
    assert.deepEqual(blame(), ['The engineer … forgot']);
    assert.deepEqual(blame({ blame: { add: ['dropped the ball'] } }), ['The engineer … dropped the ball']);
    assert.deepEqual(blame({ blame: { ignore: ['forgot'] } }), []);
    assert.equal(resolveWordLists(undefined), BUILTIN_WORDS);
  });

  it('a neutral named actor in the timeline and an owner of a task are not blamed', function () {
    const text =
      '# Postmortem\n\n## Timeline\n\n- 09:00 UTC: Sam acknowledged the page.\n- 09:10 UTC: @lee rolled back the release.\n\n## Corrective and Preventative Measures\n\n- Add a canary stage (owner: @sam).\n';
    assert.deepEqual(
      lint(text, { profile: defaultProfile(), rules: {} }).findings.filter((f) => f.ruleId === 'blame-language'),
      [],
    );
  });
});
