import indexData from './data/gazetteer-index.json' with { type: 'json' };
import { CONNECTORS, type EntityType } from './entity-data.js';
import { foldForMatch, type Token } from './normalise.js';
import { type Match, PhraseMatcher } from './phrase-matcher.js';
import type { DeferredPattern } from './phrase-pattern.js';

export type GazetteerEntry = {
  readonly name: string;
  readonly type: EntityType;
  /** Short all-capital aliases (UN, EU, AP) must be written in capitals: "un" is a French article. */
  readonly acronym: boolean;
  /**
   * Counts only where the text writes it with a capital: every generated entry (world-places.json)
   * and every alias the gazetteer writes with one ("West Bank" is not "the west bank of the Dnipro").
   */
  readonly needsCapital: boolean;
  /**
   * A generated city (world-cities.json): not at the start of a sentence, where any word has a
   * capital, nor next to another capitalised word ("Lewis Hamilton", "Hull City").
   */
  readonly guarded: boolean;
};

const ACRONYM = /^[\p{Lu}\d.-]{1,5}$/u;
/** At most five characters: a longer string (over ten UTF-16 units) is no acronym, unread. */
export const isAcronym = (alias: string) => alias.length <= 10 && ACRONYM.test(alias);
export const STARTS_UPPER = /^\p{Lu}/u;

/** The flag bits and type letters of data/gazetteer-index.json (gazetteer-index.ts writes it). */
export const FLAGS = { acronym: 1, needsCapital: 2, guarded: 4 } as const;
export const TYPE_LETTERS: Readonly<Record<EntityType, string>> = {
  person: 'p',
  place: 'l',
  organization: 'o',
};
const TYPES: Readonly<Record<string, EntityType>> = { p: 'person', l: 'place', o: 'organization' };

/**
 * Case endings of Russian and Ukrainian nouns and adjectives, longest first. Names are matched on
 * their stem so that one alias covers its declension: Путиным = Путин, Турции = Турция,
 * Кремле = Кремль, Херсонскую область = Херсонская область.
 */
const CYRILLIC_ENDINGS = (
  'ого ому ыми ими ями ами ской ську ській ская скую ська ий ый ой ей ая ую ою ею им ым ом ем ам ям ' +
  'ах ях их ых ої ій ів ов а я ы и і ї у ю е є ь й о'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);
const CYRILLIC = /[\u0400-\u04FF]/;

/** The form a word is matched on for entities: Cyrillic words lose their case ending. */
export function entityStem(norm: string): string {
  if (!CYRILLIC.test(norm)) return norm;
  for (const e of CYRILLIC_ENDINGS)
    if (norm.endsWith(e) && norm.length - e.length >= 3) return norm.slice(0, -e.length);
  return norm;
}

/** A term with its Cyrillic words stemmed (a term without Cyrillic is returned as it is, unread). */
export const stemTerm = (term: string) =>
  CYRILLIC.test(term)
    ? term.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => (CYRILLIC.test(w) ? entityStem(foldForMatch(w)) : w))
    : term;

/**
 * One matcher over the gazetteers (data/gazetteer.json by hand, data/world-places.json and
 * data/world-cities.json generated), read from their index (data/gazetteer-index.json, built by
 * gazetteer-index.ts): an alias is looked up when a text first holds its first word, so a cold
 * start reads none of the ~8,000 it does not meet.
 */
