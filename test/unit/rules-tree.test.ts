// rules/tree: the walk every Markdown rule shares. A tree is flattened once and read many times,
// so the order must be the document order of a plain recursive walk, and a list handed to one
// rule must not be changed by what another rule does with its own.
import assert from 'node:assert/strict';
import type { Nodes, Parents, Root } from 'mdast';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { eachNode, nodesOf } from '../../server/src/core/rules/tree';

function recursive(node: Nodes, parent: Parents | undefined, out: [Nodes, Parents | undefined][]): void {
  out.push([node, parent]);
  if ('children' in node) for (const child of node.children as Nodes[]) recursive(child, node as Parents, out);
}

describe('rules/tree', () => {
  const root: Root = parseMarkdown('# Title\n\n- one *two*\n  - [three](x)\n\n## Next\n\n> quote `code`\n\n```\nblock\n```\n');

  it('visits every node with its parent in document order, the same on every walk', () => {
    const expected: [Nodes, Parents | undefined][] = [];
    recursive(root, undefined, expected);
    for (let walk = 0; walk < 2; walk++) {
      const seen: [Nodes, Parents | undefined][] = [];
      eachNode(root, (node, parent) => seen.push([node, parent]));
      assert.equal(seen.length, expected.length);
      seen.forEach(([node, parent], i) => {
        assert.equal(node, expected[i][0]);
        assert.equal(parent, expected[i][1]);
      });
    }
  });

  it('nodesOf gives the nodes of one type in order, in a list the caller owns', () => {
    const headings = nodesOf(root, 'heading');
    assert.deepEqual(
      headings.map((heading) => heading.depth),
      [1, 2],
    );
    headings.pop();
    assert.equal(nodesOf(root, 'heading').length, 2);
    assert.deepEqual(nodesOf(root, 'table'), []);
    assert.equal(nodesOf(root, 'listItem').length, 2);
  });
});
