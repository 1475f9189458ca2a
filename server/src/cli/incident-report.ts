// `postmortem-lint report`: the incident index (core/incidents) as Markdown, CSV, JSON or a
// self-contained HTML page with inline SVG charts: no script, no network, every piece of document
// text escaped for where it lands.
import { indexIncidents, type IncidentGroup, type IncidentIndex, type IncidentSummary } from '../core/incidents';
import { formatLength } from '../core/time';
import type { ReportFormat } from './args';
import { forJson } from './formats/escape';

const length = (minutes: number | undefined) => (minutes === undefined ? '' : formatLength(minutes));
const round = (minutes: number | undefined) => (minutes === undefined ? '' : String(Math.round(minutes * 100) / 100));
/** One line of text: control characters and escaped bytes out. */
const oneLine = (text: string | undefined) => forJson(text ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');

function markdownCell(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

function markdown(index: IncidentIndex, push: (text: string) => void): void {
  const t = index.totals;
  push('# Incident index\n\n');
  push(
    `${t.incidents} incident${t.incidents === 1 ? '' : 's'}, ${t.problems} problem${t.problems === 1 ? '' : 's'}; total outage ${length(t.lengthMinutes) || '0 min'}.\n`,
  );
  push(
    `Median length ${length(t.medianLengthMinutes) || '-'}, time to detect ${length(t.medianDetectMinutes) || '-'}, acknowledge ${length(t.medianAcknowledgeMinutes) || '-'}, mitigate ${length(t.medianMitigateMinutes) || '-'}, resolve ${length(t.medianResolveMinutes) || '-'}. `,
  );
  push(`MTTD ${length(t.mttdMinutes) || '-'}, MTTR ${length(t.mttrMinutes) || '-'}.\n\n`);
  push('| Date | Title | Severity | Length | Detect | Acknowledge | Mitigate | Resolve | Problems | File |\n');
  push('| --- | --- | --- | --- | --- | --- | --- | --- | ---: | --- |\n');
  for (const i of index.incidents) {
    const cells = [
      i.date ?? '',
      i.title ?? '',
      i.severity ?? '',
      length(i.lengthMinutes),
      length(i.detectMinutes),
      length(i.acknowledgeMinutes),
      length(i.mitigateMinutes),
      length(i.resolveMinutes),
      String(i.problems),
      i.file,
    ];
    push(`| ${cells.map(markdownCell).join(' | ')} |\n`);
  }
  for (const [title, groups] of [
    ['By month', index.byMonth],
    ['By severity', index.bySeverity],
  ] as const) {
    push(
      `\n## ${title}\n\n| ${title === 'By month' ? 'Month' : 'Severity'} | Incidents | MTTD | MTTR | Median detect | Median resolve |\n| --- | ---: | --- | --- | --- | --- |\n`,
    );
    for (const g of groups) {
      push(
        `| ${markdownCell(g.key)} | ${g.incidents} | ${length(g.mttdMinutes)} | ${length(g.mttrMinutes)} | ${length(g.medianDetectMinutes)} | ${length(g.medianResolveMinutes)} |\n`,
      );
    }
  }
}

/** A CSV field: quoted when it must be, and a leading = + - @ defused so spreadsheets show it as text. */
function csvField(text: string): string {
  let value = oneLine(text);
  if (/^[=+\-@\t]/.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(index: IncidentIndex, push: (text: string) => void): void {
  push('file,date,title,severity,length_minutes,detect_minutes,acknowledge_minutes,mitigate_minutes,resolve_minutes,problems\r\n');
  for (const i of index.incidents) {
    const fields = [
      csvField(i.file),
      i.date ?? '',
      csvField(i.title ?? ''),
      csvField(i.severity ?? ''),
      round(i.lengthMinutes),
      round(i.detectMinutes),
      round(i.acknowledgeMinutes),
      round(i.mitigateMinutes),
      round(i.resolveMinutes),
      String(i.problems),
    ];
    push(fields.join(',') + '\r\n');
  }
}

function json(index: IncidentIndex, push: (text: string) => void): void {
  const clean = (i: IncidentSummary) => ({
    ...i,
    file: forJson(i.file),
    title: i.title === undefined ? undefined : forJson(i.title),
    severity: i.severity === undefined ? undefined : forJson(i.severity),
  });
  push('{\n  "incidents": [');
  index.incidents.forEach((incident, n) => push(`${n ? ',' : ''}\n    ${JSON.stringify(clean(incident))}`));
  push(
    `${index.incidents.length ? '\n  ' : ''}],\n  "totals": ${JSON.stringify(index.totals)},\n  "byMonth": ${JSON.stringify(index.byMonth)},\n  "bySeverity": ${JSON.stringify(index.bySeverity)}\n}\n`,
  );
}

export function escapeHtml(text: string): string {
  return oneLine(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Bars of two series per group (MTTD and MTTR), scaled to the largest value, labels escaped. */
function barChart(title: string, groups: IncidentGroup[]): string {
  const width = Math.max(320, groups.length * 72 + 60);
  const height = 220;
  const top = 30;
  const bottom = 170;
  const max = Math.max(1, ...groups.flatMap((g) => [g.mttdMinutes ?? 0, g.mttrMinutes ?? 0]));
  const bar = (value: number | undefined, x: number, cls: string, label: string) => {
    if (value === undefined) return '';
    const h = Math.max(1, ((bottom - top) * value) / max);
    return `<rect class="${cls}" x="${x}" y="${(bottom - h).toFixed(1)}" width="24" height="${h.toFixed(1)}"><title>${escapeHtml(`${label}: ${formatLength(value)}`)}</title></rect>`;
  };
  const parts = groups.map((g, n) => {
    const x = 50 + n * 72;
    return [
      bar(g.mttdMinutes, x, 'mttd', `${g.key} MTTD`),
      bar(g.mttrMinutes, x + 26, 'mttr', `${g.key} MTTR`),
      `<text x="${x + 25}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(g.key)}</text>`,
      `<text x="${x + 25}" y="${bottom + 30}" text-anchor="middle" class="small">${g.incidents}</text>`,
    ].join('');
  });
  return (
    `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<text x="10" y="18" class="heading">${escapeHtml(title)}</text>` +
    `<line x1="45" y1="${bottom}" x2="${width - 10}" y2="${bottom}" class="axis"/>` +
    `<text x="40" y="${top + 4}" text-anchor="end" class="small">${escapeHtml(formatLength(max))}</text>` +
    parts.join('') +
    `</svg><figcaption><span class="key mttd"></span> MTTD <span class="key mttr"></span> MTTR (count under each label)</figcaption></figure>\n`
  );
}

function html(index: IncidentIndex, push: (text: string) => void): void {
  const t = index.totals;
  push(
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Incident index</title>\n<style>\n' +
      'body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#1e2a3a}table{border-collapse:collapse;margin:1em 0}' +
      'th,td{border:1px solid #ccd;padding:4px 8px;text-align:left}td.n{text-align:right}' +
      '.mttd{fill:#4a7bd0;background:#4a7bd0}.mttr{fill:#d0704a;background:#d0704a}.axis{stroke:#889}' +
      'svg text{font:12px system-ui,sans-serif;fill:#1e2a3a}svg .heading{font-weight:bold}svg .small{font-size:10px}' +
      '.key{display:inline-block;width:10px;height:10px}\n</style>\n</head>\n<body>\n<h1>Incident index</h1>\n',
  );
  push(
    `<p>${t.incidents} incident${t.incidents === 1 ? '' : 's'}, ${t.problems} problem${t.problems === 1 ? '' : 's'}; total outage ${escapeHtml(length(t.lengthMinutes) || '0 min')}. ` +
      `Median length ${escapeHtml(length(t.medianLengthMinutes) || '-')}; MTTD ${escapeHtml(length(t.mttdMinutes) || '-')}, MTTR ${escapeHtml(length(t.mttrMinutes) || '-')}.</p>\n`,
  );
  push(barChart('MTTD and MTTR by month', index.byMonth));
  push(barChart('MTTD and MTTR by severity', index.bySeverity));
  push(
    '<table>\n<thead><tr><th>Date</th><th>Title</th><th>Severity</th><th>Length</th><th>Detect</th><th>Acknowledge</th><th>Mitigate</th><th>Resolve</th><th>Problems</th><th>File</th></tr></thead>\n<tbody>\n',
  );
  for (const i of index.incidents) {
    const cells = [
      i.date ?? '',
      i.title ?? '',
      i.severity ?? '',
      length(i.lengthMinutes),
      length(i.detectMinutes),
      length(i.acknowledgeMinutes),
      length(i.mitigateMinutes),
      length(i.resolveMinutes),
    ];
    push(`<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td class="n">${i.problems}</td><td>${escapeHtml(i.file)}</td></tr>\n`);
  }
  push('</tbody>\n</table>\n');
  for (const [title, groups] of [
    ['By month', index.byMonth],
    ['By severity', index.bySeverity],
  ] as const) {
    push(
      `<h2>${title}</h2>\n<table>\n<thead><tr><th>${title === 'By month' ? 'Month' : 'Severity'}</th><th>Incidents</th><th>MTTD</th><th>MTTR</th><th>Median detect</th><th>Median resolve</th></tr></thead>\n<tbody>\n`,
    );
    for (const g of groups) {
      push(
        `<tr><td>${escapeHtml(g.key)}</td><td class="n">${g.incidents}</td><td>${escapeHtml(length(g.mttdMinutes))}</td><td>${escapeHtml(length(g.mttrMinutes))}</td><td>${escapeHtml(length(g.medianDetectMinutes))}</td><td>${escapeHtml(length(g.medianResolveMinutes))}</td></tr>\n`,
      );
    }
    push('</tbody>\n</table>\n');
  }
  push('</body>\n</html>\n');
}

export function writeIncidentReport(format: ReportFormat, summaries: IncidentSummary[], push: (text: string) => void): void {
  const index = indexIncidents(summaries);
  if (format === 'csv') csv(index, push);
  else if (format === 'json') json(index, push);
  else if (format === 'html') html(index, push);
  else markdown(index, push);
}
