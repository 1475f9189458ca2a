// Where the shared corpus of real postmortems lives: beside the checkout (`../shared/corpus`),
// or wherever POSTMORTEM_CORPUS points. Tests read it from there; it is never copied in.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..', '..');

export function corpusDir(): string | undefined {
  const candidates = [process.env.POSTMORTEM_CORPUS, resolve(REPO, '..', 'shared', 'corpus')].filter(Boolean) as string[];
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
