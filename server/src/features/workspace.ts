// The workspace's postmortems that are not open: their text read from disk by the host, analysed
// like an open document (lints on the host's runner, a few files at a time), their problems
// published, and their summaries for the Incidents view. An open document's live analysis always
// wins over its disk copy. Checks and watched changes run one after another, in the order they
// came, so a deletion is never undone by a check of the same file that started before it. No file
// system and no connection here: the host reads, the service publishes.
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckFilesResult, FormattedLength, IncidentRow } from '../../../common/protocol';
import type { Analysis } from '../analysis';
import { summarizeIncident } from '../core/incidents';
import { formatLength } from '../core/time';

export interface WorkspaceHost {
  /** A file's text, or undefined when it cannot be read (gone, a folder, unreadable); absent where there is no file system. */
  readFile?(uri: string): string | undefined | Promise<string | undefined>;
  /** The analysis of a disk text, with the settings and config of its URI (not cached). */
  analyseDiskCopy(document: TextDocument): Promise<Analysis>;
  /** The analysis of an open document's current version. */
  analyseOpen(document: TextDocument): Promise<Analysis>;
  openDocument?(uri: string): TextDocument | undefined;
  openDocuments?(): TextDocument[];
  publishDiagnostics(params: PublishDiagnosticsParams): void;
  /** How many files are read and linted at once (the host's lint workers; 1 in-process). */
  concurrency?: number;
}

/** Enough to stop a long check between two files (an LSP CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Lets other requests and notifications in between two files of a long check. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `task` on each item, at most `limit` at once, starting none once `stop()` says so. */
async function eachAtMost<T>(items: T[], limit: number, stop: () => boolean, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stop()) {
      await task(items[next++]);
      await nextTurn();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

export type WorkspaceFiles = ReturnType<typeof createWorkspaceFiles>;

export function createWorkspaceFiles(host: WorkspaceHost) {
  /** Every Markdown file listed by the client (postmortem or not), so that a settings change can re-decide. */
  const known = new Set<string>();
  /** The disk copies that are postmortems. */
  const postmortems = new Map<string, Analysis>();
  /** Checks and watched changes, one after another. */
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <R>(work: () => Promise<R>): Promise<R> => {
    const done = queue.then(work);
    queue = done.catch(() => undefined);
    return done;
  };
  const isOpen = (uri: string) => host.openDocument?.(uri) !== undefined;

  function forget(uri: string): boolean {
    const had = postmortems.delete(uri);
    if (had && !isOpen(uri)) host.publishDiagnostics({ uri, diagnostics: [] });
    return had;
  }

  /** Reads and checks one file; true when what the index holds for it changed. */
  async function checkOne(readFile: NonNullable<WorkspaceHost['readFile']>, uri: string, unreadable: string[]): Promise<boolean> {
    const text = await readFile(uri);
    if (text === undefined) {
      unreadable.push(uri);
      known.delete(uri);
      return forget(uri);
    }
    known.add(uri);
    const analysis = await host.analyseDiskCopy(TextDocument.create(uri, 'markdown', 0, text));
    if (!analysis.isPostmortem) return forget(uri);
    postmortems.set(uri, analysis);
    if (!isOpen(uri)) host.publishDiagnostics({ uri, diagnostics: analysis.diagnostics });
    return true;
  }

  /** Checks the files from disk, a few at a time; starts no new one when cancelled. */
  async function check(uris: string[], token?: Cancellation): Promise<CheckFilesResult & { changed: boolean }> {
    const readFile = host.readFile;
    if (!readFile) return { supported: false, checked: 0, postmortems: 0, unreadable: [], changed: false };
    const unreadable: string[] = [];
    const checked = new Set<string>();
    let changed = false;
    await eachAtMost(
      [...new Set(uris)],
      host.concurrency ?? 1,
      () => Boolean(token?.isCancellationRequested),
      async (uri) => {
        if (await checkOne(readFile, uri, unreadable)) changed = true;
        checked.add(uri);
      },
    );
    const postmortemCount = [...checked].filter((uri) => postmortems.has(uri)).length;
    return { supported: true, checked: checked.size, postmortems: postmortemCount, unreadable, changed };
  }

  return {
    /**
     * Checks workspace files from disk (postmortem.checkWorkspace) and publishes the problems of
     * those that are postmortems and not open. `changed`: the Incidents view should ask again.
     */
    checkFiles: (uris: string[], token?: Cancellation) => inTurn(() => check(uris, token)),

    /** Whether a closed document's problems come from its disk copy (it was listed by a workspace check). */
    tracksFile: (uri: string) => known.has(uri),

    /**
     * Watched Markdown files changed on disk: a deleted file's problems go; a changed or new one is
     * read again, once a workspace check has run. Returns whether the Incidents view should ask again.
     */
    markdownFilesChanged: (changes: { uri: string; deleted: boolean }[]): Promise<boolean> =>
      inTurn(async () => {
        let changed = false;
        const again: string[] = [];
        for (const change of changes) {
          if (change.deleted) {
            known.delete(change.uri);
            changed = forget(change.uri) || changed;
          } else if (host.readFile && (known.has(change.uri) || known.size)) again.push(change.uri);
        }
        if (again.length) changed = (await check(again)).changed || changed;
        return changed;
      }),

    /** Settings or config files changed: every file listed by a workspace check is decided again. */
    recheckFiles: (): Promise<boolean> => inTurn(async () => (known.size ? (await check([...known])).changed : false)),

    /** A document was closed: its disk copy's problems are published again, if it has one. */
    restoreDiskCopy(uri: string): void {
      const analysis = postmortems.get(uri);
      if (analysis) host.publishDiagnostics({ uri, diagnostics: analysis.diagnostics });
    },

    /** The Incidents view's rows: every postmortem open or checked from disk, the open text winning. */
    async incidents(): Promise<IncidentRow[]> {
      const rows = new Map<string, IncidentRow>();
      for (const analysis of postmortems.values()) {
        if (isOpen(analysis.uri)) continue;
        const row = incidentRow(analysis, false);
        if (row) rows.set(row.uri, row);
      }
      for (const document of host.openDocuments?.() ?? []) {
        const row = incidentRow(await host.analyseOpen(document), true);
        if (row) rows.set(row.uri, row);
      }
      return [...rows.values()];
    },
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
