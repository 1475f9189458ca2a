// HTML written inside Markdown -> the text a reader sees, with a real HTML parser
// (hast-util-from-html on parse5, hast-util-to-text): `<span style="color:green">Summary:</span>`
// reads as "Summary:". Never regular expressions over markup.
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Nodes } from 'mdast';

/** The text of an HTML fragment as rendered (tags gone, entities decoded, `<br>` a line break). */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html;
  return toText(fromHtml(html, { fragment: true }));
}

/** The text of a Markdown node as rendered: its text, with inline HTML read as HTML. */
export function renderedText(node: Nodes): string {
  let out = '';
  // An explicit stack: deep emphasis nesting must not overflow the call stack.
  const stack: Nodes[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'text' || current.type === 'inlineCode') out += current.value;
    else if (current.type === 'html') out += htmlToText(current.value);
    else if ('children' in current) {
      const children = current.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}

/** Whether a node holds inline HTML anywhere below it. */
export function holdsHtml(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'html') return true;
    if ('children' in current) stack.push(...(current.children as Nodes[]));
  }
  return false;
}
