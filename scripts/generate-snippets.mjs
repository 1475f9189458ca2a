// Writes snippets/postmortem.code-snippets from the templates in server/src/core/templates.ts (the
// one source of truth). test/unit/templates.test.ts fails when the file is out of date.
//
//   node scripts/generate-snippets.mjs
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = await esbuild.build({
  entryPoints: [join(repo, 'server/src/core/templates.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(join(repo, 'package.json')));
const path = join(repo, 'snippets', 'postmortem.code-snippets');
writeFileSync(path, `${JSON.stringify(module.exports.snippetsFile(), null, 2)}\n`);
console.log(`wrote ${path}`);
