// Keystroke latency over LSP: one character typed after a pause, then the time until the server
// publishes diagnostics for that version; median and max over single edits, beside the lint time
// of the same text in-process. Prints figures; asserts nothing.
import { TestClient } from '../test/protocol/lspClient';

export interface KeystrokeResult {
  bytes: number;
  edits: number;
  medianMs: number;
  maxMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `edits` single-character insertions into a timeline line, each after the previous one's diagnostics and a pause. */
export async function keystrokeLatency(serverPath: string, text: string, edits = 20, pauseMs = 250): Promise<KeystrokeResult> {
  const client = new TestClient(undefined, serverPath);
  try {
    await client.initialize();
    const uri = 'file:///bench/postmortem-keystroke.md';
    await client.diagnosticsFor(uri, client.open(uri, text));
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      await pause(pauseMs);
      const sentAt = performance.now();
      const version = client.change(uri, [{ range: { start: { line: 15, character: 4 }, end: { line: 15, character: 4 } }, text: 'x' }]);
      await client.diagnosticsFor(uri, version);
      times.push(performance.now() - sentAt);
    }
    return { bytes: text.length, edits, medianMs: median(times), maxMs: Math.max(...times) };
  } finally {
    await client.stop();
  }
}
