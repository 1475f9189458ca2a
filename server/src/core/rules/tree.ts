// Walking the Markdown tree, for the rules that check the Markdown itself (HTML, code blocks,
// images, lists, headings) rather than the postmortem model. Pure; no rule logic here.
import type { Nodes, Parents, Root } from 'mdast';

/** A tree's nodes in document order, each with its parent, and by type: walked once, read by every rule. */
interface FlatTree {
  nodes: Nodes[];
  parents: (Parents | undefined)[];
  byType?: Map<string, Nodes[]>;
}

// A parsed tree is not changed afterwards (proseOf below relies on that too): some twenty rules
// walk it, so it is walked once per tree.
const flatTrees = new WeakMap<Root, FlatTree>();

/** An explicit stack, so deep nesting cannot overflow it. */
function flatten(root: Root): FlatTree {
  let flat = flatTrees.get(root);
  if (flat) return flat;
  flat = { nodes: [], parents: [] };
  const stackNodes: Nodes[] = [root];
  const stackParents: (Parents | undefined)[] = [undefined];
  while (stackNodes.length) {
    const node = stackNodes.pop()!;
    flat.nodes.push(node);
    flat.parents.push(stackParents.pop());
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        stackNodes.push(children[i]);
        stackParents.push(node as Parents);
      }
    }
  }
  flatTrees.set(root, flat);
  return flat;
}

/** Every node with its parent, in document order. */
export function eachNode(root: Root, visit: (node: Nodes, parent: Parents | undefined) => void): void {
  const { nodes, parents } = flatten(root);
  for (let i = 0; i < nodes.length; i++) visit(nodes[i], parents[i]);
}

/** All nodes of one type, in document order. */
export function nodesOf<T extends Nodes['type']>(root: Root, type: T): Extract<Nodes, { type: T }>[] {
  const flat = flatten(root);
  if (!flat.byType) {
    flat.byType = new Map();
    for (const node of flat.nodes) {
      const list = flat.byType.get(node.type);
      if (list) list.push(node);
      else flat.byType.set(node.type, [node]);
    }
  }
  return (flat.byType.get(type)?.slice() ?? []) as Extract<Nodes, { type: T }>[];
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
