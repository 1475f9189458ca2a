// GFM tables, and nothing else of GFM: timelines are often tables, while autolinks, footnotes
// and strikethrough cost parse time (remark-gfm doubled it) and change nothing we read.
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Processor } from 'unified';

export function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
