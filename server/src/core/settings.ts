// The core's view of the `postmortem.*` settings: their type, defaults and normaliser are defined
// once, in common/settings.ts (shared with the client, dependency-free); this file re-exports them
// so core modules import settings from inside the core.
export {
  CONFIG_FILE_NAME,
  DEFAULT_INCLUDE,
  DEFAULT_MAX_DOCUMENT_SIZE,
  DEFAULT_SETTINGS,
  RULE_LEVELS,
  normaliseSettings,
  PHASE_NAMES as SETTINGS_PHASE_NAMES,
  type PostmortemSettings,
} from '../../../common/settings';