export function buildGazetteerMatcher(): PhraseMatcher<GazetteerEntry> {
  let lines: string[] | undefined;
  const wordOf = (line: string) => line.slice(0, line.indexOf('\t'));
  return new PhraseMatcher<GazetteerEntry>([], (word) => {
    lines ??= indexData.entries.split('\n');
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (wordOf(lines[mid] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    const found: DeferredPattern<GazetteerEntry>[] = [];
    for (let i = lo; i < lines.length; i++) {
      const [first, term = '', name, code = ''] = (lines[i] as string).split('\t');
      if (first !== word) break;
      const flags = Number(code.slice(1));
      found.push({
        term,
        firstWord: word,
        value: {
          name: name || term,
          type: TYPES[code[0] as string] as EntityType,
          acronym: (flags & FLAGS.acronym) !== 0,
          needsCapital: (flags & FLAGS.needsCapital) !== 0,
          guarded: (flags & FLAGS.guarded) !== 0,
        },
      });
    }
    return found.length > 0 ? found : undefined;
  });
}

export function isWrittenInCapitals(text: string, m: Match<unknown>): boolean {
  const surface = text.slice(m.start, m.end);
  return surface === surface.toUpperCase();
}

/** Words after a country's initials that make them a noun: "the US said", "talks with the UK on …". */
const NOUN_AFTER = new Set(
  (
    'and or but nor to in on at for of from with by as than that which who whose while when where if ' +
    'is was were are be been being has had have will would could should may might must can cannot ' +
    'said says say did does do also still now then again too last this its it their itself alone ' +
    'remains wants plans sees needs urged insisted announced offered warned agreed believes supports ' +
    'sent sends pledged proposed signed imposed continues hopes expects called calls made makes ' +
    'became took takes gave gives put puts told tells asked asks added adds'
  ).split(' '),
);
/** The endings of a people's adjective: "US and Ukrainian officials". */
const ADJECTIVE_ENDING = /(an|ish|ese|ic|i)$/;

/**
 * A country's initials used as an adjective: "a US proposal", "US-drafted", "US Secretary of State
 * Marco Rubio", "US and Ukrainian officials". The annotated sets name the country for "the US said"
 * and "talks with the US", not for these (over every English article whose only "US" is such:
 * 40 of 46 without the United States).
 */
export function initialsAsAdjective(text: string, tokens: readonly Token[], m: Match<unknown>): boolean {
  const next = tokens[m.last];
  if (!next) return false;
  const gap = text.slice(m.end, next.start);
  if (gap === '-') return true;
  // "the U.S. envoy": the initials' last full stop, then a word in lower case
  if (gap !== ' ' && !(gap === '. ' && !next.cap)) return false;
  if (next.norm === 'and') {
    const after = tokens[m.last + 1];
    return after?.cap === true && ADJECTIVE_ENDING.test(after.norm);
  }
  return /^\p{L}/u.test(next.norm) && !NOUN_AFTER.has(next.norm);
}

/** "-on-Tees", "-sur-Mer" right after token `last - 1`: a connector between hyphens, then a capitalised word. */
export function hyphenatedOn(text: string, tokens: readonly Token[], last: number): boolean {
  const connector = tokens[last];
  const next = tokens[last + 1];
  if (!connector || !next?.cap || !CONNECTORS.has(connector.norm)) return false;
  const before = tokens[last - 1];
  return (
    before !== undefined &&
    text.slice(before.end, connector.start) === '-' &&
    text.slice(connector.end, next.start) === '-'
  );
}

/** A guarded match stands alone: not after a sentence's end, not beside another capitalised word. */
export function standsAlone(text: string, tokens: readonly Token[], m: Match<unknown>): boolean {
  const before = text.slice(Math.max(0, m.start - 3), m.start);
  if (m.start === 0 || /(^|[.!?:"\n])\s*["'(]?$/.test(before)) return false;
  const prev = tokens[m.first - 1];
  const next = tokens[m.last];
  if (prev?.cap && /^[ -]$/.test(text.slice(prev.end, m.start))) return false;
  return !(next?.cap && /^[ -]$/.test(text.slice(m.end, next.start)));
}

/**
 * Where a body the gazetteer names by an acronym or a shorter name (IAEA, Ukrainian General Staff)
 * is matched by a longer English name ("the International Atomic Energy Agency", "the General Staff
 * of the Armed Forces of Ukraine"), remembers that spelling: the text's own name for it, the
 * canonical English name an annotator writes.
 */
export function spelledOut(text: string, m: Match<GazetteerEntry>, spelled: Map<string, string>) {
  // "The Sunday Times" is the gazetteer's "Sunday Times", no longer name.
  const surface = text.slice(m.start, m.end).replace(/^The /, '');
  const longer = isAcronym(m.value.name) || surface.split(' ').length > m.value.name.split(' ').length;
  if (
    m.value.acronym ||
    !longer ||
    !/^(\d+(st|nd|rd|th) )?[A-Z][A-Za-z'&.-]*( [A-Za-z'&.-]+)+$/.test(surface)
  )
    return;
  if (!spelled.has(m.value.name)) spelled.set(m.value.name, surface);
}
