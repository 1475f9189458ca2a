// The `postmortem` settings per document, pulled from the client (`workspace/configuration`, scope
// per resource) through a function the host gives, normalised once (common/settings.ts) and cached
// until the client says they changed. Without a way to pull, every document gets the defaults.
import { DEFAULT_SETTINGS, normaliseSettings, type PostmortemSettings } from '../../common/protocol';

/** Asks the client for the `postmortem` section that applies to a document (any shape). */
export type PullSettings = (uri: string) => Promise<unknown>;

export interface SettingsStore {
  get(uri: string): Promise<PostmortemSettings>;
  /** Settings changed on the client: pull again when next needed. */
  clear(): void;
  /** A document closed: its entry goes. */
  forget(uri: string): void;
}

export function createSettingsStore(pull: () => PullSettings | undefined): SettingsStore {
  const cache = new Map<string, Promise<PostmortemSettings>>();
  const defaults = Promise.resolve(normaliseSettings(DEFAULT_SETTINGS));
  return {
    get(uri) {
      const pullSettings = pull();
      if (!pullSettings) return defaults;
      let settings = cache.get(uri);
      if (!settings) {
        settings = pullSettings(uri).then(normaliseSettings, () => normaliseSettings(undefined));
        cache.set(uri, settings);
      }
      return settings;
    },
    clear: () => cache.clear(),
    forget: (uri) => void cache.delete(uri),
  };
}
