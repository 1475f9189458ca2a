// Draws a model into the DOM. Every piece of document text goes in through textContent (the `el`
// helper): never innerHTML, never attributes built from text, so nothing the author typed can
// become markup or script.
import type { ModelEntry, ModelResult } from '../../common/protocol';
import { entryProblem, layoutAxis, phaseLabel, phasesOfEntry, type AxisRow } from '../src/preview/layout';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface Drawing {
  root: HTMLElement;
  /** The focusable entry elements, by entry index. */
  entries: Map<number, HTMLElement>;
  placed: number;
}

export function render(model: ModelResult, fileName: string): Drawing {
  const root = el('div', 'preview');
  const entries = new Map<number, HTMLElement>();
  root.append(header(model, fileName));
  if (!model.isPostmortem) {
    root.append(
      emptyState(`${fileName} is not treated as a postmortem.`, 'Run "Postmortem: Treat This File as a Postmortem", or name the file *postmortem*.md.'),
    );
    return { root, entries, placed: 0 };
  }
  if (model.entries.length === 0) {
    root.append(
      emptyState(
        'No timeline yet.',
        'Add a "## Timeline" section with one entry per line, each starting with a time, for example:',
        '- 09:10 UTC: the error-rate alert fires.\n- 09:14 UTC: on-call acknowledges the page.\n- 10:25 UTC: the service is restored.',
      ),
    );
    return { root, entries, placed: 0 };
  }
  const layout = layoutAxis(model);
  // An entry may carry markers for two phases: the first says how long since the phase before.
  const phaseByEntry = new Map<number, NonNullable<ModelResult['phases']>[number]>();
  for (const marker of model.phases ?? []) if (!phaseByEntry.has(marker.entry)) phaseByEntry.set(marker.entry, marker);
  const list = el('ol', 'axis');
  list.setAttribute('aria-label', `Timeline, ${model.entries.length} ${model.entries.length === 1 ? 'entry' : 'entries'}`);
  let placed = 0;
  for (const row of layout.rows) {
    if (row.kind !== 'entry') {
      list.append(markerRow(row));
      continue;
    }
    const entry = model.entries[row.entry];
    const item = entryRow(entry, row, phaseByEntry.get(row.entry));
    if (row.placed) placed++;
    entries.set(row.entry, item);
    list.append(item);
  }
  root.append(list);
  const problems = model.entries.map((entry, index) => ({ entry, index, problem: entryProblem(entry) })).filter((p) => p.problem);
  if (problems.length) root.append(problemList(problems));
  return { root, entries, placed };
}

function header(model: ModelResult, fileName: string): HTMLElement {
  const head = el('header', 'summary');
  head.append(el('h1', 'title', model.title || fileName));
  const window = model.window;
  const line = el('p', 'window');
  if (window?.startText && window.endText) {
    line.append(el('span', 'label', 'Incident window'), ' ', el('time', 'start', window.startText), ' → ', el('time', 'end', window.endText));
    if (window.length) line.append(' · ', el('span', 'length', window.length.text));
  } else if (window?.error) {
    line.append(el('span', 'label', 'Incident window'), ' ', el('span', 'problem', window.error));
  } else {
    line.append(el('span', 'label muted', 'No incident window: add "Duration: <start> to <end> <zone>" to the summary.'));
  }
  head.append(line);
  if (model.metrics?.length) {
    const list = el('dl', 'metrics');
    for (const metric of model.metrics) {
      const item = el('div', `metric metric-${metric.id}`);
      item.append(el('dt', undefined, metric.label), el('dd', undefined, metric.length.text));
      list.append(item);
    }
    head.append(list);
  }
  return head;
}

/** The document is not open, so there is no model: say so, with a button that opens it. */
export function renderNotOpen(fileName: string): HTMLElement {
  const root = el('div', 'preview');
  const box = emptyState(`${fileName} is not open.`, 'Open it to see its timeline: the preview draws it as soon as the file is open.');
  const open = el('button', 'open-document', `Open ${fileName}`);
  open.type = 'button';
  box.append(open);
  root.append(box);
  return root;
}

function emptyState(title: string, hint: string, example?: string): HTMLElement {
  const box = el('section', 'empty');
  box.append(el('h2', undefined, title), el('p', undefined, hint));
  if (example) box.append(el('pre', 'example', example));
  return box;
}

function markerRow(row: Exclude<AxisRow, { kind: 'entry' }>): HTMLElement {
  const item = el('li', `marker ${row.kind}${row.inWindow ? ' in-window' : ''}`);
  const text = row.kind === 'gap' ? row.text : `${row.kind === 'window-start' ? 'Incident start' : 'Incident end'} ${row.text}`.trim();
  item.append(el('span', 'axis-mark'), el('span', 'marker-text', text));
  return item;
}

function entryRow(
  entry: ModelEntry,
  row: Extract<AxisRow, { kind: 'entry' }>,
  phase: { phase: string; sincePreviousPhase?: { phase: string; length: { text: string } } } | undefined,
): HTMLElement {
  const problem = entryProblem(entry);
  const classes = [
    'entry',
    row.inWindow ? 'in-window' : '',
    row.placed ? 'placed' : 'unplaced',
    problem ? 'has-problem' : '',
    entry.phase ? `phase-${entry.phase}` : '',
  ];
  const item = el('li', classes.filter(Boolean).join(' '));
  item.dataset.entry = String(row.entry);
  item.dataset.line = String(entry.range.start.line);
  item.tabIndex = -1;
  item.setAttribute('role', 'button');
  // CSSOM, not a style attribute: allowed under the CSP and never built from text.
  if (row.space > 0) item.style.paddingTop = `${row.space}px`;

  item.append(el('span', 'axis-mark'));
  const body = el('div', 'body');
  const meta = el('div', 'meta');
  meta.append(el('time', 'stamp', entry.raw));
  const phases = phasesOfEntry(entry);
  for (const phase of phases) meta.append(el('span', `phase-badge phase-${phase}`, phaseLabel(phase)));
  if (phase?.sincePreviousPhase) {
    meta.append(el('span', 'since-phase', `${phase.sincePreviousPhase.length.text} after ${phaseLabel(phase.sincePreviousPhase.phase).toLowerCase()}`));
  }
  body.append(meta, el('p', 'text', entry.text));
  if (problem) body.append(el('p', 'problem', problem));
  item.append(body);

  const label = [entry.raw, phases.map(phaseLabel).join(', '), entry.text, problem ?? ''].filter(Boolean).join('. ');
  item.setAttribute('aria-label', label);
  return item;
}

function problemList(problems: { entry: ModelEntry; index: number; problem?: string }[]): HTMLElement {
  const section = el('section', 'problems');
  section.append(el('h2', undefined, `Not on the time axis (${problems.length})`));
  const list = el('ul');
  for (const { entry, index, problem } of problems) {
    const item = el('li');
    const button = el('button', 'problem-link', `Line ${entry.range.start.line + 1}: ${entry.raw}`);
    button.type = 'button';
    button.dataset.entry = String(index);
    item.append(button, ' ', el('span', 'problem', problem ?? ''));
    list.append(item);
  }
  section.append(list);
  return section;
}
