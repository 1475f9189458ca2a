// The sections postmortems are made of, with the names real templates give them.
// Profiles pick from these; a heading maps to a section when its normalised text is a synonym.

export interface SectionKind {
  id: string;
  /** The name the template writes. */
  title: string;
  synonyms: string[];
}

export const SECTION_KINDS: SectionKind[] = [
  {
    id: 'summary',
    title: 'Issue Summary',
    synonyms: ['summary', 'issue summary', 'executive summary', 'overview', 'incident summary', 'incident overview'],
  },
  { id: 'impact', title: 'Impact', synonyms: ['impact', 'customer impact', 'user impact', 'business impact'] },
  {
    id: 'timeline',
    title: 'Timeline',
    synonyms: ['timeline', 'incident timeline', 'chain of events', 'timeline of events', 'sequence of events'],
  },
  { id: 'detection', title: 'Detection', synonyms: ['detection', 'how it was detected'] },
  {
    id: 'rootCause',
    title: 'Root Cause',
    synonyms: ['root cause', 'root causes', 'root cause analysis', 'contributing factors', 'trigger', 'cause'],
  },
  {
    id: 'rootCauseAndResolution',
    title: 'Root Cause and Resolution',
    synonyms: ['root cause and resolution', 'root causes and resolution', 'cause and resolution'],
  },
  {
    id: 'resolution',
    title: 'Resolution',
    synonyms: ['resolution', 'mitigation', 'recovery', 'resolution and recovery', 'fix'],
  },
  {
    id: 'actions',
    title: 'Corrective and Preventative Measures',
    synonyms: [
      'corrective and preventative measures',
      'corrective and preventive measures',
      'corrective and preventative actions',
      'corrective and preventive actions',
      'preventative measures',
      'preventive measures',
      'action items',
      'corrective actions',
      'follow ups',
      'followups',
      'follow up actions',
      'next steps',
      'remediation',
      'prevention',
      'prevention measures',
      'preventive actions',
      'improvements',
    ],
  },
  {
    id: 'lessons',
    title: 'Lessons Learned',
    synonyms: ['lessons learned', 'lessons learnt', 'what went well', 'what went wrong', 'where we got lucky'],
  },
];

const byId = new Map(SECTION_KINDS.map((kind) => [kind.id, kind]));
const bySynonym = new Map<string, string>();
for (const kind of SECTION_KINDS) for (const synonym of kind.synonyms) bySynonym.set(synonym, kind.id);

export function sectionKind(id: string): SectionKind | undefined {
  return byId.get(id);
}

/**
 * The comparable form of a heading: lower case, `&` read as `and`, without numbering
 * (`1.`, `2)`, `IV.`), emphasis, emoji, punctuation or a trailing colon.
 */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:\d+|[ivx]+)[.)]\s+/, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section id a heading names, if any, given extra synonyms from a custom profile. */
export function sectionIdOf(heading: string, extra?: Map<string, string>): string | undefined {
  const key = normaliseHeading(heading);
  return extra?.get(key) ?? bySynonym.get(key);
}
