// The workspace check and the Incidents view's data, in-process: files read through the host
// (a map standing for the disk), problems published for postmortems that are not open, taken
// back when a file is deleted or stops being a postmortem, and the open text winning.
import assert from 'node:assert/strict';
import { doc, inProcessService, type InProcess } from '../../support/service';
import { lintInProcess, type LintRunner } from '../../../server/src/lintRunner';

const ROOT = 'file:///work';
const PAYMENTS = `${ROOT}/incidents/payments-postmortem.md`;
const NOTES = `${ROOT}/notes/meeting.md`;

/** A postmortem with one heading-space error (`##Timeline`). */
const POSTMORTEM = `# Postmortem: payment gateway timeouts

## Issue Summary

Duration: 2024-11-02 23:40 - 03:10 EAT
Severity: Sev 2
Impact: About 15% of card payments timed out.
Root Cause: A connection pool limit lowered in a configuration change.

##Timeline

- 23:40: Configuration change deployed; timeouts began.
- 23:52: Alerts fired on payment latency; outage detected.
- 03:10: Service resolved, queues drained.

## Root Cause and Resolution

The pool limit was lowered by mistake and restored by hand.

## Corrective and Preventative Measures

- Validate pool limits in configuration review.
`;

const MEETING = 'Weekly meeting\n\nNothing happened.\n';

function lastPublished(state: InProcess, uri: string) {
  return state.published.filter((params) => params.uri === uri).at(-1);
}

function disk(): InProcess {
  const state = inProcessService({ workspaceFolder: ROOT, fileSystem: true });
  state.files.set(PAYMENTS, POSTMORTEM);
  state.files.set(NOTES, MEETING);
  return state;
}

