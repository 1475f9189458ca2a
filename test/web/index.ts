// The browser extension-host entry point (the `run()` shape @vscode/test-web expects). The host is a
// web worker: no Node, no file system, so mocha comes bundled (its browser build, `mocha/mocha`)
// and the test files are required explicitly — esbuild bundles them into out/test/web/index.js.
import 'mocha/mocha';

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // Required only after mocha.setup, which defines describe/it on the worker's global scope.
  require('./activation.test');
  require('./diagnostics.test');
  require('./quickfix.test');
  require('./deadline.test');
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        // A plain closing line that scripts/run-web-tests.mjs (and CI logs) can read.
        console.log(`web extension host: ${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} web extension-host test(s) failed`));
        else if (passed === 0) reject(new Error('no web extension-host test ran'));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
