// A guard between stdin and the JSON-RPC reader (Node, --stdio only): it reads the LSP base
// protocol's frames (headers, then `Content-Length` bytes of body) and passes each one on
// unchanged, except a frame whose body is larger than a limit. That one's body is skipped as it
// arrives, never buffered (vscode-jsonrpc's reader would hold all of it, 200 MB for a 200 MB
// header), and the host is told once, with the request id when the body's start names one.
import { Transform, type TransformCallback } from 'node:stream';

/** Default limit on one message's body: far above the largest document the server checks (postmortem.maxDocumentSize). */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A header block longer than this without its blank line is not a header: it is skipped. */
const MAX_HEADER_BYTES = 8 * 1024;

/** How much of a skipped body is kept to look for its request id. */
const ID_SNIFF_BYTES = 1024;

const HEADER_END = Buffer.from('\r\n\r\n');

export interface OversizedMessage {
  /** The `Content-Length` it declared. */
  length: number;
  limit: number;
  /** The request's id, when the body's start (before its params) names one; undefined for a notification or when unknown. */
  id?: number | string;
}

/** The `id` of a JSON-RPC message from the start of its body, looked for only before `"params"` (whose contents may say anything). */
export function sniffRequestId(start: string): number | string | undefined {
  const params = start.search(/"params"\s*:/);
  const head = params === -1 ? start : start.slice(0, params);
  const match = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")/.exec(head);
  if (!match) return undefined;
  return match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : Number(match[1]);
}

/** The body length a header block declares, read as vscode-jsonrpc's reader reads it (so both agree on every frame); NaN when none. */
function declaredLength(block: Buffer): number {
  let value: string | undefined;
  for (const line of block.toString('ascii').split('\r\n').slice(0, -2)) {
    const colon = line.indexOf(':');
    // The reader refuses the whole block then, and reads what follows as the next header.
    if (colon === -1) return NaN;
    if (line.slice(0, colon).toLowerCase() === 'content-length') value = line.slice(colon + 1).trim();
  }
  return value === undefined ? NaN : parseInt(value, 10);
}

export function createFrameGuard(options: { limit: number; oversized(message: OversizedMessage): void }): Transform {
  let header: Buffer = Buffer.alloc(0);
  /** Body bytes still to pass on (`pass`) or to skip (`skip`) of the current frame. */
  let mode: 'header' | 'pass' | 'skip' = 'header';
  let remaining = 0;
  let skipped: { length: number; start: Buffer[]; startBytes: number; told: boolean } | undefined;

  const tell = () => {
    if (!skipped || skipped.told) return;
    skipped.told = true;
    const id = sniffRequestId(Buffer.concat(skipped.start).toString('utf8'));
    options.oversized({ length: skipped.length, limit: options.limit, ...(id === undefined ? {} : { id }) });
  };

  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      let offset = 0;
      while (offset < chunk.length) {
        if (mode === 'pass') {
          const take = Math.min(remaining, chunk.length - offset);
          this.push(chunk.subarray(offset, offset + take));
          offset += take;
          remaining -= take;
          if (remaining === 0) mode = 'header';
          continue;
        }
        if (mode === 'skip') {
          const take = Math.min(remaining, chunk.length - offset);
          if (skipped && skipped.startBytes < ID_SNIFF_BYTES) {
            const piece = chunk.subarray(offset, offset + Math.min(take, ID_SNIFF_BYTES - skipped.startBytes));
            skipped.start.push(Buffer.from(piece));
            skipped.startBytes += piece.length;
            if (skipped.startBytes >= ID_SNIFF_BYTES) tell();
          }
          offset += take;
          remaining -= take;
          if (remaining === 0) {
            tell();
            skipped = undefined;
            mode = 'header';
          }
          continue;
        }
        // The header block: held until its blank line, then passed on whole (or dropped with its body).
        let block: Buffer;
        if (header.length === 0 && chunk.indexOf(HEADER_END, offset) !== -1) {
          const end = chunk.indexOf(HEADER_END, offset) + HEADER_END.length;
          block = chunk.subarray(offset, end);
          offset = end;
        } else {
          const searchFrom = Math.max(0, header.length - (HEADER_END.length - 1));
          header = Buffer.concat([header, chunk.subarray(offset)]);
          const end = header.indexOf(HEADER_END, searchFrom);
          if (end === -1) {
            // Not a header: keep only what could still begin a terminator, and let the reader read on.
            if (header.length > MAX_HEADER_BYTES) header = header.subarray(header.length - (HEADER_END.length - 1));
            break;
          }
          block = header.subarray(0, end + HEADER_END.length);
          chunk = header.subarray(end + HEADER_END.length);
          offset = 0;
          header = Buffer.alloc(0);
        }
        const length = declaredLength(block);
        if (Number.isSafeInteger(length) && length > options.limit) {
          mode = 'skip';
          remaining = length;
          skipped = { length, start: [], startBytes: 0, told: false };
        } else {
          // Well-formed (or broken in a way the reader itself reports): passed on as it came.
          this.push(block);
          mode = Number.isSafeInteger(length) && length > 0 ? 'pass' : 'header';
          remaining = Number.isSafeInteger(length) ? length : 0;
        }
      }
      done();
    },
    flush(done: TransformCallback) {
      tell();
      if (header.length) this.push(header);
      done();
    },
  });
}
