// Finds the `.postmortemrc.json` that applies to a file (walking up from its folder) and reads it
// once. A broken config is reported as findings on the config file itself, never thrown.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME, parseConfigFile, type ConfigFile } from '../core/config';
import type { Finding } from '../core/model';

export interface LoadedConfig {
  path: string;
  text: string;
  config: ConfigFile;
  findings: Finding[];
}

export class ConfigFinder {
  private readonly byFolder = new Map<string, LoadedConfig | undefined>();
  private readonly byPath = new Map<string, LoadedConfig>();

  /** The config for a file: the nearest `.postmortemrc.json` in its folder or above, if any. */
  forFile(file: string): LoadedConfig | undefined {
    return this.forFolder(dirname(file));
  }

  private forFolder(folder: string): LoadedConfig | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const candidate = join(folder, CONFIG_FILE_NAME);
    let found: LoadedConfig | undefined;
    if (isFile(candidate)) found = this.load(candidate);
    else {
      const parent = dirname(folder);
      found = parent === folder ? undefined : this.forFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  private load(path: string): LoadedConfig {
    const cached = this.byPath.get(path);
    if (cached) return cached;
    let loaded: LoadedConfig;
    try {
      const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      const { config, findings } = parseConfigFile(text);
      loaded = { path, text, config, findings };
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      loaded = {
        path,
        text: '',
        config: {},
        findings: [{ ruleId: 'config-invalid', severity: 'error', message: `${CONFIG_FILE_NAME} cannot be read (${reason}).`, span: { start: 0, end: 0 }, fixes: [] }],
      };
    }
    this.byPath.set(path, loaded);
    return loaded;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
