// Types of scripts/vscode-server.mjs, for the TypeScript tests that load it at run time.
import type { Browser } from 'playwright-core';

export interface RunDirs {
  root: string;
  userData: string;
  serverData: string;
  extensions: string;
  xdg: string;
  workspace: string;
  log: string;
}
export interface VsCodeServer {
  port: number;
  url: string;
  pid: number;
  stop(): void;
  stopSync(): void;
  /** Stops the process group and resolves once none of it is left. */
  stopAndWait(): Promise<void>;
}
export const REPO: string;
export const NODE24: string;
export const CODE_SERVER: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function log(...args: unknown[]): void;
export function ensureSetup(): void;
export function freePort(): Promise<number>;
export function makeRunDirs(prefix?: string): RunDirs;
export function copyWorkspace(dirs: RunDirs, from?: string): string;
export function installVsix(dirs: RunDirs, vsix: string): void;
export function startServer(dirs: RunDirs): Promise<VsCodeServer>;
export function tail(file: string, lines?: number): string;
export function workbenchUrl(server: VsCodeServer, folder: string, options?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
export function launchBrowser(): Promise<Browser>;
export function removeRunDirs(dirs: RunDirs): void;
