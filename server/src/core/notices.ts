// Notices: findings that are not a rule's judgement of the postmortem but say why a document (or
// the config file) was not checked as usual. Their ids are diagnostic codes and doc pages like the
// rules' (docs/rules/<id>.md), but they cannot be configured. Their home is here, beside the rules.
import type { Severity } from './model';

export const NOTICES = {
  /** A `.postmortemrc.json` that is not valid JSON or holds an unknown key, rule, level or profile. */
  configInvalid: { id: 'config-invalid', severity: 'error' },
  /** A document above the size limit: one notice instead of a check. */
  documentTooLarge: { id: 'document-too-large', severity: 'info' },
  /** The check took longer than its deadline (a parse super-linear on this input): one notice instead. */
  documentTooComplex: { id: 'document-too-complex', severity: 'info' },
  /** The linter failed on the document (a bug of ours). */
  internalError: { id: 'internal-error', severity: 'info' },
} as const satisfies Record<string, { id: string; severity: Severity }>;

export type NoticeId = (typeof NOTICES)[keyof typeof NOTICES]['id'];

export const NOTICE_IDS: readonly NoticeId[] = Object.values(NOTICES).map((notice) => notice.id);
