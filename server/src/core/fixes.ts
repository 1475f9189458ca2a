// Applying fixes to text: shared by the CLI's --fix, fix-all and the tests.
import type { Finding, TextEdit } from './model';

/**
 * Applies edits that do not overlap; an edit overlapping one already taken is skipped, so no
 * text is ever replaced twice. Returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const taken: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.span.start < lastEnd || edit.span.start > edit.span.end || edit.span.end > text.length) continue;
    // Two insertions at the same offset would interleave unpredictably: keep the first.
    if (edit.span.start === lastEnd && taken.length && taken[taken.length - 1].span.start === edit.span.start && edit.span.start === edit.span.end) continue;
    taken.push(edit);
    lastEnd = edit.span.end;
  }
  let result = '';
  let at = 0;
  for (const edit of taken) {
    result += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return { text: result + text.slice(at), applied: taken.length };
}

/** The edits of every safe fix, one fix per finding, whole fixes only (never half of one). */
function safeFixEdits(findings: Finding[]): TextEdit[][] {
  return findings.flatMap((finding) =>
    finding.fixes
      .filter((fix) => fix.safe)
      .slice(0, 1)
      .map((fix) => fix.edits),
  );
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start < b.span.end && b.span.start < a.span.end) return true;
  // Two insertions at one offset would land in an order nobody chose. An insertion at the start
  // of a replacement is fine: it goes first (`- ` before a rewritten time).
  return a.span.start === a.span.end && b.span.start === b.span.end && a.span.start === b.span.start;
}

/** Whole safe fixes (one per finding) that do not overlap each other, in document order. */
export function chooseSafeFixes(findings: Finding[]): TextEdit[][] {
  const chosen: TextEdit[][] = [];
  const taken: TextEdit[] = [];
  for (const group of safeFixEdits(findings)) {
    if (group.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    chosen.push(group);
    taken.push(...group);
  }
  return chosen;
}

/** Applies whole safe fixes that do not overlap each other. */
export function applySafeFixes(text: string, findings: Finding[]): { text: string; applied: number } {
  const chosen = chooseSafeFixes(findings);
  return { text: applyEdits(text, chosen.flat()).text, applied: chosen.length };
}
