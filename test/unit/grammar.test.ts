// The injection grammar, tokenized by the real TextMate engine (vscode-textmate + vscode-oniguruma,
// what VS Code runs). VS Code's own Markdown grammar is not on npm, so a minimal stand-in with the
// same scope name and the scopes that matter (test/fixtures/grammar/markdown-base.tmLanguage.json)
// is the base it is injected into.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { FIELD_KINDS } from '../../server/src/core/profiles/fields';
import { ZONE_ABBREVIATIONS } from '../../server/src/core/time';

const REPO = join(__dirname, '..', '..', '..');
const INJECTION = 'postmortem.markdown.injection';
const FILES: Record<string, string> = {
  'text.html.markdown': join(REPO, 'test', 'fixtures', 'grammar', 'markdown-base.tmLanguage.json'),
  [INJECTION]: join(REPO, 'syntaxes', 'postmortem.tmLanguage.json'),
};

interface Token {
  text: string;
  scopes: string[];
}

async function loadGrammar(): Promise<IGrammar> {
  await oniguruma.loadWASM(readFileSync(join(REPO, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => (FILES[scopeName] ? parseRawGrammar(readFileSync(FILES[scopeName], 'utf8'), FILES[scopeName]) : null),
    // What `injectTo: ["text.html.markdown"]` in package.json asks VS Code to do.
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the base grammar loads');
  return grammar;
}

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The postmortem scope of the token that is exactly `text` on the line containing `lineHas`, if any. */
function scopeOf(lines: Token[][], source: string[], lineHas: string, text: string): string | undefined {
  const index = source.findIndex((l) => l.includes(lineHas));
  assert.ok(index >= 0, `a fixture line contains ${JSON.stringify(lineHas)}`);
  const tokens = lines[index];
  const token = tokens.find((t) => t.text === text);
  if (!token) {
    const covering = tokens.filter((t) => text.includes(t.text) || t.text.includes(text));
    assert.ok(covering.length, `no token "${text}" on line ${index + 1}: ${JSON.stringify(tokens.map((t) => t.text))}`);
    const scoped = covering.find((t) => t.scopes.some((s) => s.endsWith('.postmortem')));
    assert.ok(!scoped, `"${text}" on line ${index + 1} is split into tokens ${JSON.stringify(tokens.map((t) => t.text))}`);
    return undefined;
  }
  return token.scopes.find((s) => s.endsWith('.postmortem'));
}

describe('syntax highlighting (TextMate injection into Markdown)', () => {
  let grammar: IGrammar;
  const source = readFileSync(join(REPO, 'test', 'fixtures', 'grammar', 'scopes.md'), 'utf8').split('\n');
  let lines: Token[][];

  before(async () => {
    grammar = await loadGrammar();
    lines = tokenize(grammar, source.join('\n'));
  });

  it('is contributed as an injection into Markdown', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.grammars, [
      { scopeName: INJECTION, path: './syntaxes/postmortem.tmLanguage.json', injectTo: ['text.html.markdown'] },
    ]);
  });

  const EXPECTED: [lineHas: string, text: string, scope: string | undefined][] = [
    // field labels, plain, bold, in a list
    ['Duration: April', 'Duration', 'entity.name.tag.field.postmortem'],
    ['**Impact:**', 'Impact', 'entity.name.tag.field.postmortem'],
    ['**Root Cause:**', 'Root Cause', 'entity.name.tag.field.postmortem'],
    ['Severity: Sev-1', 'Severity', 'entity.name.tag.field.postmortem'],
    // dates, times, zones, lengths in the window
    ['Duration: April', 'April 10, 2024', 'constant.numeric.date.postmortem'],
    ['Duration: April', '09:00', 'constant.numeric.time.postmortem'],
    ['Duration: April', '10:30', 'constant.numeric.time.postmortem'],
    ['Duration: April', 'EAT', 'support.type.timezone.postmortem'],
    ['Duration: April', '1 hour', 'constant.numeric.duration.postmortem'],
    ['Duration: April', '30 minutes', 'constant.numeric.duration.postmortem'],
    ['**Impact:**', '90 minutes', 'constant.numeric.duration.postmortem'],
    ['**Root Cause:**', '10 April 2024', 'constant.numeric.date.postmortem'],
    ['**Root Cause:**', '9 AM', 'constant.numeric.time.postmortem'],
    ['All times in', 'Africa/Nairobi', 'support.type.timezone.postmortem'],
    ['On-call paged', '1:05 PM', 'constant.numeric.time.postmortem'],
    ['On-call paged', 'UTC+03:00', 'support.type.timezone.postmortem'],
    ['Workers scaled', '2024-04-10T10:30:00Z', 'constant.numeric.timestamp.postmortem'],
    ['Workers scaled', '2h', 'constant.numeric.duration.postmortem'],
    ['9:30 a.m.', '9:30 a.m.', 'constant.numeric.time.postmortem'],
    ['9:30 a.m.', '09:45', 'constant.numeric.time.postmortem'],
    // severities and phases
    ['# Postmortem', 'SEV2', 'constant.language.severity.postmortem'],
    ['**Impact:**', 'P1', 'constant.language.severity.postmortem'],
    ['Severity: Sev-1', 'Sev-1', 'constant.language.severity.postmortem'],
    ['Alerts fired', 'detected', 'keyword.other.phase.postmortem'],
    ['On-call paged', 'escalated', 'keyword.other.phase.postmortem'],
    ['Workers scaled', 'mitigated', 'keyword.other.phase.postmortem'],
    ['Workers scaled', 'resolved', 'keyword.other.phase.postmortem'],
    // what is left alone: impossible times, labels mid-sentence, code, links, front matter
    ['13:75 UTC', '13:75', undefined],
    ['The impact on users', 'duration', undefined],
    ['Duration: 09:00 - 10:00 UTC, resolved', 'resolved', undefined],
    ['Run `09:00', '`09:00 UTC resolved`', undefined],
    ['https://example.com', 'https://example.com/10:30/resolved', undefined],
    ['indented code', '    09:00 UTC indented code, resolved', undefined],
    ['title: Postmortem 09:00', 'title: Postmortem 09:00 UTC', undefined],
  ];
  for (const [lineHas, text, scope] of EXPECTED) {
    it(`${JSON.stringify(text)} in "${lineHas}" is ${scope ?? 'not scoped'}`, () => {
      assert.equal(scopeOf(lines, source, lineHas, text), scope);
    });
  }

  it('scopes every summary field label the parser knows, at the start of a line', () => {
    for (const kind of FIELD_KINDS) {
      for (const synonym of kind.synonyms) {
        const label = synonym.replace(/\b\w/g, (c) => c.toUpperCase());
        const [tokens] = tokenize(grammar, `${label}: x`);
        assert.equal(tokens[0].text, label, `${label}: ${JSON.stringify(tokens.map((t) => t.text))}`);
        assert.ok(tokens[0].scopes.includes('entity.name.tag.field.postmortem'), `${label} is a field label`);
      }
    }
  });

  it('scopes every zone abbreviation the time module reads, after a time', () => {
    for (const zone of Object.keys(ZONE_ABBREVIATIONS).filter((z) => z.length > 1)) {
      const [tokens] = tokenize(grammar, `- 09:00 ${zone}: x`);
      const token = tokens.find((t) => t.text === zone);
      assert.ok(token?.scopes.includes('support.type.timezone.postmortem'), `${zone}: ${JSON.stringify(tokens.map((t) => [t.text, t.scopes.at(-1)]))}`);
    }
  });

  it('tokenizes 2,000 entries and a 100,000-digit line without a runaway pattern (time printed)', () => {
    const line = '- 2024-04-10 09:00 UTC: Duration 1h30m resolved SEV1 ' + 'a'.repeat(200);
    const text = Array.from({ length: 2000 }, () => line).join('\n') + '\n' + '9'.repeat(100_000) + ':' + '0'.repeat(1000);
    const start = process.hrtime.bigint();
    tokenize(grammar, text);
    // Reported, not asserted: speed is measured, not timed in tests.
    console.log(`      tokenized ${(text.length / 1e6).toFixed(2)} MB in ${Number(process.hrtime.bigint() - start) / 1e6} ms`);
  });
});
