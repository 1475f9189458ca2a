import type { Html, Root } from 'mdast';
import type { Rule, RuleReport } from './rule';
import type { Span } from '../model';
import { bareLine, blockLines } from './block-lines';
import { nodesOf, spanOf } from './tree';
import { sectionFinder } from '../prose';

/**
 * What a finished postmortem must not still hold: a template's filler ("description here",
 * "Include diagrams here"), a TODO, a placeholder comment, template tags (`{% hint %}`), "Draft"
 * in the title, or text pasted from a web page's widgets ("Copy code", "Completed by ..., 19 hours
 * ago"). Each kind is reported once per document, where it first occurs, with how many more.
 */

type Kind = 'filler' | 'unfinished' | 'todo' | 'comment' | 'template' | 'draft' | 'widget';

const FILLER: RegExp[] = [
  // "description here", "descripton here", "details go here"
  /\b(?:desc\w*ton|description|details?|text|content|info|notes?)\s+(?:goes?\s+|go\s+)?here\b/i,
  // "Include relevant diagrams and visuals here", "Insert the timeline here"
  /^(?:include|insert|add|put|paste|enter|provide)\b[^.!?]{0,80}\bhere\b/i,
  // "[Your Name]", "[Insert date]"
  /\[(?:your|insert|enter)\b[^\]]{0,40}\]/i,
  /\blorem ipsum\b/i,
  // A template row or item still waiting for its text: "... another item"
  /^(?:\.{3}|…)\s*another\b/i,
];
/** A bold or plain label followed by a dash and nothing else: "**principle 1** - " */
const DANGLING_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*[^*]+\*\*|__[^_]+__)\s*[-–—:]\s*$/;
const TODO = /(?:^|[\s(*_])(?:TODO|FIXME)\b(?:\([^)]*\))?\s*:/;
const TEMPLATE_TAG = /\{%-?\s*[a-z]+\b[^%]{0,200}%\}|\{\{\s*[a-z_][\w.]*\s*\}\}/i;
const DRAFT = /(?:^|[\s(\[\-–—:])draft(?:\s+v?\d+(?:\.\d+)*|\s*[)\]])|^\s*\[?draft\]?\s*[:\-–—]|\bDRAFT\b/i;
const WIDGET = /^\(?copy code\)?$|^completed by\b.{1,80}\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b/i;
const PLACEHOLDER_COMMENT = /^<!--\s*(?:TODO|FIXME|replace\b|insert\b|add\b|include\b|put\b|fill\b|your\b|describe\b|write\b)/i;

/** `quoted` is the text found, in quotes, with how many more of its kind follow. */
const MESSAGES: Record<Kind, (quoted: string) => string> = {
  filler: (quoted) => `${quoted} is template filler: write the real content in its place, or delete it.`,
  unfinished: (quoted) => `${quoted} has nothing after it: write what it stands for, or delete the line.`,
  todo: (quoted) => `${quoted}: a TODO is left in the postmortem. Do it and write what was found, or move it to the action items.`,
  comment: (quoted) => `${quoted}: a placeholder comment is left in, and what it promises is not there. Add it, or delete the comment.`,
  template: (quoted) => `${quoted} is template syntax of another tool: Markdown shows it as text. Remove the tag, or write it as a blockquote.`,
  draft: (quoted) => `The title still says ${quoted}: remove the draft marker once the postmortem is final.`,
  widget: (quoted) => `${quoted} was copied from a web page along with the text: delete it.`,
};

function commentsOf(root: Root): Html[] {
  return nodesOf(root, 'html').filter((node) => /^\s*<!--/.test(node.value));
}

export const placeholderText: Rule = {
  id: 'placeholder-text',
  description: 'Template filler, a TODO, a placeholder comment, template tags, a draft marker or copied page text left in the postmortem.',
  defaultSeverity: 'warning',
  tags: ['content', 'template'],
  check({ text, root, model }) {
    // "TODO: write a runbook" among the action items is an action item, written the way many do.
    const sectionAt = sectionFinder(model.sections);
    const isActionItem = (offset: number, rest: string) => sectionAt(offset)?.canonical === 'actions' && /\p{L}+\s+\p{L}+/u.test(rest);
    const found = new Map<Kind, { span: Span; what: string; count: number }>();
    const note = (kind: Kind, span: Span, what: string) => {
      const seen = found.get(kind);
      if (seen) seen.count++;
      else found.set(kind, { span, what: what.length > 60 ? `${what.slice(0, 57)}...` : what, count: 1 });
    };
    const lines = blockLines(text, root);
    const title = lines.find((line) => line.block.type === 'heading' && line.block.depth === 1) ?? lines[0];
    for (const line of lines) {
      const span = { start: line.start, end: line.end };
      const bare = bareLine(line.text);
      if (line === title) {
        const draft = DRAFT.exec(line.text);
        if (draft) note('draft', span, draft[0].replace(/^[\s(\[\-–—:]+|[\s)\]:\-–—]+$/g, ''));
      }
      const filler = FILLER.map((pattern) => pattern.exec(line.block.type === 'tableRow' ? line.text : bare)).find(Boolean);
      if (filler) note('filler', span, filler[0]);
      else if (DANGLING_LABEL.test(line.text) && line.block.type !== 'heading') note('unfinished', span, bare);
      const todo = TODO.exec(line.text);
      if (todo && !isActionItem(line.start, line.text.slice(todo.index + todo[0].length))) note('todo', span, bareLine(line.text.slice(todo.index)));
      const tag = TEMPLATE_TAG.exec(line.text);
      if (tag) note('template', span, tag[0]);
      if (WIDGET.test(bare)) note('widget', span, bare);
    }
    for (const comment of commentsOf(root)) {
      const span = spanOf(comment);
      const value = comment.value.trim();
      if (!span || !PLACEHOLDER_COMMENT.test(value)) continue;
      const firstLine = value.split('\n')[0].replace(/^<!--\s*|\s*-->$/g, '');
      note(/^<!--\s*(?:TODO|FIXME)/i.test(value) ? 'todo' : 'comment', { start: span.start, end: span.start + value.split('\n')[0].length }, firstLine);
    }
    const reports: RuleReport[] = [];
    for (const [kind, { span, what, count }] of found) {
      const more = count > 1 ? ` (and ${count - 1} more like it below)` : '';
      reports.push({ message: MESSAGES[kind](`"${what}"${more}`), span });
    }
    return reports.sort((a, b) => a.span.start - b.span.start);
  },
};
