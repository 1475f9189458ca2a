// The language server for Node: over IPC from the VS Code client, or standalone with --stdio for
// any LSP client (postmortem-language-server). It adds to the service what only Node has: the
// file system, for `.postmortemrc.json` files found by walking up from each document.
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { CONFIG_FILE_NAME, parseConfigFile, type ConfigFile } from './core/config';
import { toDiagnostic } from './features/convert';
import { startService, type ServiceHost } from './service';

interface LoadedConfig {
  mtimeMs: number;
  config: ConfigFile;
}

function nodeHost(connection: Connection): ServiceHost {
  const cache = new Map<string, LoadedConfig>();

  /** Reads a config file when it changed since last time, and publishes its problems on it. */
  function load(path: string): LoadedConfig | undefined {
    let mtimeMs: number;
    let text: string;
    try {
      mtimeMs = statSync(path).mtimeMs;
      const cached = cache.get(path);
      if (cached && cached.mtimeMs === mtimeMs) return cached;
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const { config, findings } = parseConfigFile(text);
    const loaded = { mtimeMs, config };
    cache.set(path, loaded);
    const document = TextDocument.create(pathToFileURL(path).toString(), 'json', 0, text);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: findings.map((finding) => toDiagnostic(document, finding)) });
    return loaded;
  }

  return {
    configFor(documentUri) {
      if (!documentUri.startsWith('file:')) return undefined;
      let dir = dirname(fileURLToPath(documentUri));
      for (;;) {
        const loaded = load(join(dir, CONFIG_FILE_NAME));
        if (loaded) return loaded.config;
        const parent = dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
      }
    },
    forgetConfigs() {
      cache.clear();
    },
    // Shipped beside the bundle: dist/../docs/rules/.
    ruleDocsBaseUri: `${pathToFileURL(join(__dirname, '..', 'docs', 'rules')).toString()}/`,
  };
}

const connection = createConnection(ProposedFeatures.all);
startService(connection, nodeHost(connection));
