// Command-line paths -> the Markdown files to check: files as named, folders searched for
// `*.md`, globs expanded with minimatch. Folder walks skip node_modules and dot folders.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { UsageError } from './args';

const GLOB_MAGIC = /[*?[\]{}]/;

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Every `*.md` file under a folder, sorted, depth first. */
function walk(folder: string, out: string[], keep: (path: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`Cannot read folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skipFolder(entry.name)) walk(path, out, keep);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && keep(path)) {
      out.push(path);
    }
  }
}

const isMarkdown = (path: string) => path.toLowerCase().endsWith('.md');

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

function expandGlob(pattern: string, cwd: string): string[] {
  const normalised = pattern.split(sep).join('/');
  const root = globRoot(normalised);
  const absoluteRoot = resolve(cwd, root);
  try {
    if (!statSync(absoluteRoot).isDirectory()) return [];
  } catch {
    return [];
  }
  const found: string[] = [];
  const absolutePattern = normalised.startsWith('/');
  walk(absoluteRoot, found, (path) => {
    const candidate = absolutePattern ? path.split(sep).join('/') : relative(cwd, path).split(sep).join('/');
    return minimatch(candidate, normalised.replace(/^\.\//, ''));
  });
  return found;
}

export interface FileToCheck {
  /** Absolute path. */
  path: string;
  /** Found by searching a folder (checked only if it is a postmortem), not named or matched by a glob. */
  fromFolder: boolean;
}

/** Resolves the command-line paths to absolute file paths, in order, without duplicates. */
export function expandPaths(paths: string[], cwd: string): FileToCheck[] {
  const files: FileToCheck[] = [];
  const seen = new Map<string, FileToCheck>();
  const add = (path: string, fromFolder = false) => {
    const absolute = resolve(cwd, path);
    const known = seen.get(absolute);
    if (known) {
      known.fromFolder &&= fromFolder;
    } else {
      const file = { path: absolute, fromFolder };
      seen.set(absolute, file);
      files.push(file);
    }
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(resolve(cwd, path));
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      const found: string[] = [];
      walk(resolve(cwd, path), found, isMarkdown);
      for (const file of found) add(file, true);
    } else if (stats) {
      add(path);
    } else if (GLOB_MAGIC.test(path)) {
      const found = expandGlob(path, cwd);
      if (!found.length) throw new UsageError(`No files match "${path}".`);
      for (const file of found) add(file);
    } else {
      throw new UsageError(`No such file or folder: ${path}`);
    }
  }
  return files;
}
