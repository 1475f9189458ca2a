// The `.postmortemrc.json` that applies to each file: core/config's findConfig (the discovery the
// editor's server uses too) on the disk, looked up once per folder.
import { readFileSync, statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { findConfig, type FoundConfig } from '../core/config';

export type LoadedConfig = FoundConfig;

/** A file's text; undefined when there is no file; throws when it is there but unreadable. */
function readFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return readFileSync(path, 'utf8');
}

export class ConfigFinder {
  private readonly byFolder = new Map<string, LoadedConfig | undefined>();

  /** The config for a file: the nearest `.postmortemrc.json` in its folder or above, if any. */
  forFile(file: string): LoadedConfig | undefined {
    const folder = dirname(file);
    if (!this.byFolder.has(folder)) this.byFolder.set(folder, findConfig(folder.split(sep).join('/'), readFile));
    return this.byFolder.get(folder);
  }
}
