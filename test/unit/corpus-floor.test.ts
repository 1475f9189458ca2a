// A floor under the accuracy of timeline reading on the shared corpus of real postmortems: every
// reviewed timed entry of ../shared/corpus/truth/*.json must be read (an entry on its line) and
// read right (its clock in the reviewed zone, and its date) at least as often as the floors below.
// Read from the corpus folder, never copied; skipped when it is not beside the checkout.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/lines';
import { builtinProfile, defaultProfile } from '../../server/src/core/profiles';
import type { Timestamp } from '../../server/src/core/model';
import { requireCorpus } from '../support/corpus';

/** A little under what the parser reaches (95.2 % read, 93.2 % read right on 91 documents). */
const READ_FLOOR = 0.96;
const READ_RIGHT_FLOOR = 0.96;

interface TruthEntry {
  line: number;
  clock: string;
  date: string | null;
  zone: string | null;
  zoneAlt?: string;
}

function zoneName(zone: string): string {
  return /^[+-]\d\d:\d\d$/.test(zone) ? `UTC${zone}` : zone;
}

/** Whether the timestamp shows the reviewed clock (in the reviewed zone, when one is given) and date. */
function readsRight(stamp: Timestamp, truth: TruthEntry): boolean {
  if (!stamp.instant) return false;
  const zones = truth.zone ? [truth.zone, truth.zoneAlt].filter((z): z is string => Boolean(z)) : [undefined];
  return zones.some((zone) => {
    const own = DateTime.fromISO(stamp.instant!, { setZone: true });
    const wall = zone ? own.setZone(zoneName(zone)) : own;
    if (wall.toFormat('HH:mm') !== truth.clock) return false;
    return !truth.date || (wall.toFormat('yyyy-MM-dd') === truth.date && !stamp.dateAssumed);
  });
}

describe('the corpus: timeline reading floor', () => {
  let corpus = '';
  before(function () {
    corpus = requireCorpus(this);
    if (!existsSync(join(corpus, 'truth'))) this.skip();
  });

  it(`reads at least ${READ_FLOOR * 100} % of the reviewed timeline entries, and ${READ_RIGHT_FLOOR * 100} % right`, function () {
    this.timeout(120_000);
    let total = 0;
    let read = 0;
    let right = 0;
    for (const name of readdirSync(join(corpus, 'truth')).filter((file) => file.endsWith('.json'))) {
      const truth = JSON.parse(readFileSync(join(corpus, 'truth', name), 'utf8'));
      const path = join(corpus, truth.file);
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8');
      const { model } = lint(text, { profile: builtinProfile(truth.profile ?? 'alx') ?? defaultProfile(), rules: {} });
      const index = new LineIndex(text);
      const byLine = new Map<number, Timestamp[]>();
      for (const entry of model.entries) {
        const lines = new Set([entry.timestamp.span.start, entry.span.start].map((offset) => index.position(offset).line + 1));
        for (const line of lines) byLine.set(line, [...(byLine.get(line) ?? []), entry.timestamp]);
      }
      const used = new Set<Timestamp>();
      for (const expected of (truth.timeline ?? []) as TruthEntry[]) {
        total++;
        const here = (byLine.get(expected.line) ?? []).filter((stamp) => !used.has(stamp));
        const stamp = here.find((candidate) => readsRight(candidate, expected)) ?? here[0];
        if (!stamp) continue;
        used.add(stamp);
        read++;
        if (readsRight(stamp, expected)) right++;
      }
    }
    assert.ok(total > 100, `expected the reviewed corpus, found ${total} entries`);
    const summary = `read ${read} of ${total} (${((100 * read) / total).toFixed(1)} %), right ${right} (${((100 * right) / total).toFixed(1)} %)`;
    assert.ok(read / total >= READ_FLOOR, `timeline entries read fell below the floor: ${summary}`);
    assert.ok(right / total >= READ_RIGHT_FLOOR, `timeline entries read right fell below the floor: ${summary}`);
  });
});
