// Each way of writing a timeline, date, zone or window on its own fixture in test/fixtures/timeline/,
// whose trailing `<!-- at ... -->` / `<!-- window ... -->` comments say what must be read there
// (format in that folder's README). Lines without an `at` marker must give no entry.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from '../../../server/src/core/parse';
import { LineIndex } from '../../../server/src/core/lines';
import { ALX } from '../../../server/src/core/profiles/builtin';
import type { Timestamp } from '../../../server/src/core/model';

const FIXTURES = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'timeline');
const MARKER = /[ \t]*<!--\s*((?:at|window|no-window)\b[^>]*?)\s*-->[ \t]*$/;

interface Expected {
  line: number;
  clock: string;
  date: string;
  zone: string;
}

function readFixture(path: string) {
  const entries: Expected[] = [];
  let window: string[] | 'none' | undefined;
  let windowLine = 0;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => {
      const match = MARKER.exec(line);
      if (!match) return line;
      for (const part of match[1].split(/\s*;\s*/)) {
        const [kind, ...args] = part.split(/\s+/);
        if (kind === 'at') entries.push({ line: index + 1, clock: args[0], date: args[1], zone: args[2] });
        else if (kind === 'window') [window, windowLine] = [args, index + 1];
        else window = 'none';
      }
      return line.slice(0, match.index);
    });
  return { text: lines.join('\n'), entries, window, windowLine };
}

/** What a timestamp reads as: its wall clock and date in `zone` (or in its own offset when `-`), and the zone check. */
function reading(stamp: Timestamp, zone: string): { clock: string; date: string; zone: string } {
  if (!stamp.instant) return { clock: `no instant (${stamp.error ?? 'unresolved'})`, date: '', zone: '' };
  const own = DateTime.fromISO(stamp.instant, { setZone: true });
  const wall = zone === '-' ? own : own.setZone(zone === 'UTC' ? 'UTC' : /^[+-]\d\d:\d\d$/.test(zone) ? `UTC${zone}` : zone);
  return {
    clock: wall.toFormat('HH:mm'),
    date: stamp.dateAssumed ? '-' : wall.toFormat('yyyy-MM-dd'),
    // The zone must be the one the document gives: same offset at that instant, and not assumed.
    zone: stamp.zoneAssumed ? '-' : zone === '-' || own.offset === wall.offset ? zone : `offset ${own.toFormat('ZZ')}`,
  };
}

describe('parse: timeline fixtures, one way of writing each', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.md') && name !== 'README.md');

  it('has fixtures', () => assert.ok(files.length >= 20, `found ${files.length}`));

  for (const name of files) {
    it(`reads ${name.replace(/\.md$/, '')}`, () => {
      const fixture = readFixture(join(FIXTURES, name));
      const { model } = parse(fixture.text, ALX);
      const index = new LineIndex(fixture.text);
      const lineOf = (offset: number) => index.position(offset).line + 1;
      const got = model.entries.map((entry) => {
        const want = fixture.entries.find((e) => e.line === lineOf(entry.timestamp.span.start));
        return { line: lineOf(entry.timestamp.span.start), ...reading(entry.timestamp, want?.zone ?? '-') };
      });
      assert.deepEqual(
        got,
        fixture.entries.map(({ line, clock, date, zone }) => ({ line, clock, date, zone })),
      );
      if (fixture.window === 'none') assert.equal(model.window, undefined);
      else if (fixture.window) {
        const [start, end, zone] = fixture.window;
        const w = model.window;
        assert.ok(w, 'no window read');
        assert.equal(lineOf(w.span.start), fixture.windowLine);
        const at = (stamp: Timestamp | undefined) => {
          if (!stamp) return '-';
          const r = reading(stamp, zone);
          return `${r.date}T${r.clock}`;
        };
        assert.deepEqual([at(w.start), at(w.end)], [start, end]);
      }
    });
  }
});
