// `postmortem-lint import` run as users run it (dist/cli.js in a child process): lines on stdout,
// --into merging atomically, and bad input refused with exit 2 and the file untouched.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = join(resolve(__dirname, '..', '..', '..'), 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, 'import', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return result;
}

const SLACK = 'Alice Smith  [11:22 AM]\nAPI down (edited)\nBob Jones  [11:40 AM]\nrolled back the deploy\n';
const POSTMORTEM =
  '# Postmortem: checkout\n\n## Issue Summary\n\nDuration: 2024-05-02 11:00 - 12:00 EAT\n\n## Timeline\n\n- 11:00 EAT: deploy started\n- 11:50 EAT: resolved\n\n## Root Cause and Resolution\n\nA bug.\n';

describe('postmortem-lint import', function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-import-'));
    writeFileSync(join(dir, 'slack.txt'), SLACK);
    writeFileSync(join(dir, 'pm.md'), POSTMORTEM);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the entries as timeline lines, in the zone given', () => {
    const result = run(['--date', '2024-05-02', '--zone', 'EAT', 'slack.txt'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '- 11:22 EAT: Alice Smith: API down\n- 11:40 EAT: Bob Jones: rolled back the deploy\n');
  });

  it('reads a Slack export channel folder with users.json beside it, and writes date lines across days', () => {
    mkdirSync(join(dir, 'export', 'incident'), { recursive: true });
    writeFileSync(join(dir, 'export', 'users.json'), JSON.stringify([{ id: 'U1', name: 'ann', profile: { real_name: 'Ann Lee' } }]));
    writeFileSync(
      join(dir, 'export', 'incident', '2024-05-02.json'),
      JSON.stringify([{ type: 'message', user: 'U1', text: 'down again', ts: '1714693800.000100' }]),
    );
    writeFileSync(
      join(dir, 'export', 'incident', '2024-05-03.json'),
      JSON.stringify([{ type: 'message', user: 'U1', text: 'fixed, <@U1> out', ts: '1714697400.5' }]),
    );
    const result = run(['--from', 'slack-json', 'export/incident'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '**2024-05-02**\n\n- 23:50 UTC: Ann Lee: down again\n\n**2024-05-03**\n\n- 00:50 UTC: Ann Lee: fixed, @Ann Lee out\n');
  });

  it('--into merges into the timeline in time order, taking date and zone from the document, and a second run adds nothing', () => {
    const first = run(['--into', 'pm.md', 'slack.txt'], dir);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.match(first.stderr, /^Added 2 timeline entries to pm\.md\.$/m);
    const merged = readFileSync(join(dir, 'pm.md'), 'utf8');
    assert.equal(
      merged,
      POSTMORTEM.replace(
        '- 11:00 EAT: deploy started\n',
        '- 11:00 EAT: deploy started\n- 11:22 EAT: Alice Smith: API down\n- 11:40 EAT: Bob Jones: rolled back the deploy\n',
      ),
    );
    const second = run(['--into', 'pm.md', 'slack.txt'], dir);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, /Added 0 timeline entries to pm\.md \(2 entries already there left out\)/);
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), merged);
    assert.deepEqual(readdirSync(dir).sort(), ['pm.md', 'slack.txt'], 'no temporary file left behind');
  });

  it('refuses input it cannot read with the file and line, exit 2, and writes nothing', () => {
    writeFileSync(join(dir, 'bad.log'), 'May  2 14:04:11 api-1 nginx: ok\nthis is not syslog\n');
    const result = run(['--from', 'syslog', '--into', 'pm.md', 'bad.log'], dir);
    assert.equal(result.status, 2);
    assert.equal(
      result.stderr,
      'postmortem-lint import: bad.log: line 2: "this is not syslog" is not a syslog line (RFC 3164 "May  2 14:04:11 host app: text" or RFC 5424). Nothing was written.\n',
    );
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), POSTMORTEM);
  });

  it('says which flag gives what the input lacks', () => {
    const result = run(['slack.txt'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'postmortem-lint import: slack.txt: Slack copies carry no time zone: give --zone ZONE.\n');
    assert.equal(result.stdout, '');
  });

  it('rejects a bad flag value, an unknown format and a missing file with exit 2', () => {
    assert.match(run(['--date', '2024-02-30', 'slack.txt'], dir).stderr, /--date 2024-02-30: expected a real date/);
    assert.match(run(['--zone', 'Mars/Olympus', 'slack.txt'], dir).stderr, /not a time zone/);
    const unknown = run(['--from', 'teams', 'slack.txt'], dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown format "teams": expected slack, slack-json, pagerduty, alertmanager, syslog, journalctl, kubectl/);
    const missing = run(['nope.txt'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read nope\.txt: ENOENT/);
  });

  it('--help lists the formats', () => {
    const result = run(['--help'], dir);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: postmortem-lint import/);
    assert.match(result.stdout, /kubectl +kubectl get events -o json/);
  });
});
