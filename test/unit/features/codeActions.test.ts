// Quick fixes and fix-all from the language service in-process.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionParams, TextEdit } from 'vscode-languageserver';
import { doc, inProcessService } from '../../support/service';
import { SLOPPY } from '../../fixtures/sloppy-postmortem';
import { FIX_ALL_KIND } from '../../../common/protocol';

function editsOf(action: { edit?: { documentChanges?: unknown[] } }): TextEdit[] {
  return (action.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
}

describe('features: code actions', () => {
  it('offers the quick fix of a diagnostic, and applying it removes that diagnostic only', async () => {
    const { service } = inProcessService();
    const document = doc(SLOPPY);
    const before = await service.analyse(document);
    const diagnostic = before.diagnostics.find((d) => d.code === 'heading-space')!;
    const params: CodeActionParams = {
      textDocument: { uri: document.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    };
    const actions = await service.codeActions(document, params);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [['Insert a space after the hashes', 'quickfix', true]],
    );
    const fixed = TextDocument.update(
      document,
      editsOf(actions[0]).map((e) => ({ range: e.range, text: e.newText })),
      document.version + 1,
    );
    const after = (await service.analyse(fixed)).diagnostics.map((d) => d.code);
    assert.deepEqual(
      after,
      before.diagnostics.map((d) => d.code).filter((code) => code !== 'heading-space'),
    );
  });

  it('offers fix-all when asked for source.fixAll.postmortem, with the document version', async () => {
    const { service } = inProcessService();
    const document = doc(SLOPPY);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await service.codeActions(document, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, FIX_ALL_KIND);
    assert.equal((actions[0].edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, document.version);
  });

  it('offers nothing for a document that is not a postmortem', async () => {
    const { service } = inProcessService();
    const document = doc('# Notes\n\n##eggs\n', 'file:///work/notes.md');
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } };
    assert.deepEqual(await service.codeActions(document, { textDocument: { uri: document.uri }, range, context: { diagnostics: [] } }), []);
  });
});
