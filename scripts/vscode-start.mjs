#!/usr/bin/env node
// Opens the extension in a real VS Code: desktop VS Code when a `code` command is on PATH;
// otherwise, with no desktop install, the VS Code server from
// code-server (set up by scripts/setup-vscode.sh) on 127.0.0.1, with this repository as the
// development extension, on a folder (default: examples/). Prints the URL to open in a browser;
// Ctrl+C stops the server (its whole process group).
//
//   node scripts/vscode-start.mjs [folder]     (npm start -- folder; a relative folder is read
//                                              from where npm was started, INIT_CWD)
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO, ensureSetup, log, makeRunDirs, removeRunDirs, startServer, workbenchUrl } from './vscode-server.mjs';

const args = process.argv.slice(2);
const given = args.find((a) => !a.startsWith('--'));
const target = given ? resolve(process.env.INIT_CWD ?? process.cwd(), given) : resolve(REPO, 'examples');
if (!existsSync(target)) {
  console.error(`no such file or folder: ${target}`);
  process.exit(2);
}
// A file opens its folder (the workbench opens folders).
const folder = statSync(target).isDirectory() ? target : dirname(target);
for (const f of ['dist/client.js', 'dist/server.js']) {
  if (!existsSync(resolve(REPO, f))) throw new Error(`${f} missing: run "node esbuild.mjs" first`);
}
// Desktop VS Code, when there is one: it opens its own window and this script is done.
if (!args.includes('--server') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  const opened = spawnSync('code', [`--extensionDevelopmentPath=${REPO}`, folder], { stdio: 'inherit' });
  process.exit(opened.status ?? 1);
}
ensureSetup();
const dirs = makeRunDirs('pm-start-');
const server = await startServer(dirs);
const url = workbenchUrl(server, folder, { extensionDevelopmentPath: REPO });
console.log(
  `\nVS Code with the Postmortem extension, on ${folder}:\n\n  ${url}\n\nOpen it in a browser on this machine (or forward port ${server.port}). Ctrl+C stops it.`,
);
const stop = () => {
  server.stopSync();
  removeRunDirs(dirs);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
log('running');
