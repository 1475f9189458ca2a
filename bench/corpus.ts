// npm run corpus: what the linter makes of every postmortem in ../shared/corpus (read in place):
// timeline entries recognised, how many resolved to an instant, and findings per rule.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint } from '../server/src/core/lint';

const dir = process.argv[2] ?? resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort();
const perRule = new Map<string, number>();
let entries = 0;
let resolved = 0;
let invalid = 0;
for (const name of files) {
  const { model, findings } = lint(readFileSync(join(dir, name), 'utf8'));
  const ok = model.entries.filter((e) => e.timestamp.instant).length;
  const bad = model.entries.filter((e) => e.timestamp.error).length;
  entries += model.entries.length;
  resolved += ok;
  invalid += bad;
  for (const finding of findings) perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
  console.log(
    `${name.padEnd(22)} entries ${String(model.entries.length).padStart(3)} (instants ${String(ok).padStart(3)}, invalid ${bad})  window ${model.window?.start?.instant ? 'yes' : 'no '}  findings ${findings.length}`,
  );
}
console.log(`\n${files.length} files: ${entries} timeline timestamps recognised, ${resolved} resolved to instants, ${invalid} invalid`);
for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(26)} ${count}`);
