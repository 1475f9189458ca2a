// The extension's activation time in the real VS Code (the VS Code server from code-server, in
// Chromium): runs the extension-host test that activates it, and reads the figure it prints.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function activationInRealVsCode(root: string): { activationMs?: number; error?: string } {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'run-vscode-tests.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, POSTMORTEM_TEST_GREP: 'activates on a Markdown file' },
    timeout: 300_000,
  });
  const figure = /\[figure\] activation to language server running: (\d+) ms/.exec(`${run.stdout}\n${run.stderr}`);
  if (!figure) return { error: `no activation figure (exit ${run.status}): ${(run.stderr || run.stdout).slice(-400)}` };
  return { activationMs: Number(figure[1]) };
}
