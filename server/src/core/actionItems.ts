// Action items, read from the parse tree of the corrective-measures section: list items, task-list
// items (`- [ ] …`), the rows of a table there, and lines marked as items that Markdown runs into
// one paragraph (`    - …` under a label, `•` glyph lines). For each: its text, whether it is done, and the
// parts it names (owner, due date, priority, tracking reference, type). Rules decide what is
// missing from a profile's requirements; nothing here knows about severities or messages.
import type { List, ListItem, Nodes, Paragraph, Root, Table, TableRow } from 'mdast';
import type { PostmortemModel, Section, Span } from './model';
import { firstAfter } from './parse/lines';
import { visibleText } from './prose';
import { findPhrases, type WordLists } from './wordLists';

export const ACTION_PARTS = ['owner', 'due', 'priority', 'ticket', 'type'] as const;
export type ActionPart = (typeof ACTION_PARTS)[number];

/** What each part is called in messages. */
export const PART_NAMES: Record<ActionPart, string> = {
  owner: 'owner',
  due: 'due date',
  priority: 'priority',
  ticket: 'tracking reference (ticket)',
  type: 'type (mitigate, detect, prevent)',
};

export interface ActionItem {
  /** `line`: a line marked as an item that renders inside a paragraph (a list that did not render). */
  form: 'list-item' | 'task' | 'table-row' | 'line';
  /** The item: a list item's own paragraph, or a table row. */
  span: Span;
  /** The item's text as a reader sees it (a list item's own paragraph; a row's task cell). */
  text: string;
  /** Where text may be added at the end of the item without touching what is written (list items only). */
  insertAt?: number;
  /** Checked (`[x]`), marked done, or in a done status. Done items need nothing more. */
  done: boolean;
  /** The parts found, with what was written for each. */
  parts: Partial<Record<ActionPart, string>>;
  /** The list or table the item belongs to: findings are grouped by it. */
  group: Span;
}

const PLACEHOLDER = /^(?:\?+|tbd|todo|n\/?a|none|unknown|-+|—)$/i;
const DONE_WORDS = /^(?:done|closed|complete|completed|fixed|resolved|shipped|finished|merged|✅|✔️?)$/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|q[1-4](?:\\s+\\d{4})?|yyyy-mm-dd|end of (?:the )?(?:week|month|quarter|sprint|year)|next (?:week|sprint|month|quarter)|(?:mon|tues|wednes|thurs|fri)day)`;

const PART_PATTERNS: Record<ActionPart, RegExp[]> = {
  owner: [
    /\b(?:owners?|assignee|assigned to|responsible|dri)\s*[:=]\s*([^,;)\]|]+)/i,
    /\b(?:owners?|assignee)\s+(@?[\w.-]+)/i,
    /(?:^|[\s(\[,])(@[A-Za-z0-9…][\w.…-]*)/,
  ],
  due: [
    new RegExp(`\\b(?:due|deadline|eta|target date)\\s*[:=]?\\s*([^,;)\\]|]+)`, 'i'),
    new RegExp(`\\b(?:by|before|until)\\s+(${DATE})`, 'i'),
    /\b(\d{4}-\d{2}-\d{2})\b/,
  ],
  priority: [/\b(P[0-4])\b/, /\bpriority\s*[:=]?\s*([\w…-]+)/i, /\b((?:high|medium|low|critical|urgent)[- ]priority)\b/i],
  ticket: [
    /\b(?:ticket|bug|issue|jira|tracking|ref)\s*[:=#]\s*([^,;)\]|\s]+)/i,
    /\b([A-Z][A-Z0-9]{1,9}-\d+)\b/,
    /(?:^|[\s(\[])(#\d+)\b/,
    /\b(b\/\d+)\b/,
    /(https?:\/\/\S*(?:\/issues?\/|\/pulls?\/|\/merge_requests\/|\/browse\/|\/tickets?\/|\/bugs?\/|show_bug|jira|linear\.app|\/-\/issues)\S*)/i,
  ],
  type: [/\btype\s*[:=]\s*([\w/…-]+)/i, /[[(](mitigat\w*|detect\w*|prevent\w*|repair|process)[\])]/i, /^\s*(mitigat\w*|detect\w*|prevent\w*)\s*:/i],
};

/** Table columns by what their header says. */
const COLUMN_KINDS: [ActionPart | 'status' | 'task', RegExp][] = [
  ['owner', /^(?:owners?|assignee|assigned(?: to)?|who|responsible|dri|lead)$/i],
  ['ticket', /^(?:bugs?|tickets?|issues?|references?|ref|tracking|tracker|links?|jira|pr|prs)$/i],
  ['priority', /^(?:priority|prio|pri)$/i],
  ['due', /^(?:due|due date|deadline|eta|by|target(?: date)?|when)$/i],
  ['type', /^(?:type|kind|category)$/i],
  ['status', /^(?:status|state|done)$/i],
  ['task', /\b(?:action|item|task|what|description|measure|follow)/i],
];

function cleanCell(text: string): string {
  return text.replace(/[*_`~]/g, '').trim();
}

