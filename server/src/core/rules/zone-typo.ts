// A time zone typed with a slip: an area one letter off (`UC/Pacific`, read as US/Pacific), or an
// abbreviation after a time that is no zone but one letter from a zone the document writes
// elsewhere (`07:32 GWT` beside `GMT`). Without that second sight a three-letter word is left alone.
import { matchZoneAt, oneSlipApart, ZONE_ABBREVIATIONS } from '../time';
import type { Span } from '../model';
import type { Rule } from './rule';

/** `Area/City`: where a misspelt area is looked for. */
const AREA_CITY = /(?<![A-Za-z/])[A-Z][A-Za-z]{1,13}\/[A-Z][A-Za-z_]{1,30}/g;
/** A clock time, then a three- or four-letter upper-case word: where a zone abbreviation stands. */
const CLOCK_THEN_WORD = /(?<![\d:])\d{1,2}(?::\d{2}){1,2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]?\(?([A-Z]{3,4})(?![A-Za-z])/g;
const SEARCH_LIMIT = 200_000;

export const zoneTypo: Rule = {
  id: 'zone-typo',
  description: 'A time zone typed with a slip, like UC/Pacific for US/Pacific or GWT for GMT.',
  defaultSeverity: 'warning',
  tags: ['time'],
  check({ text }) {
    const head = text.slice(0, SEARCH_LIMIT);
    const found: { span: Span; message: string }[] = [];
    AREA_CITY.lastIndex = 0;
    for (let m = AREA_CITY.exec(head); m; m = AREA_CITY.exec(head)) {
      const zone = matchZoneAt(head, m.index);
      if (zone?.misspelt && zone.zone) {
        found.push({
          span: { start: m.index, end: m.index + m[0].length },
          message: `${m[0]} is not a time zone; ${zone.zone} is surely meant, and it is read so: correct it`,
        });
      }
    }
    // The zone words the document writes: only a slip from one of them is a typo, not a new word.
    const written = new Set((head.match(/(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z])/g) ?? []).filter((word) => ZONE_ABBREVIATIONS[word] !== undefined));
    CLOCK_THEN_WORD.lastIndex = 0;
    for (let m = CLOCK_THEN_WORD.exec(head); m; m = CLOCK_THEN_WORD.exec(head)) {
      const word = m[1];
      if (ZONE_ABBREVIATIONS[word] !== undefined) continue;
      const meant = [...written].filter((zone) => oneSlipApart(zone, word));
      if (meant.length !== 1) continue;
      const start = m.index + m[0].lastIndexOf(word);
      found.push({
        span: { start, end: start + word.length },
        message: `${word} is not a time zone; ${meant[0]}, written elsewhere in the postmortem, is surely meant: correct it`,
      });
    }
    if (!found.length) return [];
    found.sort((a, b) => a.span.start - b.span.start);
    // One report, on the first: the same slip is usually copied onto every entry.
    const more = found.length - 1;
    return [{ message: `${found[0].message}${more ? ` (and ${more} more like it)` : ''}.`, span: found[0].span }];
  },
};
