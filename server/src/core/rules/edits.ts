// Small helpers for building fixes that keep the surrounding text intact.

/** True when the line before `offset` (a line start) has content, so a new block needs a blank line. */
export function previousLineHasContent(text: string, offset: number): boolean {
  if (offset === 0) return false;
  const lineBreak = text.lastIndexOf('\n', offset - 1);
  const previousStart = text.lastIndexOf('\n', lineBreak - 1) + 1;
  return lineBreak > 0 && text.slice(previousStart, lineBreak).trim().length > 0;
}

/** The line break the document uses. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where findings about the whole document go: its first non-empty line. */
export function documentSpan(text: string): { start: number; end: number } {
  const match = /\S[^\r\n]*/.exec(text.slice(0, 10_000));
  return match ? { start: match.index, end: match.index + match[0].length } : { start: 0, end: 0 };
}

/** Text to insert at `offset` so that `block` stands alone, separated by blank lines. */
export function standaloneBlock(text: string, offset: number, block: string): string {
  const eol = lineBreakOf(text);
  const before = text.slice(Math.max(0, offset - 2), offset).replace(/\r/g, '');
  let prefix = '';
  if (offset > 0 && !before.endsWith('\n')) prefix = eol + eol;
  else if (offset > 1 && !before.endsWith('\n\n')) prefix = eol;
  const suffix = offset < text.length ? eol : '';
  return prefix + block.replace(/\n/g, eol) + suffix;
}
