// The converter for each format, behind one call that never throws, and the formats' names.
import { convertAlertmanager } from './alertmanager';
import { IMPORT_FORMATS, type ConvertOptions, type ConvertResult, type ImportFormat } from './entry';
import { convertJournalctl } from './journalctl';
import { convertKubectl } from './kubectl';
import { convertPagerDuty } from './pagerduty';
import { convertSlack } from './slack';
import { convertSlackJson } from './slack-json';
import { convertSyslog } from './syslog';

/** What each format is called in messages and pickers. */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  slack: 'Slack (copied from the app)',
  'slack-json': 'Slack export JSON',
  pagerduty: 'PagerDuty log entries JSON',
  alertmanager: 'Alertmanager / Grafana webhook JSON',
  syslog: 'syslog (RFC 3164 or 5424)',
  journalctl: 'journalctl (short or short-iso)',
  kubectl: 'kubectl get events -o json',
};

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === 'string' && (IMPORT_FORMATS as readonly string[]).includes(value);
}

export interface ImportOptions extends ConvertOptions {
  /** Slack export user ids -> names (users.json). */
  slackUsers?: Record<string, string>;
}

/** Converts `text` written in `format`; never throws. */
export function convertImport(text: string, format: ImportFormat, options: ImportOptions = {}): ConvertResult {
  try {
    switch (format) {
      case 'slack':
        return convertSlack(text, options);
      case 'slack-json':
        return convertSlackJson(text, { users: options.slackUsers });
      case 'pagerduty':
        return convertPagerDuty(text);
      case 'alertmanager':
        return convertAlertmanager(text);
      case 'syslog':
        return convertSyslog(text, options);
      case 'journalctl':
        return convertJournalctl(text, options);
      case 'kubectl':
        return convertKubectl(text);
    }
  } catch (error) {
    return { ok: false, error: `could not read the input: ${error instanceof Error ? error.message : String(error)}` };
  }
}
