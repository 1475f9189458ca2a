// The extension-host entry point (the `run()` shape @vscode/test-electron and the VS Code server
// runner expect): mocha-runs every *.test.js next to this file (bundled by esbuild.mjs to
// out/test/extension/). mocha is resolved from the repository's node_modules at run time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.POSTMORTEM_TEST_TIMEOUT_MS || 60_000),
    grep: process.env.POSTMORTEM_TEST_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}: run "node esbuild.mjs"`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      // A plain closing line that CI can read.
      console.log(`extension-host: ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else if (passed === 0) reject(new Error('no extension-host test ran'));
      else resolve();
    });
  });
}
