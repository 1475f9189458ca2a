// Rule fixtures (test/fixtures/rules/<rule-id>.md): a trailing `<!-- rule-id -->` comment marks a
// line where that rule must report; the comments are stripped before linting.
import { readFileSync } from 'node:fs';

const MARKER = /[ \t]*<!--\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*-->[ \t]*$/;

interface Fixture {
  text: string;
  expected: Map<string, number[]>;
}

export function readFixture(path: string): Fixture {
  const expected = new Map<string, number[]>();
  const lines = readFileSync(path, 'utf8').split('\n').map((line, index) => {
    const match = MARKER.exec(line);
    if (!match) return line;
    for (const id of match[1].split(/\s*,\s*/)) expected.set(id, [...(expected.get(id) ?? []), index + 1]);
    return line.slice(0, match.index);
  });
  return { text: lines.join('\n'), expected };
}

