// `journalctl` output: short (`May 02 14:04:11 host app[42]: text`, no year and no zone) and
// short-iso (`2024-05-02T16:04:11+0200 host app[42]: text`), with its `-- Boot … --` and
// `-- Logs begin … --` marker lines passed over. The line shapes are read by syslog.ts.
import type { ConvertOptions, ConvertResult } from './entry';
import { convertLogLines } from './syslog';

export const JOURNAL_MARKER_RE = /^-- .* --$|^-- No entries --$/;

export function convertJournalctl(text: string, options: ConvertOptions): ConvertResult {
  return convertLogLines(text, { ...options, skip: JOURNAL_MARKER_RE, what: 'a journalctl line ("May 02 14:04:11 host app[42]: text" or short-iso)' });
}
