// The timeline preview's script, inside the webview: draws what the extension sends, keeps the
// scroll position and focus across updates, and reports clicks and keyboard choices back.
import type { FromWebviewMessage, NotOpenMessage, PreviewState, ToWebviewMessage, UpdateMessage } from '../src/preview/messages';
import { render, renderNotOpen, type Drawing } from './render';
import './preview.css';

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
let current: UpdateMessage | undefined;
let drawing: Drawing | undefined;
let activeEntry: number | undefined;

function post(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function saveState(): void {
  if (!current) return;
  const state: PreviewState = { uri: current.model.uri, locked: current.locked, scrollY: window.scrollY };
  vscode.setState(state);
}

function update(message: UpdateMessage): void {
  const sameDocument = current?.model.uri === message.model.uri;
  const scrollY = sameDocument
    ? window.scrollY
    : (vscode.getState() as PreviewState | undefined)?.uri === message.model.uri
      ? ((vscode.getState() as PreviewState).scrollY ?? 0)
      : 0;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.entry : undefined;
  current = message;
  drawing = render(message.model, message.fileName);
  // One synchronous swap: the old drawing stays until the new one is complete, so nothing flickers.
  root.replaceChildren(drawing.root);
  window.scrollTo(0, scrollY);
  if (sameDocument && focused !== undefined) drawing.entries.get(Number(focused))?.focus({ preventScroll: true });
  highlightLine(message.cursorLine, false);
  saveState();
  post({ type: 'rendered', uri: message.model.uri, version: message.model.version, entries: drawing.entries.size, placed: drawing.placed });
}

function showNotOpen(message: NotOpenMessage): void {
  current = undefined;
  drawing = undefined;
  activeEntry = undefined;
  root.replaceChildren(renderNotOpen(message.fileName));
  // Kept, so that a reload brings the panel back for the same file.
  const state: PreviewState = { uri: message.uri, locked: message.locked };
  vscode.setState(state);
}

/** Highlights the entry whose lines contain `line` (the editor's cursor). */
function highlightLine(line: number | undefined, reveal: boolean): void {
  if (!current || !drawing) return;
  const index = line === undefined ? -1 : current.model.entries.findIndex((e) => e.range.start.line <= line && line <= e.range.end.line);
  if (activeEntry !== undefined) {
    const previous = drawing.entries.get(activeEntry);
    previous?.classList.remove('active');
    previous?.removeAttribute('aria-current');
  }
  activeEntry = index >= 0 ? index : undefined;
  const item = activeEntry !== undefined ? drawing.entries.get(activeEntry) : undefined;
  if (!item) return;
  item.classList.add('active');
  item.setAttribute('aria-current', 'true');
  if (reveal) {
    const box = item.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) item.scrollIntoView({ block: 'center' });
  }
}

function entryIndexOf(target: EventTarget | null): number | undefined {
  const node = target instanceof Element ? target.closest<HTMLElement>('[data-entry]') : null;
  if (!node || !current) return undefined;
  const index = Number(node.dataset.entry);
  return Number.isSafeInteger(index) && index >= 0 && index < current.model.entries.length ? index : undefined;
}

function reveal(index: number): void {
  if (!current) return;
  post({ type: 'reveal', version: current.model.version, entry: index });
}

root.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('button.open-document')) {
    post({ type: 'openDocument' });
    return;
  }
  const index = entryIndexOf(event.target);
  if (index === undefined) return;
  drawing?.entries.get(index)?.focus({ preventScroll: true });
  reveal(index);
});

// Arrow keys move between entries (in document order), Enter or Space reveals one in the editor.
root.addEventListener('keydown', (event) => {
  if (!drawing || !current) return;
  const order = [...drawing.entries.keys()];
  if (order.length === 0) return;
  const index = entryIndexOf(event.target);
  const at = index === undefined ? -1 : order.indexOf(index);
  let next: number | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = order[Math.min(order.length - 1, at + 1)];
      break;
    case 'ArrowUp':
      next = order[Math.max(0, at - 1)];
      break;
    case 'Home':
      next = order[0];
      break;
    case 'End':
      next = order[order.length - 1];
      break;
    case 'Enter':
    case ' ':
      if (index !== undefined && (event.target as HTMLElement).matches('li.entry')) {
        event.preventDefault();
        reveal(index);
      }
      return;
    default:
      return;
  }
  event.preventDefault();
  for (const item of drawing.entries.values()) item.tabIndex = -1;
  const item = drawing.entries.get(next!);
  if (item) {
    item.tabIndex = 0;
    item.focus();
  }
});

// Tab reaches the timeline once: the first entry is the list's way in.
root.addEventListener('focusin', (event) => {
  const index = entryIndexOf(event.target);
  if (index === undefined || !drawing) return;
  for (const [i, item] of drawing.entries) item.tabIndex = i === index ? 0 : -1;
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(saveState, 100);
});

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'update' && message.model && Array.isArray(message.model.entries)) {
    update(message);
    const first = drawing?.entries.values().next().value;
    if (first && ![...drawing!.entries.values()].some((item) => item.tabIndex === 0)) first.tabIndex = 0;
  } else if (message.type === 'notOpen' && typeof message.uri === 'string' && typeof message.fileName === 'string') {
    showNotOpen(message);
  } else if (message.type === 'highlight' && typeof message.line === 'number') {
    highlightLine(message.line, true);
  }
});

post({ type: 'ready' });
