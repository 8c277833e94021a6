import gazetteerData from './data/gazetteer.json' with { type: 'json' };
import cityData from './data/world-cities.json' with { type: 'json' };
import worldData from './data/world-places.json' with { type: 'json' };
import type { EntityType, Gazetteer } from './entity-data.js';
import { foldForMatch, type Token } from './normalise.js';
import { deferPattern, type Filed, type Match, PhraseMatcher } from './phrase-matcher.js';

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
const isAcronym = (alias: string) => alias.length <= 10 && ACRONYM.test(alias);
const STARTS_UPPER = /^\p{Lu}/u;

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
const stemTerm = (term: string) =>
  CYRILLIC.test(term)
    ? term.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => (CYRILLIC.test(w) ? entityStem(foldForMatch(w)) : w))
    : term;

/**
 * One matcher over both gazetteers: data/gazetteer.json (by hand) and data/world-places.json
 * (generated); where both list an alias, the hand-written entry wins. Two spellings of one alias
 * of one entity ("NATO", "Nato") match as the laxer of the two.
 */
export function buildGazetteerMatcher(): PhraseMatcher<GazetteerEntry> {
  // Each key's pattern, filed at its first alias (its term and place stay; its entry may be merged).
  const byKey = new Map<string, Filed<GazetteerEntry>>();
  const addAlias = (alias: string, name: string, type: EntityType, generated: boolean, guarded: boolean) => {
    const key = stemTerm(foldForMatch(alias));
    const seen = byKey.get(key);
    if (seen && seen.value.name !== name) return;
    const entry = {
      name,
      type,
      acronym: isAcronym(alias),
      needsCapital: generated || STARTS_UPPER.test(alias),
      guarded,
    };
    if (!seen) byKey.set(key, deferPattern(stemTerm(alias), entry));
    else
      byKey.set(key, {
        ...seen,
        value: {
          ...entry,
          acronym: entry.acronym && seen.value.acronym,
          needsCapital: entry.needsCapital && seen.value.needsCapital,
          guarded: entry.guarded && seen.value.guarded,
        },
      });
  };
  const add = (data: unknown, generated: boolean) => {
    for (const e of (data as Gazetteer).entities) {
      if (e.aliases.length === 0) addAlias(e.name, e.name, e.type, generated, false);
      else
        for (const alias of new Set([e.name, ...e.aliases]))
          addAlias(alias, e.name, e.type, generated, false);
    }
  };
  add(gazetteerData, false);
  add(worldData, true);
  for (const name of cityData.names) addAlias(name, name, 'place', true, true);
  return new PhraseMatcher(byKey.values());
}

export function isWrittenInCapitals(text: string, m: Match<unknown>): boolean {
  const surface = text.slice(m.start, m.end);
  return surface === surface.toUpperCase();
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
