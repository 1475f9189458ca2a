// Markdown text -> mdast, with unified + remark-parse (GFM tables and YAML front matter only when
// the text can hold them), and the flat key/value reading of that front matter.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { remarkTables } from '../remark-tables';
import type { Root } from 'mdast';

// Four processors, with and without tables and front matter: each extension costs parse time on
// every paragraph line (tables: +50% on a long document), so it is only used when it can apply.
interface Processor {
  parse(text: string): unknown;
}
const processors = new Map<string, Processor>();
function processorFor(tables: boolean, frontMatter: boolean): Processor {
  const key = `${tables}:${frontMatter}`;
  let processor = processors.get(key);
  if (!processor) {
    const built = unified().use(remarkParse);
    if (tables) built.use(remarkTables);
    if (frontMatter) built.use(remarkFrontmatter, ['yaml']);
    processors.set(key, (processor = built));
  }
  return processor;
}

const CLOSED_FRONT_MATTER = /^---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/;
/** A line that could be a table's delimiter row: only `|`, `-`, `:` and blanks, with a pipe and a hyphen. */
const DELIMITER_ROW = /^[ \t]*[|:-][-:| \t\r]*$/gm;

function mayHaveTable(text: string): boolean {
  DELIMITER_ROW.lastIndex = 0;
  for (let match = DELIMITER_ROW.exec(text); match; match = DELIMITER_ROW.exec(text)) {
    if (match[0].includes('|') && match[0].includes('-')) return true;
  }
  return false;
}

/** How many characters of `text` its YAML front matter takes, closing line included (0: none). */
export function frontMatterLength(text: string): number {
  // The front matter extension, given a `---` it cannot close, stops lists being recognised for
  // the rest of the document (micromark-extension-frontmatter#5): use it only when it closes.
  if (!text.startsWith('---')) return 0;
  return CLOSED_FRONT_MATTER.exec(text.slice(0, 20_000))?.[0].length ?? 0;
}

/** A part of a document that starts at a line start, read as the document's front matter only if `frontMatter`. */
export function parseMarkdownPart(text: string, frontMatter: boolean): Root {
  return processorFor(mayHaveTable(text), frontMatter).parse(text) as Root;
}

export function parseMarkdown(text: string): Root {
  return parseMarkdownPart(text, frontMatterLength(text) > 0);
}

/** What turns Markdown text into mdast: `parseMarkdown`, or one that reuses earlier work (blocks.ts). */
export type MarkdownParser = (text: string) => Root;

/** Flat `key: value` pairs of YAML front matter; enough to find a title or a date. */
export function readFrontMatter(yaml: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (match) result[match[1].toLowerCase()] = match[2].replace(/^["']|["']$/g, '').trim();
  }
  return result;
}
