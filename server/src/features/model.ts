import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemModel } from '../core/model';
import type { ModelResult } from '../protocol';
import { toRange } from './convert';

/** The model in the shape the client gets: line/character ranges and ISO instants. */
export function modelResult(document: TextDocument, model: PostmortemModel | undefined, isPostmortem: boolean, profile: string): ModelResult {
  const window = model?.window;
  return {
    uri: document.uri,
    version: document.version,
    isPostmortem,
    profile,
    title: model?.title,
    sections: (model?.sections ?? []).map((section) => ({
      title: section.title,
      canonical: section.canonical,
      level: section.level,
      range: toRange(document, section.headingSpan),
    })),
    window: window && {
      start: window.start?.instant,
      end: window.end?.instant,
      zone: window.zone,
      statedMinutes: window.statedMinutes,
      range: toRange(document, window.span),
      error: window.error,
    },
    entries: (model?.entries ?? []).map((entry) => ({
      range: toRange(document, entry.span),
      timestampRange: toRange(document, entry.timestamp.span),
      raw: entry.timestamp.raw,
      instant: entry.timestamp.instant,
      error: entry.timestamp.error,
      text: entry.text,
      phase: entry.phase,
    })),
  };
}
