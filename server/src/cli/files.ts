// Command-line paths -> the Markdown files to check: files as named, folders searched for
// `*.md`, globs expanded with minimatch. Folder walks skip node_modules and dot folders, follow a
// symbolic link only when it stays inside the folder walked (and never round a loop), and keep
// names that are not valid UTF-8 as their bytes, so such a file is checked like any other.
// Nothing here throws for one bad path: it becomes a note and the run goes on.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { decodeBytes } from '../core/bytes';

const GLOB_MAGIC = /[*?[\]{}]/;
const SEPARATOR = Buffer.from(sep);

/** What the file system is asked with: a string, or the raw bytes of a name that is not UTF-8. */
export type FsPath = string | Buffer;

export interface FileToCheck {
  /** Absolute path as text (escapes for bytes that are not UTF-8; see core/bytes). */
  path: string;
  /** The same path for fs calls. */
  fsPath: FsPath;
  /** Found by searching a folder (checked only if it is a postmortem), not named or matched by a glob. */
  fromFolder: boolean;
}

/** Something skipped on the way; `failed` ones make the exit status 2. */
export interface PathNote {
  message: string;
  failed: boolean;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** A path's bytes as text: exact when valid UTF-8, with escapes otherwise. */
function asText(path: Buffer): string {
  return decodeBytes(path).text;
}

function asFsPath(path: Buffer): FsPath {
  const { text, invalid } = decodeBytes(path);
  return invalid ? path : text;
}

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

const isMarkdownName = (name: string) => /\.md$/i.test(name);

function isInside(child: Buffer, root: Buffer): boolean {
  if (child.equals(root)) return true;
  const prefix = root[root.length - 1] === SEPARATOR[0] ? root : Buffer.concat([root, SEPARATOR]);
  return child.length > prefix.length && child.subarray(0, prefix.length).equals(prefix);
}

interface Walk {
  realRoot: Buffer;
  /** Real paths of the folders already walked: a link back to one is a loop (or a second way in). */
  visited: Set<string>;
  keep: (path: string) => boolean;
  found: FileToCheck[];
  notes: PathNote[];
  show: (path: string) => string;
}

/** Every kept file under a folder, sorted by name, depth first. */
function walk(folder: Buffer, walkState: Walk): void {
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    walkState.notes.push({ message: `cannot read folder ${walkState.show(asText(folder))}: ${codeOf(error)}; skipped`, failed: true });
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const path = Buffer.concat([folder, SEPARATOR, entry.name]);
    const name = asText(entry.name);
    if (entry.isDirectory()) {
      if (!skipFolder(name)) enterFolder(path, walkState);
    } else if (entry.isFile()) {
      addFound(path, walkState);
    } else if (entry.isSymbolicLink()) {
      followLink(path, name, walkState);
    }
    // FIFOs, sockets and devices found in a folder are not Markdown files: never opened.
  }
}

function enterFolder(path: Buffer, walkState: Walk): void {
  let real: Buffer;
  try {
    real = realpathSync.native(path, { encoding: 'buffer' });
  } catch (error) {
    walkState.notes.push({ message: `cannot read folder ${walkState.show(asText(path))}: ${codeOf(error)}; skipped`, failed: true });
    return;
  }
  const key = real.toString('latin1');
  if (walkState.visited.has(key)) {
    walkState.notes.push({ message: `skipped ${walkState.show(asText(path))}: a folder already searched (a link loop)`, failed: false });
    return;
  }
  walkState.visited.add(key);
  walk(path, walkState);
}

function addFound(path: Buffer, walkState: Walk): void {
  const text = asText(path);
  if (walkState.keep(text)) walkState.found.push({ path: text, fsPath: asFsPath(path), fromFolder: true });
}

function followLink(path: Buffer, name: string, walkState: Walk): void {
  const shown = walkState.show(asText(path));
  let real: Buffer;
  let stats: Stats;
  try {
    real = realpathSync.native(path, { encoding: 'buffer' });
    stats = statSync(real);
  } catch {
    if (isMarkdownName(name)) walkState.notes.push({ message: `skipped ${shown}: a symbolic link to nothing`, failed: false });
    return;
  }
  if (!isInside(real, walkState.realRoot)) {
    if (stats.isDirectory() || isMarkdownName(name)) {
      walkState.notes.push({ message: `skipped ${shown}: a symbolic link to ${asText(real)}, outside the folder searched`, failed: false });
    }
    return;
  }
  if (stats.isDirectory()) {
    if (!skipFolder(name)) enterFolder(path, walkState);
  } else if (stats.isFile()) {
    addFound(path, walkState);
  }
}

