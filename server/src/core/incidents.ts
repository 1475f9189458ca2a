// The incident index: one summary per postmortem (date, title, severity, length, time to detect,
// acknowledge, mitigate and resolve, problem count) and the figures over many (totals, medians,
// MTTD and MTTR by month and by severity). Pure: model and findings in, plain data out; the CLI's
// `report` prints it, and an editor view can show the same.
import type { Finding, PostmortemModel } from './model';
import { incidentMetrics, type Milestone } from './metrics';
import { findTimestamps, formatCivilDate } from './time';

export interface IncidentSummary {
  /** As shown in the report (set by whoever knows the file). */
  file: string;
  /** `YYYY-MM-DD`: the incident window's start date, else a written date field or front matter date. */
  date?: string;
  title?: string;
  /** `SEV1`, `P2` ... when written that way, else the severity as written. */
  severity?: string;
  lengthMinutes?: number;
  /** Minutes from the incident start to the first entry of each phase. */
  detectMinutes?: number;
  acknowledgeMinutes?: number;
  mitigateMinutes?: number;
  /** The first `resolved` entry, else the outage length (the end of the window is its resolution). */
  resolveMinutes?: number;
  problems: number;
  errors: number;
}

const MILESTONE_KEY: Record<Milestone, keyof IncidentSummary> = {
  detect: 'detectMinutes',
  acknowledge: 'acknowledgeMinutes',
  mitigate: 'mitigateMinutes',
  resolve: 'resolveMinutes',
};

/** `Sev 1`, `SEV-1 (critical)`, `p2` -> `SEV1`, `P2`; anything else as written, on one line. */
export function normaliseSeverity(value: string): string | undefined {
  const match = /\b(sev|p)\s*-?\s*(\d)\b/i.exec(value);
  if (match) return `${match[1].toUpperCase()}${match[2]}`;
  const plain = value.replace(/\s+/g, ' ').trim().slice(0, 40);
  return plain || undefined;
}

function writtenDate(model: PostmortemModel): string | undefined {
  const candidates = [model.fields.find((field) => field.id === 'date')?.value, model.frontMatter?.date];
  for (const text of candidates) {
    if (!text) continue;
    const found = findTimestamps(text).find((stamp) => stamp.date && !stamp.error);
    if (found?.date) return formatCivilDate(found.date);
  }
  return undefined;
}

export function summarizeIncident(model: PostmortemModel, findings: Finding[]): IncidentSummary {
  const metrics = incidentMetrics(model);
  const severityText = model.fields.find((field) => field.id === 'severity')?.value ?? model.frontMatter?.severity;
  const summary: IncidentSummary = {
    file: '',
    date: metrics.date ? formatCivilDate(metrics.date) : writtenDate(model),
    title: model.title?.replace(/\s+/g, ' ').trim() || undefined,
    severity: severityText ? normaliseSeverity(severityText) : undefined,
    lengthMinutes: metrics.totalMinutes,
    problems: findings.length,
    errors: findings.filter((finding) => finding.severity === 'error').length,
  };
  for (const milestone of metrics.milestones) {
    if (milestone.minutes >= 0) (summary[MILESTONE_KEY[milestone.milestone]] as number | undefined) = milestone.minutes;
  }
  if (summary.resolveMinutes === undefined && summary.lengthMinutes !== undefined) summary.resolveMinutes = summary.lengthMinutes;
  return summary;
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: number[]): number | undefined {
  if (!values.length) return undefined;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export interface IncidentGroup {
  /** `2024-04` for a month, `SEV1` for a severity; `unknown` when not written. */
  key: string;
  incidents: number;
  /** Mean time to detect and to resolve, over the incidents that say. */
  mttdMinutes?: number;
  mttrMinutes?: number;
  medianDetectMinutes?: number;
  medianResolveMinutes?: number;
}

export interface IncidentIndex {
  incidents: IncidentSummary[];
  totals: {
    incidents: number;
    problems: number;
    /** Sum of the outage lengths known. */
    lengthMinutes: number;
    medianLengthMinutes?: number;
    medianDetectMinutes?: number;
    medianAcknowledgeMinutes?: number;
    medianMitigateMinutes?: number;
    medianResolveMinutes?: number;
    mttdMinutes?: number;
    mttrMinutes?: number;
  };
  byMonth: IncidentGroup[];
  bySeverity: IncidentGroup[];
}

const known = (values: (number | undefined)[]) => values.filter((value): value is number => value !== undefined);

function group(key: string, incidents: IncidentSummary[]): IncidentGroup {
  const detect = known(incidents.map((incident) => incident.detectMinutes));
  const resolve = known(incidents.map((incident) => incident.resolveMinutes));
  return {
    key,
    incidents: incidents.length,
    mttdMinutes: mean(detect),
    mttrMinutes: mean(resolve),
    medianDetectMinutes: median(detect),
    medianResolveMinutes: median(resolve),
  };
}

function groupBy(
  incidents: IncidentSummary[],
  keyOf: (incident: IncidentSummary) => string | undefined,
  compare: (a: string, b: string) => number,
): IncidentGroup[] {
  const groups = new Map<string, IncidentSummary[]>();
  for (const incident of incidents) {
    const key = keyOf(incident) ?? 'unknown';
    const list = groups.get(key);
    if (list) list.push(incident);
    else groups.set(key, [incident]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : compare(a, b)));
  return keys.map((key) => group(key, groups.get(key)!));
}

/** Incidents sorted by date (undated last, then by file), with their totals and groups. */
export function indexIncidents(summaries: IncidentSummary[]): IncidentIndex {
  const incidents = [...summaries].sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.file.localeCompare(b.file));
  const lengths = known(incidents.map((incident) => incident.lengthMinutes));
  const column = (key: keyof IncidentSummary) => known(incidents.map((incident) => incident[key] as number | undefined));
  const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return {
    incidents,
    totals: {
      incidents: incidents.length,
      problems: incidents.reduce((sum, incident) => sum + incident.problems, 0),
      lengthMinutes: lengths.reduce((sum, minutes) => sum + minutes, 0),
      medianLengthMinutes: median(lengths),
      medianDetectMinutes: median(column('detectMinutes')),
      medianAcknowledgeMinutes: median(column('acknowledgeMinutes')),
      medianMitigateMinutes: median(column('mitigateMinutes')),
      medianResolveMinutes: median(column('resolveMinutes')),
      mttdMinutes: mean(column('detectMinutes')),
      mttrMinutes: mean(column('resolveMinutes')),
    },
    byMonth: groupBy(
      incidents,
      (incident) => incident.date?.slice(0, 7),
      (a, b) => a.localeCompare(b),
    ),
    bySeverity: groupBy(incidents, (incident) => incident.severity, natural),
  };
}
