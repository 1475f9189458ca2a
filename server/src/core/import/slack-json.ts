// Slack export JSON: a channel's `YYYY-MM-DD.json` (an array of messages), or several of them
// joined (the CLI reads a channel folder). `ts` is epoch seconds with a fraction; `<@U…>` mentions
// become names when the export's users are known; join/leave/topic subtypes are skipped.
import {
  failure,
  guessPhase,
  isObject,
  oneLine,
  parseJson,
  sortEntries,
  stringField,
  type ConvertResult,
  type ImportProblem,
  type ImportedEntry,
} from './entry';

/** Subtypes that are what people said; every other subtype (channel_join, pinned_item …) is chrome. */
const KEPT_SUBTYPES = new Set(['bot_message', 'me_message', 'thread_broadcast', 'file_share']);

export interface SlackJsonOptions {
  /** User id -> name, from the export's users.json. */
  users?: Record<string, string>;
}

/** users.json (an array of `{ id, name, real_name, profile: { display_name, real_name } }`) -> id -> name. */
export function slackUserNames(text: string): Record<string, string> {
  const parsed = parseJson(text);
  const names: Record<string, string> = {};
  if (!('value' in parsed) || !Array.isArray(parsed.value)) return names;
  for (const user of parsed.value) {
    if (!isObject(user) || typeof user.id !== 'string') continue;
    const profile = isObject(user.profile) ? user.profile : {};
    const name = stringField(profile.real_name) ?? stringField(user.real_name) ?? stringField(profile.display_name) ?? stringField(user.name);
    if (name) names[user.id] = name;
  }
  return names;
}

/** Slack's markup: `<@U1>` mentions, `<#C1|name>` channels, `<url|label>` links, `&amp;` escapes. */
function plainText(text: string, names: Record<string, string>): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) => `@${names[id] ?? label ?? id}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `#${label || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<([a-z]+:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<([a-z]+:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function convertSlackJson(text: string, options: SlackJsonOptions = {}): ConvertResult {
  const parsed = parseJson(text);
  if (!('value' in parsed)) return failure(parsed.where, parsed.error);
  const messages = parsed.value;
  if (!Array.isArray(messages)) return failure(undefined, 'a Slack export file is an array of messages; this JSON is not an array');
  const names: Record<string, string> = { ...(options.users ?? {}) };
  // Messages carry their author's profile: learn names from them for mentions of the same people.
  for (const message of messages) {
    if (isObject(message) && typeof message.user === 'string' && isObject(message.user_profile)) {
      const name = stringField(message.user_profile.real_name) ?? stringField(message.user_profile.display_name);
      if (name && !names[message.user]) names[message.user] = name;
    }
  }
  const entries: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  messages.forEach((message, index) => {
    const where = `[${index}]`;
    if (!isObject(message)) {
      problems.push({ where, message: 'not a message object' });
      return;
    }
    if (typeof message.subtype === 'string' && !KEPT_SUBTYPES.has(message.subtype)) return;
    if (message.type !== undefined && message.type !== 'message') return;
    const ts = typeof message.ts === 'string' || typeof message.ts === 'number' ? Number(message.ts) : NaN;
    if (!Number.isFinite(ts) || ts <= 0) {
      problems.push({ where: `${where}.ts`, message: `"${String(message.ts)}" is not epoch seconds (like "1714658651.000200")` });
      return;
    }
    const body = oneLine(plainText(typeof message.text === 'string' ? message.text : '', names));
    if (!body) return;
    const user = typeof message.user === 'string' ? message.user : undefined;
    const author =
      (user && names[user]) ?? stringField(message.username) ?? (isObject(message.bot_profile) ? stringField(message.bot_profile.name) : undefined) ?? user;
    entries.push({ epochMs: Math.round(ts * 1000), text: author ? `${author}: ${body}` : body, source: `${where}.ts`, phase: guessPhase(body) });
  });
  if (!entries.length && problems.length) return failure(problems[0].where, problems[0].message);
  return { ok: true, entries: sortEntries(entries), problems };
}
