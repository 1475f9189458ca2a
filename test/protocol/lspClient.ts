// A minimal LSP client over stdio for protocol tests: spawns the bundled server (what users run)
// and waits for notifications by predicate, never by sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly stderr: string[] = [];
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; done: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  configuration: Record<string, unknown> | null = null;

  constructor(
    private readonly rootPath?: string,
    serverPath = SERVER,
    env?: Record<string, string>,
  ) {
    this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe', env: env && { ...process.env, ...env } });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test(params)) return true;
        waiter.done(params);
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.stderr.push(params.message);
    });
    this.connection.listen();
  }

  async initialize(withConfiguration = false): Promise<unknown> {
    const rootUri = this.rootPath ? pathToFileURL(this.rootPath).toString() : null;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: { workspace: { configuration: withConfiguration, didChangeConfiguration: { dynamicRegistration: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the first publishDiagnostics (already received or future) that passes `test`. */
  diagnostics(test: (p: PublishDiagnosticsParams) => boolean, what = 'diagnostics', timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const seen = this.published.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.waiters.push({ test, done: (p) => (clearTimeout(timer), resolvePromise(p)) });
    });
  }

  /** Waits for diagnostics of `uri` at exactly `version`. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics((p) => p.uri === uri && p.version === version, `diagnostics of ${uri} v${version}`);
  }

  open(uri: string, text: string): number {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return 1;
  }

  change(uri: string, changes: { range?: unknown; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    this.connection.dispose();
    this.process.kill();
  }
}
