// Where reports go: small chunks written as they are made, never one string for the whole run
// (a report of 100,000 files is past V8's longest string), and the interface every format has.
import type { Problem } from '../problems';
import type { Severity } from '../../core/model';

/** Collects text and hands it on in chunks of about 64 KB. */
export class ChunkedOutput {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly write: (chunk: string) => void,
    private readonly chunkSize = 64 * 1024,
  ) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) this.flush();
  }

  flush(): void {
    if (!this.parts.length) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

export interface Totals {
  files: number;
  problems: number;
  bySeverity: Record<Severity, number>;
}

/** A format: told about each file's problems in a stable order, then that the run is over. */
export interface ProblemWriter {
  begin(): void;
  /** One file's problems (possibly none), in the order files were given. */
  file(file: string, problems: Problem[]): void;
  end(totals: Totals): void;
}
