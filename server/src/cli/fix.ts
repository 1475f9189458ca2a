// --fix on one text: the safe fixes applied pass after pass (a fix can reveal another) until
// nothing changes, with every pass's edits kept so tests can prove that nothing outside them moved.
// The result's bytes come from core/bytes, so bytes that were not UTF-8 come back as they were.
import { lint, type LintOptions } from '../core/lint';
import { applyEdits, chooseSafeFixes } from '../core/fixes';
import { decodeBytes, encodeText } from '../core/bytes';
import type { Finding, PostmortemModel, TextEdit } from '../core/model';

const MAX_FIX_PASSES = 10;

export interface FixPass {
  /** The text the pass started from, and the edits it applied to it (offsets into that text). */
  before: string;
  edits: TextEdit[];
}

export interface FixOutcome {
  text: string;
  /** `text` as bytes, escaped bytes restored (and the byte order mark, from fixBytes). */
  bytes: Uint8Array;
  /** What is left after fixing, and the model of the fixed text. */
  findings: Finding[];
  model: PostmortemModel;
  /** The findings of the text as it was. */
  originalFindings: Finding[];
  /** Fixes applied. */
  count: number;
  passes: FixPass[];
}

export function fixText(text: string, options: LintOptions): FixOutcome {
  let linted = lint(text, options);
  const originalFindings = linted.findings;
  const passes: FixPass[] = [];
  let count = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const chosen = chooseSafeFixes(linted.findings);
    if (!chosen.length) break;
    const edits = chosen.flat();
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    passes.push({ before: text, edits });
    text = next;
    count += chosen.length;
    linted = lint(text, options);
  }
  return { text, bytes: encodeText(text), findings: linted.findings, model: linted.model, originalFindings, count, passes };
}

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

export const startsWithBom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];

/** A file's bytes as the text the core lints: without the byte order mark, bytes that are not UTF-8 escaped. */
export function fileText(bytes: Uint8Array): { text: string; bom: boolean; invalid: boolean } {
  const bom = startsWithBom(bytes);
  return { bom, ...decodeBytes(bom ? bytes.subarray(3) : bytes) };
}

/** --fix on a file's bytes: the byte order mark and every byte outside the edits come back as they were. */
export function fixBytes(bytes: Uint8Array, options: LintOptions): FixOutcome & { bom: boolean; invalid: boolean } {
  const { text, bom, invalid } = fileText(bytes);
  const outcome = fixText(text, options);
  if (!bom) return { ...outcome, bom, invalid };
  const withBom = new Uint8Array(outcome.bytes.length + 3);
  withBom.set(BOM);
  withBom.set(outcome.bytes, 3);
  return { ...outcome, bytes: withBom, bom, invalid };
}
