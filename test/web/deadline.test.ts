// In the browser too, one document whose Markdown is pathological for the parser does not block
// the others: it is linted in a nested worker with a deadline and gets one "too complex" notice
// when the deadline passes, while another document opened after it is answered meanwhile.
import * as vscode from 'vscode';
import { codeOf, equal, hasCodes, ok, postmortemDiagnostics, waitForDiagnostics } from './helpers';

describe('web extension host: a document too complex to check', () => {
  it('gets the "too complex" notice at the deadline, and another document is answered meanwhile', async () => {
    // A megabyte of unclosed links: micromark takes minutes on it.
    const slow = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Postmortem: slow\n\n${'[a]('.repeat(250_000)}` });
    const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Postmortem: other\n\n##Summary\n' });
    await waitForDiagnostics(other.uri, hasCodes('heading-space'), 'heading-space on the document opened after the slow one');
    equal(postmortemDiagnostics(slow.uri).length, 0, 'the other document was answered before the slow one');
    const notice = await waitForDiagnostics(slow.uri, hasCodes('document-too-complex'), 'the "too complex" notice');
    equal(notice.length, 1, 'one notice, nothing else');
    ok(/^Too complex to check: .* 10 s/.test(notice[0].message), `the notice says why: ${notice[0].message} (${codeOf(notice[0])})`);
  });
});
