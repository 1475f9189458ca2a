// Diagnostics from the language service in-process: what is published for a document, the
// notices, config-file problems published by the service, and the scheduler's version guard.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_BASE, doc, inProcessService } from '../../support/service';
import { SLOPPY } from '../../fixtures/sloppy-postmortem';
import { createDiagnosticsScheduler, debounceFor, MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS } from '../../../server/src/features/diagnostics';
import type { Analysis } from '../../../server/src/analysis';

const lines = (analysis: Analysis) => analysis.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);

describe('features: diagnostics', () => {
  it('gives rule ids, the source, severities and links to the rule pages', async () => {
    const { service } = inProcessService();
    const analysis = await service.analyse(doc(SLOPPY));
    assert.deepEqual(
      lines(analysis).filter((l) => /heading-space|timestamp-/.test(l)),
      ['3:heading-space', '13:timestamp-order', '14:timestamp-invalid'],
    );
    const invalid = analysis.diagnostics.find((d) => d.code === 'timestamp-invalid')!;
    assert.equal(invalid.source, 'postmortem');
    assert.equal(invalid.severity, 1);
    assert.equal(invalid.codeDescription?.href, `${DOCS_BASE}timestamp-invalid.md`);
  });

  it('says nothing about Markdown that is not a postmortem, unless told to treat it as one', async () => {
    const { service } = inProcessService();
    const text = '# Shopping list\n\n##eggs\n';
    assert.deepEqual((await service.analyse(doc(text, 'file:///work/notes.md'))).diagnostics, []);
    service.setOverride({ uri: 'file:///work/notes.md', treatAsPostmortem: true });
    assert.ok(lines(await service.analyse(doc(text, 'file:///work/notes.md'))).includes('3:heading-space'));
  });

  it('analyses each version once, whatever asks', async () => {
    const { service } = inProcessService();
    const document = doc(SLOPPY);
    const [a, b] = await Promise.all([service.analyse(document), service.analyse(document)]);
    assert.equal(a, b);
    assert.equal(await service.analyse(document), a);
    assert.notEqual(await service.analyse(TextDocument.update(document, [{ text: SLOPPY + '\n' }], document.version + 1)), a);
  });

  it('one information notice for a document over the size limit, from the settings', async () => {
    const { service } = inProcessService({ settings: { maxDocumentSize: 1000 } });
    const analysis = await service.analyse(doc(SLOPPY + 'x'.repeat(1000)));
    assert.deepEqual(
      analysis.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['document-too-large', 3, 0]],
    );
    assert.equal(analysis.model, undefined);
  });

  it("publishes the config file's problems on the config file, once per text, and clears them when it is gone", async () => {
    const state = inProcessService();
    state.configs.set('file:///work', '{ "profile": "nope" }');
    await state.service.analyse(doc(SLOPPY));
    await state.service.analyse(doc(SLOPPY));
    assert.deepEqual(
      state.published.map((p) => [p.uri, p.diagnostics.map((d) => d.code)]),
      [['file:///work/.postmortemrc.json', ['config-invalid']]],
    );
    state.configs.clear();
    state.service.configFilesChanged();
    assert.deepEqual(state.published.at(-1), { uri: 'file:///work/.postmortemrc.json', diagnostics: [] });
  });

  it('applies the rules setting, and ignores a level that is not one', async () => {
    const { service } = inProcessService({ settings: { rules: { 'heading-space': 'off', 'timestamp-order': 'loud' } } });
    const analysis = await service.analyse(doc(SLOPPY));
    assert.ok(!lines(analysis).includes('3:heading-space'));
    assert.equal(analysis.diagnostics.find((d) => d.code === 'timestamp-order')?.severity, 2, 'timestamp-order keeps its default, warning');
  });

  it('the debounce is half the last lint time, within bounds', () => {
    assert.equal(debounceFor(0), MIN_DEBOUNCE_MS);
    assert.equal(debounceFor(40), 20);
    assert.equal(debounceFor(10_000), MAX_DEBOUNCE_MS);
  });

  it('the scheduler publishes once per burst and never a version that is no longer current', async () => {
    const { service } = inProcessService();
    let current = doc(SLOPPY);
    const published: number[] = [];
    let done: () => void = () => undefined;
    const scheduler = createDiagnosticsScheduler({
      document: () => current,
      analyse: service.analyse,
      publish: (analysis) => {
        published.push(analysis.version);
        done();
      },
    });
    const settled = () => new Promise<void>((resolve) => (done = resolve));
    let wait = settled();
    scheduler.changed(current.uri, true);
    await wait;
    wait = settled();
    for (let i = 0; i < 20; i++) {
      current = TextDocument.update(current, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], current.version + 1);
      scheduler.changed(current.uri, false);
    }
    await wait;
    scheduler.dispose();
    assert.deepEqual(published, [published[0], current.version]);
  });
});
