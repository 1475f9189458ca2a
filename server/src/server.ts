// The language server for Node: over IPC from the VS Code client, or standalone with --stdio for
// any LSP client (postmortem-language-server). It adds to the router what only Node has: the
// file system, for `.postmortemrc.json` files found by walking up from each document, and for the
// workspace check's files that are not open.
import { createConnection, ErrorCodes, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, sep } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { readFile as readFileAsync, stat } from 'node:fs/promises';
import { findConfig } from './core/config';
import { startServer, type ServerHost } from './startServer';
import { createLintPool, LINT_WORKER_ROLE, serveLint } from './lintPool';
import { createFrameGuard, DEFAULT_MAX_MESSAGE_BYTES } from './frameGuard';

/** How long one document's lint may take before it is reported as too complex (env: POSTMORTEM_LINT_DEADLINE_MS). */
const LINT_DEADLINE_MS = 10_000;
/** Lint workers: one document past its deadline still leaves one for the others. */
const LINT_WORKERS = 2;

/** The local path of a `file:` URI, or undefined for any other URI or one Node cannot map (a host, `%2F`, a bad escape). */
export function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Workspace files larger than this are reported unreadable by a workspace check instead of read. */
const MAX_WORKSPACE_FILE_BYTES = 20_000_000;

function nodeHost(): ServerHost {
  /** Config texts by path, read again only when the file's modification time changes. */
  const texts = new Map<string, { mtimeMs: number; text: string }>();

  function readFile(path: string): string | undefined {
    let mtimeMs: number;
    try {
      const stats = statSync(path);
      if (!stats.isFile()) return undefined;
      mtimeMs = stats.mtimeMs;
    } catch {
      return undefined;
    }
    const cached = texts.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.text;
    const text = readFileSync(path, 'utf8');
    texts.set(path, { mtimeMs, text });
    return text;
  }

  return {
    findConfig(documentUri) {
      const path = localPath(documentUri);
      const found = path === undefined ? undefined : findConfig(dirname(path).split(sep).join('/'), readFile);
      return found && { ...found, uri: pathToFileURL(found.path).toString() };
    },
    configExists(configUri) {
      const path = localPath(configUri);
      try {
        return path !== undefined && statSync(path).isFile();
      } catch {
        return false;
      }
    },
    forgetConfigs: () => texts.clear(),
    async readFile(uri) {
      const path = localPath(uri);
      if (path === undefined) return undefined;
      try {
        const stats = await stat(path);
        // A FIFO or a device would block; a huge file is not a postmortem anyone wrote by hand.
        if (!stats.isFile() || stats.size > MAX_WORKSPACE_FILE_BYTES) return undefined;
        return await readFileAsync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    lintConcurrency: LINT_WORKERS,
    lint: createLintPool({ script: __filename, size: LINT_WORKERS, deadlineMs: Number(process.env.POSTMORTEM_LINT_DEADLINE_MS) || LINT_DEADLINE_MS }).lint,
    // Shipped beside the bundle: dist/../docs/rules/.
    ruleDocsBaseUri: `${pathToFileURL(join(__dirname, '..', 'docs', 'rules')).toString()}/`,
  };
}

/**
 * Over stdio, a frame whose body is not JSON (or whose header is broken) is answered as JSON-RPC
 * says, a Parse error (-32700) with no id, and logged once; the server reads on. A frame larger
 * than the limit (env: POSTMORTEM_MAX_MESSAGE_BYTES) is skipped unread by the frame guard and
 * answered with Invalid Request (-32600) for its id, if it was a request; logged once. IPC (VS Code)
 * carries parsed messages and needs none of this.
 */
function connection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout);
  const answerError = (id: number | string | null, code: number, message: string) =>
    void writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Parameters<typeof writer.write>[0]);
  const logged = new Set<string>();
  const logOnce = (kind: string, message: string) => {
    if (!logged.has(kind)) process.stderr.write(`postmortem-language-server: ${message} (logged once).\n`);
    logged.add(kind);
  };
  const guard = createFrameGuard({
    limit: Number(process.env.POSTMORTEM_MAX_MESSAGE_BYTES) || DEFAULT_MAX_MESSAGE_BYTES,
    oversized({ length, limit, id }) {
      const message = `Message too large: its body has ${length} bytes, more than the server's limit of ${limit}; it was skipped.`;
      if (id !== undefined) answerError(id, ErrorCodes.InvalidRequest, message);
      logOnce('oversized', `a message of ${length} bytes (more than ${limit}) was skipped unread${id === undefined ? '' : ' and answered with an error'}`);
    },
  });
  const reader = new StreamMessageReader(process.stdin.pipe(guard));
  reader.onError((error) => {
    answerError(null, ErrorCodes.ParseError, `Parse error: ${error.message}`);
    logOnce('parse', `a message could not be read (${error.message}); answered with a parse error`);
  });
  return createConnection(ProposedFeatures.all, reader, writer);
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === LINT_WORKER_ROLE) serveLint(parentPort!);
else startServer(connection(), nodeHost());
