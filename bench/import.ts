// npm run bench:import: timeline import measured on every real postmortem in ../shared/corpus (read
// in place, never copied) and on a large generated log. For each postmortem, three alert events
// inside its incident window are merged into its timeline; it reports how many merges read back
// with the imported instants, kept every original line, and added no new timestamp findings, and
// the time a merge and a conversion take.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyEdits } from '../server/src/core/fixes';
import { convertImport, importIntoDocument } from '../server/src/core/import';
import { lint } from '../server/src/core/lint';
import { parse } from '../server/src/core/parse';
import { ALX } from '../server/src/core/profiles/builtin';

const dir = process.argv[2] ?? resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort();
const DEFAULT_START = Date.parse('2024-05-02T14:00:00Z');
const counts = { dateless: 0, documents: 0, merged: 0, refused: 0, readBack: 0, linesKept: 0, newTimestampFindings: 0 };
const refusals = new Map<string, number>();
const introduced = new Map<string, number>();
let mergeMs = 0;

const timestampRules = (text: string) =>
  lint(text)
    .findings.filter((f) => f.ruleId.startsWith('timestamp-'))
    .map((f) => f.ruleId);

for (const name of files) {
  const text = readFileSync(join(dir, name), 'utf8');
  counts.documents++;
  const { model } = parse(text, ALX);
  const start = model.window?.start && !model.window.start.dateAssumed ? model.window.start.epochMs : undefined;
  const base = start ?? DEFAULT_START;
  const instants = [base + 5 * 60_000, base + 30 * 60_000, base + 95 * 60_000];
  const alerts = JSON.stringify({
    alerts: [
      { status: 'resolved', labels: { alertname: 'ImportBenchA' }, startsAt: new Date(instants[0]).toISOString(), endsAt: new Date(instants[2]).toISOString() },
      { status: 'firing', labels: { alertname: 'ImportBenchB' }, startsAt: new Date(instants[1]).toISOString(), endsAt: '0001-01-01T00:00:00Z' },
    ],
  });
  const began = performance.now();
  const outcome = importIntoDocument(text, ALX, { sources: [{ text: alerts }], zone: start === undefined ? 'UTC' : undefined });
  mergeMs += performance.now() - began;
  if (!outcome.ok) {
    counts.refused++;
    refusals.set(outcome.error, (refusals.get(outcome.error) ?? 0) + 1);
    continue;
  }
  counts.merged++;
  const merged = applyEdits(text, outcome.merge.edits).text;
  // Every original line still there, in order.
  const lines = merged.split('\n');
  let at = 0;
  const kept = text.split('\n').every((line) => {
    at = lines.indexOf(line, at);
    return at++ >= 0;
  });
  if (kept) counts.linesKept++;
  const after = parse(merged, ALX).model.entries.filter((e) => /ImportBench/.test(e.text));
  const readMs = after.map((e) => e.timestamp.epochMs);
  const expectedMs = [instants[0], instants[1], instants[2]].map((ms) => Math.floor(ms / 60_000) * 60_000);
  // A document with no date anywhere gets times without dates, as its own entries are: compare the
  // time of day there (the parser puts undated times on a placeholder day).
  const DAY = 86_400_000;
  const same = (ms: number | undefined, i: number) =>
    ms !== undefined && (after[i].timestamp.dateAssumed ? (((ms - expectedMs[i]) % DAY) + DAY) % DAY === 0 : ms === expectedMs[i]);
  if (readMs.length === 3 && readMs.every(same)) counts.readBack++;
  if (after.some((e) => e.timestamp.dateAssumed)) counts.dateless++;
  const before = timestampRules(text);
  const now = timestampRules(merged);
  for (const rule of new Set(now)) {
    const extra = now.filter((r) => r === rule).length - before.filter((r) => r === rule).length;
    if (extra > 0) {
      counts.newTimestampFindings += extra;
      introduced.set(rule, (introduced.get(rule) ?? 0) + extra);
    }
  }
}

console.log(`corpus: ${counts.documents} postmortems in ${dir}`);
console.log(`  merged ${counts.merged}, refused ${counts.refused}`);
for (const [why, n] of refusals) console.log(`    refused ${n}: ${why}`);
console.log(`  every original line kept: ${counts.linesKept}/${counts.merged}`);
console.log(
  `  imported entries read back at their instants: ${counts.readBack}/${counts.merged} (${counts.dateless} documents have no date: time of day compared)`,
);
console.log(
  `  timestamp findings added by the merge: ${counts.newTimestampFindings}${introduced.size ? ` (${[...introduced].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}`,
);
console.log(`  merge time: ${(mergeMs / Math.max(1, counts.documents)).toFixed(2)} ms per postmortem (parse included)`);

// A large log: conversion and merge time for 20,000 syslog lines.
const log = Array.from({ length: 20_000 }, (_, i) => {
  const t = new Date(DEFAULT_START + i * 1000);
  return `<34>1 ${t.toISOString()} api-${i % 7} app ${1000 + (i % 50)} - - request ${i} failed with status 503`;
}).join('\n');
let began = performance.now();
const converted = convertImport(log, 'syslog');
const convertMs = performance.now() - began;
const document =
  '# Incident\n\nDuration: 2024-05-02 14:00 - 20:00 UTC\n\n## Timeline\n\n' +
  Array.from({ length: 100 }, (_, i) => `- ${String(14 + Math.floor(i / 20)).padStart(2, '0')}:${String((i * 3) % 60).padStart(2, '0')} UTC: step ${i}`).join(
    '\n',
  ) +
  '\n';
began = performance.now();
const big = importIntoDocument(document, ALX, { sources: [{ text: log, format: 'syslog' }] });
const bigMs = performance.now() - began;
console.log(
  `log: 20,000 RFC 5424 lines converted in ${convertMs.toFixed(0)} ms (${converted.ok ? converted.entries.length : 0} entries); merged into a 100-entry timeline in ${bigMs.toFixed(0)} ms (${big.ok ? big.merge.added.length : 0} added)`,
);
