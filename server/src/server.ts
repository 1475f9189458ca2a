// The language server for Node: over IPC from the VS Code client, or standalone with --stdio for
// any LSP client (postmortem-language-server). It adds to the service what only Node has: the
// file system, for `.postmortemrc.json` files found by walking up from each document.
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, sep } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { findConfig } from './core/config';
import { toDiagnostic } from './features/convert';
import { startService, type ServiceHost } from './service';

function nodeHost(connection: Connection): ServiceHost {
  /** Config texts by path, read again only when the file's modification time changes. */
  const texts = new Map<string, { mtimeMs: number; text: string }>();
  /** The text each config file's problems were last published for. */
  const published = new Map<string, string>();

  function isFile(path: string): boolean {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  }

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
    configFor(documentUri) {
      if (!documentUri.startsWith('file:')) return undefined;
      const found = findConfig(dirname(fileURLToPath(documentUri)).split(sep).join('/'), readFile);
      if (!found) return undefined;
      // Its problems go on the config file itself, once per version of its text.
      if (published.get(found.path) !== found.text) {
        published.set(found.path, found.text);
        const document = TextDocument.create(pathToFileURL(found.path).toString(), 'json', 0, found.text);
        void connection.sendDiagnostics({ uri: document.uri, diagnostics: found.findings.map((finding) => toDiagnostic(document, finding)) });
      }
      return found.config;
    },
    forgetConfigs() {
      // A config file that is gone takes its problems with it.
      for (const path of published.keys()) {
        if (!isFile(path)) void connection.sendDiagnostics({ uri: pathToFileURL(path).toString(), diagnostics: [] });
      }
      texts.clear();
      published.clear();
    },
    // Shipped beside the bundle: dist/../docs/rules/.
    ruleDocsBaseUri: `${pathToFileURL(join(__dirname, '..', 'docs', 'rules')).toString()}/`,
  };
}

const connection = createConnection(ProposedFeatures.all);
startService(connection, nodeHost(connection));
