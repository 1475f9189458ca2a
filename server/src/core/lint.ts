// lint(text, options) -> findings: the one entry point the server and the CLI call.
import type { Finding, PostmortemModel } from './model';
import type { Profile } from './profiles';
import { defaultProfile } from './profiles';
import type { RuleLevel } from './model';
import { parse } from './parse';
import { createBlockParser } from './parse/blocks';
import type { MarkdownParser } from './parse/markdown';
import type { PhaseWords } from './phases';
import { RULES } from './rules';
import { resolveWordLists, type WordListConfig } from './wordLists';
import { createTimestampMemo, findTimestamps, withTimestampMemo, type ScannedTimestamp, type TimestampMemo } from './time';

export interface LintOptions {
  profile: Profile;
  /** Severity per rule id; `off` silences a rule. Rules not named keep their default. */
  rules: Record<string, RuleLevel>;
  /** Extra words that mark timeline phases, added to the built-in ones. */
  phaseWords?: PhaseWords;
  /** Phrases added to or silenced in the wording rules' lists (`.postmortemrc.json` `words`). */
  words?: WordListConfig;
}

export function defaultLintOptions(): LintOptions {
  return { profile: defaultProfile(), rules: {} };
}

export interface LintResult {
  model: PostmortemModel;
  findings: Finding[];
}

/**
 * What a host that lints the same documents again and again (the server) keeps between lints: the
 * trees of unchanged parts of the Markdown, and the timestamps of unchanged lines. A lint with it
 * gives what a lint without it gives, only sooner.
 */
export interface LintMemory {
  markdown: MarkdownParser;
  timestamps: TimestampMemo;
}

export function createLintMemory(): LintMemory {
  return { markdown: createBlockParser(), timestamps: createTimestampMemo() };
}

export function lint(text: string, options: LintOptions = defaultLintOptions(), memory?: LintMemory): LintResult {
  return withTimestampMemo(memory?.timestamps, () => lintWith(text, options, memory?.markdown));
}

function lintWith(text: string, options: LintOptions, markdown: MarkdownParser | undefined): LintResult {
  const { model, root } = parse(text, options.profile, options.phaseWords, markdown);
  const words = resolveWordLists(options.words);
  const stamps = new Map<string, ScannedTimestamp[]>();
  const timestamps = (piece: string) => {
    let found = stamps.get(piece);
    if (!found) stamps.set(piece, (found = findTimestamps(piece)));
    return found;
  };
  const context = { text, model, profile: options.profile, root, words, timestamps };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = options.rules[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    for (const report of rule.check(context)) {
      findings.push({ ruleId: rule.id, severity: level, message: report.message, span: report.span, fixes: report.fixes ?? [] });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { model, findings };
}