describe('workspace check (service)', () => {
  it('publishes the problems of a postmortem never opened, and nothing for other Markdown files', async () => {
    const state = disk();
    const result = await state.service.checkFiles([PAYMENTS, NOTES]);
    assert.deepEqual({ ...result, changed: undefined }, { supported: true, checked: 2, postmortems: 1, unreadable: [], changed: undefined });
    const codes = lastPublished(state, PAYMENTS)?.diagnostics.map((d) => d.code);
    assert.ok(codes?.includes('heading-space'), `heading-space published for the unopened file, got ${JSON.stringify(codes)}`);
    assert.equal(lastPublished(state, NOTES), undefined, 'a Markdown file that is not a postmortem gets nothing');
  });

  it('takes the problems back when the file is deleted', async () => {
    const state = disk();
    await state.service.checkFiles([PAYMENTS, NOTES]);
    state.files.delete(PAYMENTS);
    assert.equal(await state.service.markdownFilesChanged([{ uri: PAYMENTS, deleted: true }]), true);
    assert.deepEqual(lastPublished(state, PAYMENTS)?.diagnostics, []);
    assert.deepEqual(await state.service.incidents(), []);
  });

  it('follows a change on disk, and takes the problems back when the file stops being a postmortem', async () => {
    const state = disk();
    await state.service.checkFiles([PAYMENTS]);
    state.files.set(PAYMENTS, POSTMORTEM.replace('##Timeline', '## Timeline'));
    await state.service.markdownFilesChanged([{ uri: PAYMENTS, deleted: false }]);
    const codes = lastPublished(state, PAYMENTS)?.diagnostics.map((d) => d.code);
    assert.ok(codes && !codes.includes('heading-space'), `the fixed heading is no longer reported, got ${JSON.stringify(codes)}`);
    // Found by its title line, not its name: new text without that title makes it an ordinary file.
    const notPostmortem = `${ROOT}/notes/outage.md`;
    state.files.set(notPostmortem, POSTMORTEM);
    await state.service.checkFiles([notPostmortem]);
    assert.ok(lastPublished(state, notPostmortem)?.diagnostics.length, 'detected by its title line');
    state.files.set(notPostmortem, MEETING);
    assert.equal(await state.service.markdownFilesChanged([{ uri: notPostmortem, deleted: false }]), true);
    assert.deepEqual(lastPublished(state, notPostmortem)?.diagnostics, [], 'no longer a postmortem: its problems go');
    assert.deepEqual(
      (await state.service.incidents()).map((row) => row.uri),
      [PAYMENTS],
    );
  });

  it('lets an open document\u2019s live diagnostics win over its disk copy', async () => {
    const state = disk();
    const live = doc(POSTMORTEM.replace('payment gateway timeouts', 'edited title'), PAYMENTS);
    state.open.set(PAYMENTS, live);
    await state.service.checkFiles([PAYMENTS]);
    assert.equal(lastPublished(state, PAYMENTS), undefined, 'nothing published over the open document');
    const rows = await state.service.incidents();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].title, 'Postmortem: edited title');
    assert.equal(rows[0].open, true);
    state.open.delete(PAYMENTS);
    state.service.restoreDiskCopy(PAYMENTS);
    assert.ok(
      lastPublished(state, PAYMENTS)?.diagnostics.some((d) => d.code === 'heading-space'),
      'closed: the disk copy\u2019s problems come back',
    );
  });

  it('stops between two files when cancelled', async () => {
    const state = disk();
    let asked = 0;
    const token = {
      get isCancellationRequested() {
        return asked++ >= 1;
      },
    };
    const result = await state.service.checkFiles([PAYMENTS, NOTES], token);
    assert.equal(result.checked, 1);
    assert.equal(lastPublished(state, NOTES), undefined);
  });

  it('lints disk files on the host\u2019s runner, as many at once as it allows and no more, and still reports each', async () => {
    let running = 0;
    let most = 0;
    const lint: LintRunner = async (text, options) => {
      running++;
      most = Math.max(most, running);
      // Held until the next turn, so that lints the check starts together overlap.
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return lintInProcess(text, options);
    };
    const state = inProcessService({ workspaceFolder: ROOT, fileSystem: true, lint, lintConcurrency: 3 });
    const uris = Array.from({ length: 8 }, (_, i) => `${ROOT}/incidents/p${i}-postmortem.md`);
    for (const uri of uris) state.files.set(uri, POSTMORTEM);
    const result = await state.service.checkFiles(uris);
    assert.equal(most, 3);
    assert.deepEqual([result.checked, result.postmortems], [8, 8]);
    for (const uri of uris)
      assert.ok(
        lastPublished(state, uri)?.diagnostics.some((d) => d.code === 'heading-space'),
        uri,
      );
  });

  it('takes a file deleted during a check out for good: the check under way does not publish it again', async () => {
    let release!: () => void;
    let started!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const lintStarted = new Promise<void>((resolve) => (started = resolve));
    const lint: LintRunner = async (text, options) => {
      started();
      await held;
      return lintInProcess(text, options);
    };
    const state = inProcessService({ workspaceFolder: ROOT, fileSystem: true, lint });
    state.files.set(PAYMENTS, POSTMORTEM);
    const checking = state.service.checkFiles([PAYMENTS]);
    await lintStarted;
    state.files.delete(PAYMENTS);
    const deleting = state.service.markdownFilesChanged([{ uri: PAYMENTS, deleted: true }]);
    release();
    await Promise.all([checking, deleting]);
    assert.deepEqual(lastPublished(state, PAYMENTS)?.diagnostics, []);
    assert.deepEqual(await state.service.incidents(), []);
  });

  it('reports files it cannot read, and says so when the host reads no files (the web worker)', async () => {
    const state = disk();
    const gone = `${ROOT}/incidents/gone-postmortem.md`;
    assert.deepEqual((await state.service.checkFiles([gone])).unreadable, [gone]);
    const web = inProcessService({ workspaceFolder: ROOT });
    assert.equal((await web.service.checkFiles([PAYMENTS])).supported, false);
    assert.deepEqual(web.published, []);
  });

  it('gives the Incidents view each postmortem\u2019s date, severity, lengths and problem count', async () => {
    const state = disk();
    await state.service.checkFiles([PAYMENTS, NOTES]);
    const [row, ...others] = await state.service.incidents();
    assert.deepEqual(others, []);
    assert.equal(row.uri, PAYMENTS);
    assert.equal(row.date, '2024-11-02');
    assert.equal(row.title, 'Postmortem: payment gateway timeouts');
    assert.equal(row.severity, 'SEV2');
    assert.deepEqual(row.length, { minutes: 210, text: '3 h 30 min' });
    assert.deepEqual(row.detect, { minutes: 12, text: '12 min' });
    assert.deepEqual(row.resolve, { minutes: 210, text: '3 h 30 min' });
    assert.equal(row.problems, lastPublished(state, PAYMENTS)?.diagnostics.length);
    assert.ok(row.errors >= 1, 'the heading-space error counts');
    assert.equal(row.open, false);
  });
});
