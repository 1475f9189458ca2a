// Walking the Markdown tree, for the rules that check the Markdown itself (HTML, code blocks,
// images, lists, headings) rather than the postmortem model. Pure; no rule logic here.
import type { Nodes, Parents, Root } from 'mdast';

/** Every node with its parent, in document order; an explicit stack, so deep nesting cannot overflow it. */
export function eachNode(root: Root, visit: (node: Nodes, parent: Parents | undefined) => void): void {
  const stack: { node: Nodes; parent: Parents | undefined }[] = [{ node: root, parent: undefined }];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    visit(node, parent);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: node as Parents });
    }
  }
}

/** All nodes of one type, in document order. */
export function nodesOf<T extends Nodes['type']>(root: Root, type: T): Extract<Nodes, { type: T }>[] {
  const found: Extract<Nodes, { type: T }>[] = [];
  eachNode(root, (node) => {
    if (node.type === type) found.push(node as Extract<Nodes, { type: T }>);
  });
  return found;
}

const proseCache = new WeakMap<Root, string>();

/** The document's prose: its text nodes joined by line breaks (no code, no HTML, no front matter). */
export function proseOf(root: Root): string {
  let prose = proseCache.get(root);
  if (prose === undefined) {
    const parts: string[] = [];
    eachNode(root, (node) => {
      if (node.type === 'text') parts.push(node.value);
    });
    prose = parts.join('\n');
    proseCache.set(root, prose);
  }
  return prose;
}

/** The offsets a node covers, when it has a position. */
export function spanOf(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The source line (without its break) that holds `offset`. */
export function lineAt(text: string, offset: number): { start: number; end: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end, text: text.slice(start, end) };
}
