// Every Markdown file under a folder, for tests that run over all the documents they can find.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './corpus';

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The examples', the fixtures' and (when it is beside the checkout) the shared corpus's documents. */
export function allDocuments(): string[] {
  // npm runs the tests from the checkout's root.
  const dirs = [join(process.cwd(), 'test', 'fixtures'), join(process.cwd(), 'examples'), corpusDir()].filter((dir): dir is string => !!dir);
  return dirs.flatMap(markdownFiles);
}
