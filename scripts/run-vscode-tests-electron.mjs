#!/usr/bin/env node
// The same extension-host suite with @vscode/test-electron: downloads desktop VS Code, so it needs
// a machine that reaches Microsoft's servers (a laptop, public CI). On the offline machines use
// scripts/run-vscode-tests.mjs. Needs Node >= 22 and a display (use xvfb-run on Linux CI).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { runTests } = await import('@vscode/test-electron');
const workspace = join(mkdtempSync(join(tmpdir(), 'pm-electron-')), 'workspace');
cpSync(join(repo, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'out', 'test', 'extension', 'index.js'),
    launchArgs: [workspace, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error('[vscode-electron] FAILED:', e);
  process.exit(1);
}
