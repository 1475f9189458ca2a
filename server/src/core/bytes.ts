// Bytes <-> text without losing a byte: UTF-8 decoding where each byte that is not part of a valid
// sequence becomes one lone low surrogate U+DC80..U+DCFF (Python's "surrogateescape"), and the
// encoding that turns those back into the very same bytes. Valid UTF-8 never decodes to a lone
// surrogate, so the round trip is exact for any input, and `--fix` can rewrite a file with stray
// Latin-1 bytes while keeping every byte it did not edit. Pure: Uint8Array in, string out.

const ESCAPE_BASE = 0xdc00;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** The text of `bytes`, and whether any byte was not valid UTF-8 (and so is held as an escape). */
export function decodeBytes(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: strict.decode(bytes), invalid: false };
  } catch {
    return { text: decodeEscaping(bytes), invalid: true };
  }
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlong forms (E0 A0..) and no surrogates (ED 80..9F).
    const [low, high] = b0 === 0xe0 ? [0xa0, 0xbf] : b0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const [low, high] = b0 === 0xf0 ? [0x90, 0xbf] : b0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function decodeEscaping(bytes: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > runStart) parts.push(strict.decode(bytes.subarray(runStart, end)));
  };
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length) {
      i += length;
      continue;
    }
    flush(i);
    parts.push(String.fromCharCode(ESCAPE_BASE + bytes[i]));
    i++;
    runStart = i;
  }
  flush(i);
  return parts.join('');
}

const isEscape = (code: number) => code >= 0xdc80 && code <= 0xdcff;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The bytes of `text`, escapes turned back into the bytes they stand for. */
export function encodeText(text: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(text)) return encoder.encode(text);
  const chunks: Uint8Array[] = [];
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHigh(code) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      i++; // a real pair: part of the run
      continue;
    }
    if (!isEscape(code)) continue;
    if (i > runStart) chunks.push(encoder.encode(text.slice(runStart, i)));
    chunks.push(Uint8Array.of(code - ESCAPE_BASE));
    runStart = i + 1;
  }
  if (runStart < text.length) chunks.push(encoder.encode(text.slice(runStart)));
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Text for people and for JSON consumers: each escaped byte shown as U+FFFD, as an editor would. */
export function withReplacementCharacters(text: string): string {
  return text.replace(/[\udc80-\udcff]/g, (escape, offset: number) => (offset > 0 && isHigh(text.charCodeAt(offset - 1)) ? escape : '\uFFFD'));
}

/** The byte an escape stands for, or undefined when the code unit is not one. */
export function escapedByte(code: number): number | undefined {
  return isEscape(code) ? code - ESCAPE_BASE : undefined;
}
