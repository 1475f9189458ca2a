// Source lines -> summary fields: `**Label:** value` lines whose label names a known field.
import type { Field } from '../model';
import { fieldIdOf } from '../profiles/fields';
import type { SourceLine } from './lines';

/** The label part of a field line, up to its colon: `- **Root Cause:**` or `**Impact**:`. */
const FIELD_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(\p{L}[\p{L} ]{0,30}?)\s*(?:\*\*|__)?\s*:$/u;

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
