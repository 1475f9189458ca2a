// Where the shared corpus of real postmortems lives: beside the checkout (`../shared/corpus`),
// or wherever POSTMORTEM_CORPUS points. Tests read it from there; it is never copied in.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// Tests are bundled at different depths under out/test/, so the checkout is found from where
// npm runs them (its root) as well as from this file.
const REPOS = [process.cwd(), resolve(__dirname, '..', '..', '..'), resolve(__dirname, '..', '..', '..', '..')];

export function corpusDir(): string | undefined {
  const candidates = [process.env.POSTMORTEM_CORPUS, ...REPOS.map((repo) => resolve(repo, '..', 'shared', 'corpus'))].filter(Boolean) as string[];
  return candidates.find((dir) => existsSync(resolve(dir, 'seed-postmortem.md')));
}

/** Skips the calling suite, saying why, when the corpus is not on this machine. */
export function requireCorpus(context: Mocha.Context): string {
  const dir = corpusDir();
  if (!dir) {
    console.warn('    (skipped: ../shared/corpus is not beside this checkout; set POSTMORTEM_CORPUS to run it)');
    context.skip();
  }
  return dir!;
}
