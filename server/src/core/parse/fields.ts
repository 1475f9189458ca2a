// Source lines -> summary fields: `**Label:** value` lines whose label names a known field, in the
// forms people write them (`*Impact:*`, `**• Duration:**`, the value on the line below the label).
import type { Field } from '../model';
import { fieldIdOf } from '../profiles/fields';
import type { SourceLine } from './lines';

/**
 * The label part of a field line, up to its colon: `- **Root Cause:**`, `**Impact**:`,
 * `*Duration:*`, `**•	Duration:**` (a bullet character typed inside the bold), `🕒 Duration:`.
 */
const FIELD_LABEL =
  /^\s*(?:[-*+•●▪◦‣]\s+)?(?:\*\*|__|\*|_)?\s*(?:[•●▪◦‣]\s*)?(?:\p{Extended_Pictographic}\uFE0F?\s*)?(\p{L}[\p{L} ]{0,30}?)\s*(?:\*\*|__|\*|_)?\s*:$/u;

export function fieldOf(line: SourceLine): Omit<Field, 'section'> | undefined {
  if (line.kind !== 'para' && line.kind !== 'item') return undefined;
  // Labels are short: looking only up to an early colon keeps the match bounded on any line.
  const colon = line.text.indexOf(':');
  if (colon < 0 || colon > 60) return undefined;
  const match = FIELD_LABEL.exec(line.text.slice(0, colon + 1));
  if (!match) return undefined;
  const id = fieldIdOf(match[1]);
  if (!id) return undefined;
  let valueStart = colon + 1;
  if (line.text.startsWith('**', valueStart) || line.text.startsWith('__', valueStart)) valueStart += 2;
  else if (line.text[valueStart] === '*' || line.text[valueStart] === '_') valueStart += 1;
  while (line.text[valueStart] === ' ' || line.text[valueStart] === '\t') valueStart++;
  const value = line.text.slice(valueStart).trimEnd();
  return {
    id,
    label: match[1].trim(),
    value,
    span: { start: line.start, end: line.end },
    valueSpan: { start: line.start + valueStart, end: line.start + valueStart + value.length },
  };
}

/**
 * A label alone on its line (`Duration:` or `*Impact:*`) takes the next line as its value when
 * that line follows directly (the same paragraph, or the next block) and is not itself a label.
 */
export function withValueBelow(field: Omit<Field, 'section'>, next: SourceLine | undefined, text: string): Omit<Field, 'section'> {
  if (field.value.trim() || !next || (next.kind !== 'para' && next.kind !== 'item')) return field;
  const between = text.slice(field.span.end, next.start);
  // Only blanks and at most one empty line between the label and its value.
  if (between.length > 4 || between.trim()) return field;
  // The next label (`Impact:`), not a value.
  if (fieldOf(next) || (next.text.length < 60 && /:[*_]*\s*$/.test(next.text))) return field;
  const lead = /^\s*(?:[-*+]\s+)?/.exec(next.text)?.[0].length ?? 0;
  const value = next.text.slice(lead).trimEnd();
  if (!value) return field;
  return { ...field, value, valueSpan: { start: next.start + lead, end: next.start + lead + value.length } };
}
