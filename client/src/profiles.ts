// The built-in profiles the client offers in its pickers (the server owns their definitions).
export const PROFILES: { id: string; label: string; description: string }[] = [
  { id: 'alx', label: 'ALX / Holberton', description: 'Issue Summary, Timeline, Root Cause and Resolution, Corrective and Preventative Measures' },
  { id: 'google-sre', label: 'Google SRE', description: 'Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items, Lessons Learned, Timeline' },
  { id: 'pagerduty', label: 'PagerDuty', description: 'Summary, What Happened, Impact, Responders, Timeline, Root Cause, Action Items' },
  { id: 'atlassian', label: 'Atlassian', description: 'Incident summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline, Root cause, Lessons' },
];

export function profileLabel(id: string): string {
  return PROFILES.find((p) => p.id === id)?.label ?? id;
}
