// Writing a fixed file back without changing what it is: its mode, its owner, its other hard
// links. Atomic (a temporary file renamed over it) when that keeps all three; in place when the
// file has other links or the owner cannot be kept. Read-only files and files that are not
// Markdown are refused with a reason, never rewritten.
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  ftruncateSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { sep } from 'node:path';

export class FixRefused extends Error {}

const SEPARATOR = sep.charCodeAt(0);
const MARKDOWN = /\.(md|markdown)$/i;

function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

function writeInPlace(target: Buffer, bytes: Uint8Array): void {
  const fd = openSync(target, constants.O_WRONLY);
  try {
    writeAll(fd, bytes);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

/** Writes `bytes` as the new content of the file at `path` (through a symbolic link to its target). */
export function writeFixed(path: string | Buffer | Uint8Array, bytes: Uint8Array): void {
  const target = realpathSync.native(Buffer.from(path), { encoding: 'buffer' });
  if (!MARKDOWN.test(target.toString('latin1'))) throw new FixRefused('not a Markdown file (.md or .markdown): not fixed');
  const stats = statSync(target);
  if (!stats.isFile()) throw new FixRefused('not a regular file: not fixed');
  const mode = stats.mode & 0o7777;
  // Root may write anything, so the mode bits say what the owner meant.
  if ((mode & 0o222) === 0) throw new FixRefused(`the file is read-only (mode ${mode.toString(8).padStart(4, '0')}): not fixed`);
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new FixRefused('the file is not writable by you: not fixed');
  }
  if (stats.nlink > 1) return writeInPlace(target, bytes);

  const slash = target.lastIndexOf(SEPARATOR);
  const folder = target.subarray(0, slash + 1);
  const name = target.subarray(slash + 1);
  const temp = Buffer.concat([folder, Buffer.from('.'), name, Buffer.from(`.${process.pid}.${Date.now()}.tmp`)]);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  let renamed = false;
  try {
    const created = fstatSync(fd);
    if (created.uid !== stats.uid || created.gid !== stats.gid) {
      try {
        fchownSync(fd, stats.uid, stats.gid);
      } catch {
        // Only root may give a file away: keep the owner by writing over the original instead.
        closeSync(fd);
        unlinkSync(temp);
        return writeInPlace(target, bytes);
      }
    }
    fchmodSync(fd, mode);
    writeAll(fd, bytes);
    closeSync(fd);
    renameSync(temp, target);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      try {
        unlinkSync(temp);
      } catch {
        // never created or already gone
      }
    }
  }
}
