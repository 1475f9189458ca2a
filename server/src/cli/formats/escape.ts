// Making document text and file names safe for each output: control characters shown as escapes
// in terminal text (so a name holding a newline cannot forge a finding line and an ESC cannot
// drive the terminal), bytes that are not UTF-8 as U+FFFD in JSON and XML.
import { withReplacementCharacters } from '../../core/bytes';

/** C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates, and escaped bytes. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff][\udc00-\udfff]|[\udc80-\udcff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (match) => {
    if (match.length === 2) return match; // a real surrogate pair: a character like any other
    const code = match.charCodeAt(0);
    if (NAMED[match]) return NAMED[match];
    if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16).toUpperCase().padStart(2, '0')}`;
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** Text for JSON consumers: escaped bytes as U+FFFD (JSON.stringify escapes the rest). */
export const forJson = withReplacementCharacters;

/** Characters XML 1.0 cannot hold at all become U+FFFD; the markup ones become entities. */
export function escapeXml(text: string): string {
  return withReplacementCharacters(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