function partsOfText(text: string, urls: string[]): Partial<Record<ActionPart, string>> {
  const parts: Partial<Record<ActionPart, string>> = {};
  const haystack = `${text} ${urls.join(' ')}`;
  for (const part of ACTION_PARTS) {
    for (const pattern of PART_PATTERNS[part]) {
      const value = pattern.exec(haystack)?.[1]?.trim();
      if (value && !PLACEHOLDER.test(cleanCell(value))) {
        parts[part] = value;
        break;
      }
    }
  }
  return parts;
}

function linkUrls(node: Nodes): string[] {
  const urls: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'link' || current.type === 'definition') urls.push(current.url);
    if ('children' in current) for (const child of current.children) stack.push(child as Nodes);
  }
  return urls;
}

const TASK_BOX = /^\s*\[([ xX])\]\s*/;
/** Work already done, told in the past: "We enabled branch protection", "Added a disk alert". */
const PAST =
  /^\s*(?:(?:we|i|they|the team|our team)\s+(?:(?:have|has|had|'ve)\s+(?:[\w-]+\s+){0,4}?)?(?:also\s+|already\s+|now\s+)?(?:\w+ed|did|made|wrote|set up|built|ran|took|sent|began)|(?:added|fixed|created|enabled|removed|introduced|updated|implemented|deployed|installed|configured|migrated|upgraded|patched|reverted|replaced|switched|wrote)\s|(?:the|our|a|an)\s+(?:[\w-]+\s+){1,3}(?:also\s+|already\s+)?(?:recommended|decided|rejected|agreed|voted|suggested|proposed|noted)\b)\b/i;
/**
 * Work done, told in the passive within the first words: "New tests were created", "A guide was
 * given to new staff", "The config has been fixed".
 */
const PASSIVE_PAST =
  /^\s*(?:[\p{L}\p{N}'’-]+\s+){0,6}?(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:\w+ed|given|made|built|written|set up|taken|sent|done|put|run|shown|held|brought|chosen|drawn|begun)\b/iu;

/** Whether an item is written as work already done (not ticked, not marked done: told in the past). */
export function toldAsDone(item: ActionItem): boolean {
  if (item.form === 'task' || item.form === 'table-row') return false;
  const body = item.text.replace(LEAD_IN, '');
  return PAST.test(body) || PASSIVE_PAST.test(body);
}

/** A note closing the item that it is done: "… _done in grafana_.", "… (already done)". */
const DONE_AT_END = /(?:^|[\s_*(\[—–-])(?:already\s+)?(?:done|completed|fixed|shipped)(?:\s+(?:in|on|via|with|by)\s+[^.;:!?]{1,30})?[\s_*)\].!]*$/i;
/** `**Improvements:**`, `Tasks to address the issue:`: a list item that only names the items under it. */
function isLabel(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 60 && /:\s*$/.test(trimmed) && trimmed.split(/\s+/).length <= 8;
}

function readListItem(item: ListItem, group: Span, out: ActionItem[], sublists: List[]): void {
  const first = item.children[0];
  const own = first?.type === 'paragraph' ? first : undefined;
  const nested = item.children.filter((child): child is List => child.type === 'list');
  const ownText = own ? visibleText(own) : '';
  if (!own || !own.position || item.position?.start.offset === undefined) {
    sublists.push(...nested);
    return;
  }
  if (isLabel(ownText) && nested.length) {
    // A heading-like item: the items are under it.
    sublists.push(...nested);
    return;
  }
  if (!ownText.trim() || (isLabel(ownText) && !nested.length)) return;
  const box = TASK_BOX.exec(ownText);
  const text = box ? ownText.slice(box[0].length) : ownText;
  // Sub-items of a task are its details: an owner or ticket written there counts.
  const details = item.children
    .slice(1)
    .map((child) => visibleText(child as Nodes))
    .join(' ');
  const urls = linkUrls(item);
  const paragraphEnd = own.position.end.offset!;
  const done = box
    ? box[1].toLowerCase() === 'x'
    : /\((?:done|completed?|fixed|shipped)\)|\b(?:DONE|COMPLETED)\b|✅/.test(text) ||
      DONE_AT_END.test(`${text} ${details}`) ||
      PAST.test(text.replace(LEAD_IN, ''));
  out.push({
    form: box ? 'task' : 'list-item',
    span: { start: item.position.start.offset, end: paragraphEnd },
    text: text.trim(),
    insertAt: paragraphEnd,
    done,
    parts: partsOfText(`${text} ${details}`, urls),
    group,
  });
}

function readList(list: List, out: ActionItem[]): void {
  const group = { start: list.position?.start.offset ?? 0, end: list.position?.end.offset ?? 0 };
  const pending: List[] = [];
  for (const item of list.children) readListItem(item, group, out, pending);
  for (const sublist of pending) readList(sublist, out);
}

function readTable(table: Table, out: ActionItem[]): void {
  const [header, ...rows] = table.children as TableRow[];
  if (!header || !table.position) return;
  const kinds = header.children.map((cell) => {
    const title = cleanCell(visibleText(cell));
    return COLUMN_KINDS.find(([, pattern]) => pattern.test(title))?.[0];
  });
  let taskColumn = kinds.indexOf('task');
  if (taskColumn < 0) taskColumn = kinds.findIndex((kind) => kind === undefined);
  if (taskColumn < 0) return;
  const group = { start: table.position.start.offset!, end: table.position.end.offset! };
  for (const row of rows) {
    if (!row.position) continue;
    const cells = row.children.map((cell) => ({ text: visibleText(cell), urls: linkUrls(cell) }));
    const text = cells[taskColumn]?.text.trim() ?? '';
    if (!cells.some((cell) => cell.text.trim())) continue;
    const parts = partsOfText(
      cells.map((cell) => cell.text).join(' | '),
      cells.flatMap((cell) => cell.urls),
    );
    let done = false;
    kinds.forEach((kind, index) => {
      const value = cleanCell(cells[index]?.text ?? '');
      if (DONE_WORDS.test(value)) done = true;
      if (kind === undefined || kind === 'task' || kind === 'status') return;
      if (!value || PLACEHOLDER.test(value) || DONE_WORDS.test(value)) {
        // A done marker in the reference column is no reference; an empty cell is nothing.
        if (kind !== 'ticket' || !parts.ticket || PLACEHOLDER.test(value) || !value) delete parts[kind];
        return;
      }
      parts[kind] = value;
    });
    out.push({ form: 'table-row', span: { start: row.position.start.offset!, end: row.position.end.offset! }, text, done, parts, group });
  }
}

/** A line marked as a list item: a dash, star, plus, bullet glyph or number, then the item. */
const PSEUDO_ITEM = /^\s*(?:[-*+•·▪◦‣]|\d{1,3}[.)])\s+(?=\S)/;

/** A source line as a reader sees it: entities, emphasis markers and link targets taken out. */
function plainLine(line: string): { text: string; urls: string[] } {
  const urls: string[] = [];
  const text = line
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&amp;/g, '&')
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (_, label: string, url: string) => {
      urls.push(url);
      return label;
    })
    .replace(/[*_`~]+/g, '')
    .replace(/\s+$/, '');
  return { text, urls };
}

/**
 * Lines marked as items inside one paragraph (indented under a label, `•` glyphs, lines joined by
 * hard breaks): Markdown shows them as one block, but the author wrote a list. Two or more marked
 * lines inside a region make one group; a lone marked line may be a sentence.
 */
function readPseudoList(source: string, paragraph: Paragraph, inside: (offset: number) => boolean, out: ActionItem[]): void {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const marked: { text: string; urls: string[]; start: number; end: number }[] = [];
  for (let at = start; at < end;) {
    const newline = source.indexOf('\n', at);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    const { text, urls } = plainLine(source.slice(at, lineEnd));
    if (PSEUDO_ITEM.test(text) && inside(at)) marked.push({ text, urls, start: at, end: lineEnd });
    at = lineEnd + 1;
  }
  if (marked.length < 2) return;
  const group = { start: marked[0].start, end: marked[marked.length - 1].end };
  for (const line of marked) {
    const body = line.text.replace(PSEUDO_ITEM, '').trim();
    const done = /\((?:done|completed?|fixed|shipped)\)|\b(?:DONE|COMPLETED)\b|✅/.test(body) || DONE_AT_END.test(body) || PAST.test(body.replace(LEAD_IN, ''));
    out.push({ form: 'line', span: { start: line.start, end: line.end }, text: body, done, parts: partsOfText(body, line.urls), group });
  }
}

/**
 * A corrective-measures section's body up to the next heading at its level or above, even one that
 * names no known section: "## Responders" after "## Action Items" holds no action items.
 */
function actionsRegion(sections: Section[], index: number): Span {
  const actions = sections[index];
  let end = actions.bodySpan.end;
  for (let i = index + 1; i < sections.length && sections[i].headingSpan.start < end; i++) {
    const section = sections[i];
    if (section.form === 'heading' && actions.form === 'heading' && section.level <= actions.level) end = section.headingSpan.start;
  }
  return { start: actions.bodySpan.start, end };
}

/** Read once per lint: four rules ask for the action items of one tree, text and model. */
const itemsOfTree = new WeakMap<Root, { source: string; model: PostmortemModel; items: ActionItem[] }>();

/** The action items of every corrective-measures section, in document order. */
export function readActionItems(source: string, model: PostmortemModel, root: Root): ActionItem[] {
  const known = itemsOfTree.get(root);
  if (known && known.source === source && known.model === model) return known.items.slice();
  const items = readItems(source, model, root);
  itemsOfTree.set(root, { source, model, items });
  return items.slice();
}

function readItems(source: string, model: PostmortemModel, root: Root): ActionItem[] {
  const regions: Span[] = [];
  model.sections.forEach((section, index) => {
    if (section.canonical === 'actions') regions.push(actionsRegion(model.sections, index));
  });
  if (!regions.length) return [];
  const starts = regions.map((span) => span.start);
  // Regions are in document order; one nested in another ("### Improvements" under the measures)
  // may end first, so a few steps back are looked at.
  const inside = (offset: number | undefined) => {
    if (offset === undefined) return false;
    const low = firstAfter(starts, offset);
    for (let i = low - 1, steps = 0; i >= 0 && steps < 64; i--, steps++) if (offset < regions[i].end) return true;
    return false;
  };
  const items: ActionItem[] = [];
  // Top-level lists and tables of the sections (nested lists are read with their parent item).
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'list' && inside(node.position?.start.offset)) {
      readList(node, items);
      continue;
    }
    if (node.type === 'table' && inside(node.position?.start.offset)) {
      readTable(node, items);
      continue;
    }
    if (node.type === 'paragraph') {
      // A paragraph may start above a label-line section and hold its items: its lines are looked at.
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? 0;
      if (regions.some((region) => start < region.end && region.start < end)) readPseudoList(source, node, inside, items);
      continue;
    }
    if ('children' in node && node.type !== 'list' && node.type !== 'table') for (const child of node.children) stack.push(child as Nodes);
  }
  return items.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The lists of task boxes (`- [ ] …`) of which some are ticked: such a list is the tracker itself,
 * kept where it is written, and its open boxes are the work left (by the `group` start of each).
 */
export function trackedChecklists(items: ActionItem[]): Set<number> {
  return new Set(items.filter((item) => item.form === 'task' && item.done).map((item) => item.group.start));
}

/** Whether an item is an open box of a checklist that is ticked as work gets done. */
export function isTrackedInPlace(item: ActionItem, checklists: Set<number>): boolean {
  return item.form === 'task' && !item.done && checklists.has(item.group.start);
}

/** The innermost section whose heading stands above a span and whose body holds it. */
export function sectionAbove(model: PostmortemModel, span: Span): Section | undefined {
  let found: Section | undefined;
  for (const section of model.sections) {
    if (section.headingSpan.end > span.start || span.start >= section.bodySpan.end) continue;
    if (!found || section.headingSpan.start > found.headingSpan.start) found = section;
  }
  return found;
}

/** A profile's requirement: each group is a part, or alternatives of which one is enough. */
export type PartRequirement = ActionPart[];

/** The requirement groups an open item does not meet. */
export function missingParts(item: ActionItem, require: PartRequirement[]): PartRequirement[] {
  if (item.done) return [];
  return require.filter((group) => !group.some((part) => item.parts[part] !== undefined));
}

/** `owner|ticket` -> ['owner', 'ticket']; undefined when a name is not a part. */
export function parseRequirement(text: string): PartRequirement | undefined {
  const parts = text.split('|').map((part) => part.trim());
  return parts.length && parts.every((part) => (ACTION_PARTS as readonly string[]).includes(part)) ? (parts as ActionPart[]) : undefined;
}

function withArticle(part: ActionPart): string {
  return `${/^[aeiou]/.test(PART_NAMES[part]) ? 'an' : 'a'} ${PART_NAMES[part]}`;
}

function joinAnd(words: string[], and: string): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

/**
 * Requirement groups in words. Groups sharing one alternative (`owner|ticket`, `priority|ticket`)
 * read as "an owner and a priority, or a tracking reference (ticket) that carries them"; with
 * `missing`, as "no owner or priority, and no tracking reference (ticket) that carries them".
 */
export function describeRequirements(groups: PartRequirement[], missing = false): string {
  const shared = groups.length > 1 ? groups[0].filter((part) => groups.every((group) => group.includes(part))) : [];
  const own = groups.map((group) => group.filter((part) => !shared.includes(part)));
  if (shared.length === 1 && own.every((parts) => parts.length === 1)) {
    const parts = own.map(([part]) => part);
    return missing
      ? `no ${joinAnd(
          parts.map((part) => PART_NAMES[part]),
          'or',
        )}, and no ${PART_NAMES[shared[0]]} that carries them`
      : `${joinAnd(parts.map(withArticle), 'and')}, or ${withArticle(shared[0])} that carries them`;
  }
  const each = groups.map((group) => (missing ? group.map((part) => PART_NAMES[part]).join(' or ') : group.map(withArticle).join(' or ')));
  return missing ? `no ${each.join(', no ')}` : joinAnd(each, 'and');
}

// ---- vagueness ------------------------------------------------------------------------------

/** A leading `Label:` or `**Label:**` (a name for the item), a leading "To" or "We will". */
const LEAD_IN = /^\s*(?:(?:\d+[.)]\s*)?[^:.!?]{1,40}:\s+)?(?:to\s+|we\s+(?:will|should|need to|must)\s+)?/i;

/** Links, ticket ids and the words that only name them ("issue", "see", "PR"). */
const BARE_REFERENCE = /https?:\/\/\S+|\b[A-Z][A-Z0-9]{1,9}-\d+\b|#\d+|\bb\/\d+|\b(?:see|issue|issues|ticket|bug|pr|link|here)\b/gi;
/** A label, then a sentence about the practice it names rather than a task: "TDD: This could help …". */
const PRACTICE = /^\s*[^:.!?]{2,40}:\s+(?:this|it|these|that|which)\s+(?:ensures?|helps?|could|would|can|may|might|allows?|makes?|prevents?)\b/i;
/**
 * People promising to react next time: "Whenever the server has errors, we will fix them". (An
 * automatic reaction, "Whenever a deploy fails, roll it back", is a task.)
 */
const PROMISE =
  /^(?:whenever|whatever|every time|each time|any ?time)\b.*\b(?:we|i|the team|engineers?|someone)\s+(?:have to|has to|will|need to|must|should)\b/i;

export interface Vagueness {
  kind: 'people' | 'vague' | 'question' | 'bare' | 'practice' | 'promise';
  /** The words that make it vague, as written. */
  phrase: string;
}

/**
 * Why an open item is not a task someone can finish, if it is not: a fix aimed at people
 * ("be more careful"), a vague phrase ("look into", "as many tests as possible"), or a short item
 * led by a vague verb ("Improve monitoring."). An item with a tracking reference is left alone:
 * the ticket holds the detail.
 */
export function vaguenessOf(item: ActionItem, words: WordLists): Vagueness | undefined {
  if (item.done) return undefined;
  // Only a link or a ticket id: the reader must open the tracker to learn what will be done.
  if (item.parts.ticket && !/\p{L}{2,}/u.test(item.text.replace(BARE_REFERENCE, ' '))) return { kind: 'bare', phrase: item.text };
  if (item.parts.ticket) return undefined;
  const people = findPhrases(item.text, words.peopleFixes)[0];
  if (people) return { kind: 'people', phrase: people.phrase };
  const vague = findPhrases(item.text, words.vague)[0];
  if (vague) return { kind: 'vague', phrase: vague.phrase };
  // "Implement a quota on prod so that …?": an open question, not a decided task.
  if (/\?[\s*_)]*$/.test(item.text)) return { kind: 'question', phrase: item.text };
  const body = item.text
    .replace(LEAD_IN, '')
    .replace(/[.!?\s]+$/, '')
    .trim();
  // "Code review: this ensures that …": a practice named by its label and praised, no task.
  if (PRACTICE.test(item.text)) return { kind: 'practice', phrase: item.text.slice(0, item.text.indexOf(':')) };
  // "Whenever the server has errors, we find and fix them": a promise to react next time.
  if (PROMISE.test(body)) return { kind: 'promise', phrase: body };
  const lead = findPhrases(body, words.vagueLeads).find((found) => found.offset === 0);
  if (lead && body.slice(lead.phrase.length).trim().split(/\s+/).filter(Boolean).length <= 2) return { kind: 'vague', phrase: body };
  return undefined;
}
