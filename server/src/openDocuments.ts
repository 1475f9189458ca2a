// The open documents as the router keeps them (vscode-languageserver's TextDocuments), made safe
// against two client mistakes the library takes as given: an edit whose range lies past the end of
// the document (clamped to it), and a version that does not increase (the LSP specification says
// it always does). Such an edit is still applied, since the client's next edits are relative to
// it, but the server numbers it after the last version it saw, so one version never names two
// texts, and publishes its diagnostics with no version: never one older than already published.
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * An edit whose range lies (partly) outside the document is clamped to it, as every position the
 * server later publishes must lie inside the document (the text-document library would otherwise
 * corrupt its line table).
 */
function clampChanges(document: TextDocument, changes: TextDocumentContentChangeEvent[]): TextDocumentContentChangeEvent[] {
  return changes.map((change) => {
    if (!('range' in change) || !change.range) return change;
    const clamp = (position: { line: number; character: number }) => document.positionAt(document.offsetAt(position));
    return { ...change, range: { start: clamp(change.range.start), end: clamp(change.range.end) } };
  });
}

export interface OpenDocuments {
  documents: TextDocuments<TextDocument>;
  /** The version to publish a version's diagnostics with: the client's own, or none when the server renumbered it. */
  clientVersion(uri: string, version: number): number | undefined;
}

/** `warn` is called once, the first time a client's version does not increase. */
export function createOpenDocuments(warn: (message: string) => void): OpenDocuments {
  /** The version each document's client last sent, when the server's number differs from it. */
  const renumbered = new Map<string, number>();
  let warned = false;

  function versionOf(uri: string, given: number, previous: number | undefined): number {
    renumbered.delete(uri);
    if (previous === undefined || given > previous) return given;
    if (!warned)
      warn(
        `postmortem: ${uri} went from version ${previous} to ${given}; versions must increase, so the server numbers it ${previous + 1} and publishes its diagnostics without a version (warned once).`,
      );
    warned = true;
    renumbered.set(uri, given);
    return previous + 1;
  }

  const documents: TextDocuments<TextDocument> = new TextDocuments<TextDocument>({
    // An open without a close keeps counting from the document it replaces.
    create: (uri, languageId, version, text) => TextDocument.create(uri, languageId, versionOf(uri, version, documents.get(uri)?.version), text),
    update: (document, changes, version) => TextDocument.update(document, clampChanges(document, changes), versionOf(document.uri, version, document.version)),
  });
  documents.onDidClose((event) => renumbered.delete(event.document.uri));

  return {
    documents,
    clientVersion: (uri, version) => (renumbered.has(uri) ? undefined : version),
  };
}
