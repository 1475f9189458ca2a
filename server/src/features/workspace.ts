// The workspace's postmortems that are not open: their text read from disk by the host, analysed
// like an open document, their problems published, and their summaries for the Incidents view.
// An open document's live analysis always wins over its disk copy. No file system and no
// connection here: the host reads, the service publishes.
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckFilesResult, FormattedLength, IncidentRow } from '../../../common/protocol';
import type { Analysis } from '../analysis';
import { summarizeIncident } from '../core/incidents';
import { formatLength } from '../core/time';

export interface WorkspaceFilesHost {
  /** A file's text, or undefined when it cannot be read (gone, a folder, unreadable). */
  readFile(uri: string): string | undefined;
  /** The analysis of a disk text, with the settings and config of its URI. */
  analyse(document: TextDocument): Promise<Analysis>;
  isOpen(uri: string): boolean;
  publishDiagnostics(params: PublishDiagnosticsParams): void;
}

/** Enough to stop a long check between two files (an LSP CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Lets other requests and notifications in between two files of a long check. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createWorkspaceFiles(host: WorkspaceFilesHost) {
  /** Every Markdown file listed by the client (postmortem or not), so that a settings change can re-decide. */
  const known = new Set<string>();
  /** The disk copies that are postmortems. */
  const postmortems = new Map<string, Analysis>();

  function forget(uri: string): boolean {
    const had = postmortems.delete(uri);
    if (had && !host.isOpen(uri)) host.publishDiagnostics({ uri, diagnostics: [] });
    return had;
  }

  /** Reads and checks one file; true when what the index holds for it changed. */
  async function checkOne(uri: string, unreadable: string[]): Promise<boolean> {
    const text = host.readFile(uri);
    if (text === undefined) {
      unreadable.push(uri);
      known.delete(uri);
      return forget(uri);
    }
    known.add(uri);
    const analysis = await host.analyse(TextDocument.create(uri, 'markdown', 0, text));
    if (!analysis.isPostmortem) return forget(uri);
    postmortems.set(uri, analysis);
    if (!host.isOpen(uri)) host.publishDiagnostics({ uri, diagnostics: analysis.diagnostics });
    return true;
  }

  return {
    /** Checks the files from disk; stops between two files when cancelled. */
    async check(uris: string[], token?: Cancellation): Promise<CheckFilesResult & { changed: boolean }> {
      const unreadable: string[] = [];
      let checked = 0;
      let changed = false;
      for (const uri of uris) {
        if (token?.isCancellationRequested) break;
        if (await checkOne(uri, unreadable)) changed = true;
        checked++;
        await nextTurn();
      }
      const postmortemCount = uris.slice(0, checked).filter((uri) => postmortems.has(uri)).length;
      return { supported: true, checked, postmortems: postmortemCount, unreadable, changed };
    },

    /** Whether the file was listed by a workspace check (so its disk copy is kept up to date). */
    tracks: (uri: string) => known.has(uri),

    /** Every file listed so far (to check again when settings or config files change). */
    all: () => [...known],

    /** The file was deleted: its problems go; true when it was a postmortem. */
    deleted(uri: string): boolean {
      known.delete(uri);
      return forget(uri);
    },

    /** The document was opened: its live diagnostics take over. Closed: the disk copy's come back. */
    reopenDiskCopy(uri: string): void {
      const analysis = postmortems.get(uri);
      if (analysis) host.publishDiagnostics({ uri, diagnostics: analysis.diagnostics });
    },

    /** The disk copies, for the Incidents view (open documents are added by the service). */
    diskAnalyses: () => [...postmortems.values()],
  };
}

const length = (minutes: number | undefined): FormattedLength | undefined => (minutes === undefined ? undefined : { minutes, text: formatLength(minutes) });

/** One Incidents view row from an analysis that is a postmortem with a model; undefined otherwise. */
export function incidentRow(analysis: Analysis, open: boolean): IncidentRow | undefined {
  if (!analysis.isPostmortem || !analysis.model) return undefined;
  const summary = summarizeIncident(analysis.model, analysis.findings);
  return {
    uri: analysis.uri,
    date: summary.date,
    title: summary.title,
    severity: summary.severity,
    length: length(summary.lengthMinutes),
    detect: length(summary.detectMinutes),
    acknowledge: length(summary.acknowledgeMinutes),
    mitigate: length(summary.mitigateMinutes),
    resolve: length(summary.resolveMinutes),
    problems: analysis.diagnostics.length,
    errors: summary.errors,
    open,
  };
}
