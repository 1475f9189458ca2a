// The timeline in other forms: a Mermaid `timeline` block, a Markdown table, and a standalone SVG
// drawn with the preview's own layout. Pure functions of the server's model.
import type { ModelEntry, ModelResult } from '../../../common/protocol';
import { entryProblem, isPlaced, layoutAxis, phaseLabel, phasesOfEntry } from './layout';

/** Mermaid entity codes for the characters that would end an event or a comment. */
function mermaidText(text: string): string {
  return text
    .replace(/[#:;]/g, (c) => `#${c.charCodeAt(0)};`)
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

/** A fenced Mermaid `timeline`: placed entries in order, one section per date; the others listed as comments. */
export function toMermaid(model: ModelResult): string {
  const lines = ['```mermaid', 'timeline'];
  if (model.title) lines.push(`    title ${mermaidText(model.title)}`);
  let section: string | undefined;
  for (const entry of model.entries) {
    if (!isPlaced(entry)) continue;
    const date = entry.dateText;
    if (date && date !== section) {
      section = date;
      lines.push(`    section ${date}`);
    }
    const phases = phasesOfEntry(entry);
    const phase = phases.length ? ` (${phases.map(phaseLabel).join(', ')})` : '';
    lines.push(`        ${mermaidText(entry.raw)} : ${mermaidText(entry.text + phase) || '(no text)'}`);
  }
  const skipped = model.entries.filter((e) => !isPlaced(e));
  for (const entry of skipped) lines.push(`    %% not placed: ${mermaidText(entry.raw)}, ${mermaidText(entryProblem(entry) ?? '')}`);
  lines.push('```');
  return lines.join('\n') + '\n';
}

const cell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .trim();

/** A Markdown table of every entry in document order, with its phase, the time since the previous entry, and any problem. */
export function toMarkdownTable(model: ModelResult): string {
  const rows = [
    '| Time | Phase | Since previous | Event | Note |',
    '| --- | --- | --- | --- | --- |',
    ...model.entries.map((e: ModelEntry) =>
      `| ${cell(e.raw)} | ${e.phase ? phaseLabel(e.phase) : ''} | ${e.sincePrevious?.text ?? ''} | ${cell(e.text)} | ${cell(entryProblem(e) ?? '')} |`.replace(
        / {2,}\|/g,
        ' |',
      ),
    ),
  ];
  return rows.join('\n') + '\n';
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const PHASE_COLORS: Record<string, string> = {
  started: '#652d90',
  detected: '#e51400',
  acknowledged: '#1a85ff',
  escalated: '#1a85ff',
  mitigated: '#d18616',
  resolved: '#388a34',
};

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** A standalone SVG of the same picture as the panel (light colours; every text escaped). */
export function toSvg(model: ModelResult, fileName: string): string {
  const width = 820;
  const axisX = 24;
  const textX = 44;
  /** The header: title, window, metrics. */
  const parts: string[] = [];
  let y = 28;
  parts.push(`<text x="16" y="${y}" class="title">${xml(clip(model.title || fileName, 90))}</text>`);
  const window = model.window;
  if (window?.startText && window.endText) {
    y += 22;
    parts.push(
      `<text x="16" y="${y}" class="window">Incident window ${xml(window.startText)} → ${xml(window.endText)}${window.length ? ` · ${xml(window.length.text)}` : ''}</text>`,
    );
  }
  if (model.metrics?.length) {
    y += 20;
    parts.push(`<text x="16" y="${y}" class="muted">${xml(model.metrics.map((m) => `${m.label}: ${m.length.text}`).join(' · '))}</text>`);
  }
  y += 24;
  const axisTop = y;
  const layout = layoutAxis(model);
  const phaseByEntry = new Map((model.phases ?? []).map((p) => [p.entry, p]));
  const body: string[] = [];
  const shades: { top: number; bottom: number }[] = [];
  let shadeTop: number | undefined;
  for (const row of layout.rows) {
    const top = y;
    if (row.kind === 'entry') {
      y += row.space;
      const entry = model.entries[row.entry];
      const problem = entryProblem(entry);
      const phase = entry.phase;
      const color = phase ? (PHASE_COLORS[phase] ?? '#717171') : '#ffffff';
      const cy = y + 10;
      body.push(
        row.placed
          ? `<circle cx="${axisX}" cy="${cy}" r="5" fill="${color}" stroke="${phase ? color : '#717171'}" stroke-width="2"/>`
          : `<rect x="${axisX - 5}" y="${cy - 5}" width="10" height="10" fill="#ffffff" stroke="#bf8803" stroke-width="2" stroke-dasharray="2 2"/>`,
      );
      const since = phaseByEntry.get(row.entry)?.sincePreviousPhase;
      const meta = [phase ? phaseLabel(phase).toUpperCase() : '', since ? `${since.length.text} after ${phaseLabel(since.phase).toLowerCase()}` : '']
        .filter(Boolean)
        .join(' · ');
      body.push(
        `<text x="${textX}" y="${cy + 4}"><tspan class="stamp${problem ? ' problem' : ''}">${xml(entry.raw)}</tspan>${meta ? `<tspan class="muted" dx="8">${xml(meta)}</tspan>` : ''}</text>`,
        `<text x="${textX}" y="${cy + 22}"><title>${xml(entry.text)}</title>${xml(clip(entry.text, 110))}</text>`,
      );
      y += 36;
      if (problem) {
        body.push(`<text x="${textX}" y="${y + 12}" class="problem">${xml(problem)}</text>`);
        y += 20;
      }
    } else {
      const text = row.kind === 'gap' ? row.text : `${row.kind === 'window-start' ? 'Incident start' : 'Incident end'} ${row.text}`;
      if (row.kind === 'gap') {
        body.push(`<path d="M${axisX - 7} ${y + 8} l14 -4 M${axisX - 7} ${y + 14} l14 -4" stroke="#717171" stroke-width="2"/>`);
      } else {
        body.push(`<line x1="${axisX - 14}" x2="${axisX + 14}" y1="${y + 11}" y2="${y + 11}" stroke="#e51400" stroke-width="2"/>`);
      }
      body.push(`<text x="${textX}" y="${y + 15}" class="${row.kind === 'gap' ? 'muted gap' : 'edge'}">${xml(text)}</text>`);
      y += 24;
    }
    if (row.kind === 'window-start') shadeTop = top;
    if (row.kind === 'window-end' && shadeTop !== undefined) {
      shades.push({ top: shadeTop, bottom: y });
      shadeTop = undefined;
    }
  }
  if (shadeTop !== undefined) shades.push({ top: shadeTop, bottom: y });
  const axisBottom = y;
  const height = axisBottom + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xml(`Timeline: ${model.title || fileName}`)}">`,
    '<style>text{font:13px system-ui,sans-serif;fill:#333}.title{font-size:18px;font-weight:600}.window{font-weight:600}.muted{fill:#717171}.gap{font-style:italic}.edge{fill:#e51400;font-weight:600}.stamp{font-family:monospace;font-weight:600}.problem{fill:#bf8803}</style>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...shades.map((s) => `<rect x="${axisX - 14}" y="${s.top}" width="28" height="${s.bottom - s.top}" fill="#e51400" fill-opacity="0.14"/>`),
    ...parts,
    `<line x1="${axisX}" x2="${axisX}" y1="${axisTop}" y2="${axisBottom}" stroke="#c8c8c8" stroke-width="2"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
