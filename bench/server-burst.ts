// The language server under a burst of edits: time from the last edit to the diagnostics of the
// last version, and how many stale versions were published on the way.
import { TestClient } from '../test/protocol/lspClient';

export interface BurstResult {
  edits: number;
  bytes: number;
  lastEditToDiagnosticsMs: number;
  publications: number;
  stalePublications: number;
}

export async function serverBurst(serverPath: string, text: string, edits: number): Promise<BurstResult> {
  const client = new TestClient(undefined, serverPath);
  try {
    await client.initialize();
    const uri = 'file:///bench/postmortem-burst.md';
    const first = client.open(uri, text);
    await client.diagnosticsFor(uri, first);
    const before = client.published.length;
    let version = first;
    let sentAt = 0;
    for (let i = 0; i < edits; i++) {
      version = client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'x' }]);
      sentAt = performance.now();
    }
    await client.diagnosticsFor(uri, version);
    const elapsed = performance.now() - sentAt;
    const during = client.published.slice(before).filter((p) => p.uri === uri);
    return {
      edits,
      bytes: text.length,
      lastEditToDiagnosticsMs: elapsed,
      publications: during.length,
      stalePublications: during.filter((p) => p.version !== version).length,
    };
  } finally {
    await client.stop();
  }
}
