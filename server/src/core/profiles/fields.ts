// Summary fields (`Duration: ...`) and the labels people write them with.

export interface FieldKind {
  id: string;
  label: string;
  synonyms: string[];
}

export const FIELD_KINDS: FieldKind[] = [
  {
    id: 'duration',
    label: 'Duration',
    synonyms: [
      'duration',
      'outage duration',
      'incident duration',
      'outage window',
      'duration of outage',
      'duration of the outage',
      'duration of incident',
      'duration of the incident',
      'outage length',
      'total duration',
      'time',
    ],
  },
  { id: 'impact', label: 'Impact', synonyms: ['impact', 'user impact', 'customer impact', 'business impact'] },
  { id: 'rootCause', label: 'Root Cause', synonyms: ['root cause', 'root causes', 'cause'] },
  { id: 'start', label: 'Start', synonyms: ['start', 'start time', 'started', 'started at', 'incident start', 'begin', 'began'] },
  { id: 'end', label: 'End', synonyms: ['end', 'end time', 'ended', 'ended at', 'incident end', 'resolved at'] },
  { id: 'detected', label: 'Detected', synonyms: ['detected', 'detected at', 'detection time', 'time detected'] },
  { id: 'severity', label: 'Severity', synonyms: ['severity', 'sev', 'priority'] },
  { id: 'date', label: 'Date', synonyms: ['date', 'incident date'] },
  { id: 'authors', label: 'Authors', synonyms: ['authors', 'author', 'owner', 'owners', 'written by'] },
];

const bySynonym = new Map<string, string>();
for (const kind of FIELD_KINDS) for (const synonym of kind.synonyms) bySynonym.set(synonym, kind.id);

export function fieldIdOf(label: string): string | undefined {
  return bySynonym.get(label.toLowerCase().replace(/\s+/g, ' ').trim());
}

export function fieldKind(id: string): FieldKind | undefined {
  return FIELD_KINDS.find((kind) => kind.id === id);
}
