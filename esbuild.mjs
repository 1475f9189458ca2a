// One build script for everything that runs: the server, the CLI, the client, and the tests.
// unified/remark are ESM-only and VS Code loads CommonJS, so every entry is bundled to CommonJS;
// the tests are bundled the same way so they exercise the code paths users get.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/** Test files live next to nothing else: every `*.test.ts` under test/ becomes out/test/....test.js. */
function testEntries() {
  if (!existsSync('test')) return [];
  return (
    readdirSync('test', { recursive: true })
      .map(String)
      // test/web/ runs in the browser extension host: one browser bundle of its own (below).
      .filter((f) => f.split(/[\\/]/)[0] !== 'web')
      .filter((f) => f.endsWith('.ts') && (f.endsWith('.test.ts') || f.endsWith('index.ts')))
      .map((f) => join('test', f))
  );
}

/**
 * mocha/mocha.js is a UMD script, but mocha's package.json says "type": "module", so esbuild inlines
 * it unwrapped and its `module.exports = factory()` replaces the bundle's own exports (run()). Loaded
 * from a namespace of its own it gets no package type and is wrapped as CommonJS.
 */
const mochaBrowserAsCommonJs = {
  name: 'mocha-browser-as-commonjs',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha(\.js)?$/ }, () => ({ path: join(process.cwd(), 'node_modules', 'mocha', 'mocha.js'), namespace: 'mocha-umd' }));
    build.onLoad({ filter: /.*/, namespace: 'mocha-umd' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'js' }));
  },
};

const builds = [
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  ...(existsSync('server/src/cli.ts') ? [{ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }] : []),
];
if (existsSync('client/src/extension.ts')) {
  builds.push({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] });
  // VS Code for the Web: the client for the browser extension host, the server as a web worker.
  // Both run in web workers (the browser extension host is one): no `document`, so packages must
  // not pick their DOM builds (decode-named-character-reference's would throw at load).
  const web = {
    ...common,
    platform: 'browser',
    target: 'es2022',
    outdir: 'dist/web',
    conditions: ['worker'],
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  builds.push({ ...web, entryPoints: { client: 'client/src/browser.ts' }, external: ['vscode'] });
  builds.push({ ...web, format: 'iife', entryPoints: { server: 'server/src/worker.ts' } });
}
if (existsSync('client/preview-src/main.ts')) {
  // The timeline preview's webview script (and its CSS, imported by it): a browser bundle in its
  // own folder, the only one the webview may load from (localResourceRoots).
  builds.push({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
    entryPoints: { preview: 'client/preview-src/main.ts' },
    outdir: 'dist/preview',
  });
}
if (!production) {
  const tests = testEntries();
  if (tests.length) {
    builds.push({
      ...common,
      entryPoints: tests,
      outbase: 'test',
      outdir: 'out/test',
      external: ['vscode', 'mocha', 'playwright-core', 'fast-check', 'markdownlint', 'esbuild', 'commonmark-spec'],
    });
  }
  if (existsSync('test/web/index.ts')) {
    // The suite for the browser extension host (a web worker): its tests and mocha's browser build
    // bundled into one file, the only one @vscode/test-web loads.
    builds.push({
      ...common,
      platform: 'browser',
      target: 'es2022',
      entryPoints: { index: 'test/web/index.ts' },
      outdir: 'out/test/web',
      external: ['vscode'],
      plugins: [mochaBrowserAsCommonJs],
    });
  }
  if (existsSync('bench/bench.ts')) {
    builds.push({
      ...common,
      entryPoints: ['bench/bench.ts', 'bench/corpus.ts', ...['bench/preview.ts', 'bench/cli-throughput.ts', 'bench/import.ts'].filter((f) => existsSync(f))],
      outdir: 'out/bench',
      external: ['playwright-core'],
    });
  }
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
