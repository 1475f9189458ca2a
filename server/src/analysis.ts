// One analysis per document version: whether it is a postmortem, the options it is checked with,
// the model, the findings and their diagnostics, and (computed at most once, when first asked) the
// entry order and the incident metrics that the model request, CodeLens, hover and status share.
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintRunner } from './lintRunner';
import type { Finding, PostmortemModel } from './core/model';
import { isPostmortemDocument, resolveOptions, type ConfigFile, type ResolvedOptions } from './core/config';
import { LineIndex } from './core/lines';
import { incidentMetrics, orderEntries, type EntryPlace, type IncidentMetrics } from './core/metrics';
import { NOTICES, type NoticeId } from './core/notices';
import type { PostmortemSettings } from '../../common/protocol';
import { SOURCE, toDiagnostic, type RuleDocs } from './features/convert';

export interface Analysis {
  uri: string;
  version: number;
  isPostmortem: boolean;
  /** The per-file choice that decided `isPostmortem`, if any. */
  override?: boolean;
  options: ResolvedOptions;
  /** Present when the document is a postmortem that could be checked. */
  model?: PostmortemModel;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Milliseconds the lint took (0 when none ran): what the diagnostics debounce is derived from. */
  lintMs: number;
  /** The timeline's entry order (core/metrics/order.ts), computed when first asked. */
  readonly order: EntryPlace[];
  /** The incident metrics (core/metrics.ts), computed when first asked. */
  readonly metrics: IncidentMetrics;
}

export interface AnalysisInputs {
  settings: PostmortemSettings;
  config: ConfigFile | undefined;
  override: boolean | undefined;
  /** The path the include globs are matched against (relative to the workspace folder). */
  globPath: string;
  docs: RuleDocs;
  /** Runs the lint (in-process, or on a worker thread with a deadline). */
  lint: LintRunner;
  /** Reports a bug of ours (the lint threw). */
  logError(message: string): void;
}

export async function analyse(current: TextDocument, inputs: AnalysisInputs): Promise<Analysis> {
  // The text as it is now: the open document changes under a lint that runs on a worker.
  const text = current.getText();
  const document = TextDocument.create(current.uri, current.languageId, current.version, text);
  const options = resolveOptions(inputs.settings, inputs.config);
  const isPostmortem = inputs.override ?? isPostmortemDocument(inputs.globPath, text, options.files);
  let model: PostmortemModel | undefined;
  let findings: Finding[] = [];
  let diagnostics: Diagnostic[] = [];
  let lintMs = 0;
  if (isPostmortem) {
    if (text.length > options.maxDocumentSize) {
      const limit = options.maxDocumentSize.toLocaleString('en-US');
      diagnostics = [
        notice(
          text,
          NOTICES.documentTooLarge.id,
          `This document has ${text.length.toLocaleString('en-US')} characters, more than postmortem.maxDocumentSize (${limit}); it is not checked.`,
          inputs.docs,
        ),
      ];
    } else {
      const started = Date.now();
      const outcome = await inputs.lint(text, options);
      lintMs = Date.now() - started;
      if (outcome.kind === 'done') {
        ({ model, findings } = outcome.result);
        diagnostics = findings.map((finding) => toDiagnostic(document, finding, inputs.docs));
      } else if (outcome.kind === 'deadline') {
        const seconds = outcome.deadlineMs / 1000;
        diagnostics = [
          notice(
            text,
            NOTICES.documentTooComplex.id,
            `Too complex to check: this document took longer than ${seconds} s to read (its Markdown is pathological for the parser); it is not checked.`,
            inputs.docs,
          ),
        ];
      } else {
        // A bug of ours, not the author's: say so on the document rather than show "no problems".
        inputs.logError(`postmortem: could not lint ${document.uri}: ${outcome.message}`);
        diagnostics = [
          notice(
            text,
            NOTICES.internalError.id,
            'This document could not be checked (an internal error, logged in the Postmortem output channel).',
            inputs.docs,
          ),
        ];
      }
    }
  }
  let order: EntryPlace[] | undefined;
  let metrics: IncidentMetrics | undefined;
  const empty: PostmortemModel = { sections: [], fields: [], entries: [], wordCount: 0 };
  const analysis: Analysis = {
    uri: document.uri,
    version: document.version,
    isPostmortem,
    override: inputs.override,
    options,
    model,
    findings,
    diagnostics,
    lintMs,
    get order() {
      return (order ??= orderEntries(model ?? empty));
    },
    get metrics() {
      return (metrics ??= incidentMetrics(model ?? empty, analysis.order));
    },
  };
  return analysis;
}

/** One information diagnostic on the first line, about the whole document. */
function notice(text: string, code: NoticeId, message: string, docs: RuleDocs): Diagnostic {
  const firstLineEnd = new LineIndex(text.slice(0, 10_000)).lineEnd(0);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineEnd } },
    severity: 3,
    source: SOURCE,
    code,
    codeDescription: { href: docs(code) },
    message,
  };
}

/**
 * The path globs are matched against: relative to the workspace folder holding the document, with
 * forward slashes; for a document outside every folder, the path part of its URI.
 */
export function globPath(uri: string, workspaceFolders: string[]): string {
  const folder = workspaceFolders
    .map((root) => root.replace(/\/$/, ''))
    .filter((root) => uri.startsWith(`${root}/`))
    .sort((a, b) => b.length - a.length)[0];
  const path = folder ? uri.slice(folder.length + 1) : uri.replace(/^[a-z][\w+.-]*:(\/\/[^/]*)?/i, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