function walkFolder(folder: string, keep: (path: string) => boolean, notes: PathNote[], show: (path: string) => string): FileToCheck[] {
  const root = Buffer.from(folder);
  let realRoot: Buffer;
  try {
    realRoot = realpathSync.native(root, { encoding: 'buffer' });
  } catch (error) {
    notes.push({ message: `cannot read folder ${show(folder)}: ${codeOf(error)}; skipped`, failed: true });
    return [];
  }
  const walkState: Walk = { realRoot, visited: new Set([realRoot.toString('latin1')]), keep, found: [], notes, show };
  walk(root, walkState);
  return walkState.found;
}

/** The folder a glob's fixed prefix names (`docs/**` -> `docs`), and the pattern relative to it. */
function globRoot(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (GLOB_MAGIC.test(part)) break;
    fixed.push(part);
  }
  if (!fixed.length) return '.';
  return fixed.join('/') || '/';
}

function expandGlob(pattern: string, cwd: string, notes: PathNote[], show: (path: string) => string): FileToCheck[] {
  const normalised = pattern.split(sep).join('/');
  const absoluteRoot = resolve(cwd, globRoot(normalised));
  try {
    if (!statSync(absoluteRoot).isDirectory()) return [];
  } catch {
    return [];
  }
  const absolutePattern = normalised.startsWith('/');
  const glob = normalised.replace(/^\.\//, '');
  return walkFolder(
    absoluteRoot,
    (path) => minimatch(absolutePattern ? path.split(sep).join('/') : relative(cwd, path).split(sep).join('/'), glob),
    notes,
    show,
  ).map((file) => ({ ...file, fromFolder: false }));
}

/**
 * A named path the shell passed as text although the name is not UTF-8: Node has already replaced
 * its bad bytes by U+FFFD. Finds the one entry of its folder whose name reads the same.
 */
function recoverNonUtf8Name(absolute: string): Buffer | undefined {
  if (!absolute.includes('\uFFFD')) return undefined;
  try {
    const folder = dirname(absolute);
    const wanted = basename(absolute);
    const matches = readdirSync(folder, { encoding: 'buffer' }).filter((name) => name.toString('utf8') === wanted);
    return matches.length === 1 ? Buffer.concat([Buffer.from(folder), SEPARATOR, matches[0]]) : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves the command-line paths to files, in order, without duplicates; what could not be used becomes a note. */
export function expandPaths(paths: string[], cwd: string, show: (path: string) => string): { files: FileToCheck[]; notes: PathNote[] } {
  const files: FileToCheck[] = [];
  const notes: PathNote[] = [];
  const seen = new Map<string, FileToCheck>();
  const add = (file: FileToCheck) => {
    const known = seen.get(file.path);
    if (known) {
      known.fromFolder &&= file.fromFolder;
    } else {
      seen.set(file.path, file);
      files.push(file);
    }
  };
  for (const path of paths) {
    let absolute: FsPath = resolve(cwd, path);
    let stats: Stats | undefined;
    try {
      stats = statSync(absolute);
    } catch {
      const recovered = recoverNonUtf8Name(absolute);
      if (recovered) {
        try {
          stats = statSync(recovered);
          absolute = recovered;
        } catch {
          stats = undefined;
        }
      }
    }
    if (stats?.isDirectory() && typeof absolute === 'string') {
      for (const file of walkFolder(absolute, isMarkdownName, notes, show)) add(file);
    } else if (stats) {
      const text = typeof absolute === 'string' ? absolute : asText(absolute);
      add({ path: text, fsPath: absolute, fromFolder: false });
    } else if (GLOB_MAGIC.test(path)) {
      const found = expandGlob(path, cwd, notes, show);
      if (!found.length) notes.push({ message: `No files match "${path}".`, failed: true });
      for (const file of found) add(file);
    } else {
      notes.push({ message: `No such file or folder: ${path}`, failed: true });
    }
  }
  return { files, notes };
}
