// Rule fixtures (test/fixtures/rules/<rule-id>.md): a trailing `<!-- rule-id -->` comment marks a
// line where that rule must report; the comments are stripped before linting. A fixture for another
// profile than the default says so in a comment of its own: `<!-- profile: google-sre -->`.
import { readFileSync } from 'node:fs';

const MARKER = /[ \t]*<!--\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*-->[ \t]*$/;

interface Fixture {
  text: string;
  expected: Map<string, number[]>;
  /** The profile the fixture is written for, when it names one. */
  profileId?: string;
}

export function readFixture(path: string): Fixture {
  const expected = new Map<string, number[]>();
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => {
      const match = MARKER.exec(line);
      if (!match) return line;
      for (const id of match[1].split(/\s*,\s*/)) expected.set(id, [...(expected.get(id) ?? []), index + 1]);
      return line.slice(0, match.index);
    });
  const text = lines.join('\n');
  return { text, expected, profileId: /<!--\s*profile:\s*([a-z-]+)\s*-->/.exec(text)?.[1] };
}
