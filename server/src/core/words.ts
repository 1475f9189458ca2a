// Word counting for prose: what `word-count` and section bodies count. Pure text in, a number out;
// which text is prose (not code, HTML or URLs) is decided by the caller.

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for a letter or digit; ASCII is decided without a regular expression (this runs on every character). */
function isWordChar(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(text[index]);
}

/** Words: runs that start with a letter or digit (`don't`, `re-run` and `v1.2` are one word each). */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWordChar(code, text, i)) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(
      inWord &&
      (code === 39 || code === 0x2019 || code === 45 || code === 46) &&
      i + 1 < text.length &&
      isWordChar(text.charCodeAt(i + 1), text, i + 1)
    )) {
      inWord = false;
    }
  }
  return count;
}
