// Timestamps found in a text, remembered by the text while a host that keeps a memo lints: between
// two keystrokes nearly every line is the same string, so its scan is the last lint's. The memo is
// active only inside `withTimestampMemo` (the server's lints); everywhere else each call scans.
// Remembered results are frozen, so a caller that changed one would fail loudly, not silently
// change the next lint's findings.
import { findTimestamps as scanTimestamps, type ScannedTimestamp } from './scan';

export interface TimestampMemo {
  found: Map<string, ScannedTimestamp[]>;
  chars: number;
  maxChars: number;
}

/** Texts kept, counted by length; the least recently used go first. */
export function createTimestampMemo(maxChars = 4_000_000): TimestampMemo {
  return { found: new Map(), chars: 0, maxChars };
}

let active: TimestampMemo | undefined;

/** `run()` with `memo` remembering every text scanned meanwhile. */
export function withTimestampMemo<T>(memo: TimestampMemo | undefined, run: () => T): T {
  const outer = active;
  active = memo;
  try {
    return run();
  } finally {
    active = outer;
  }
}

export function findTimestamps(text: string): ScannedTimestamp[] {
  const memo = active;
  if (!memo || typeof text !== 'string') return scanTimestamps(text);
  let found = memo.found.get(text);
  if (found) {
    memo.found.delete(text);
  } else {
    found = deepFrozen(scanTimestamps(text));
    memo.chars += text.length;
    for (const old of memo.found.keys()) {
      if (memo.chars <= memo.maxChars) break;
      memo.found.delete(old);
      memo.chars -= old.length;
    }
  }
  memo.found.set(text, found);
  return found;
}

function deepFrozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFrozen((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
