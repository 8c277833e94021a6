import gazetteerData from './data/gazetteer.json' with { type: 'json' };
import cityData from './data/world-cities.json' with { type: 'json' };
import worldData from './data/world-places.json' with { type: 'json' };
import type { EntityType, Gazetteer } from './data-schemas.js';
import {
  FLAGS,
  type GazetteerEntry,
  isAcronym,
  STARTS_UPPER,
  stemTerm,
  TYPE_LETTERS,
} from './entity-gazetteer.js';
import { foldForMatch } from './normalise.js';
import { deferPattern } from './phrase-pattern.js';

/**
 * The gazetteer index (data/gazetteer-index.json): every alias of data/gazetteer.json (by hand),
 * data/world-places.json and data/world-cities.json (generated) merged once, here, instead of at
 * every cold start (~8,000 aliases folded, stemmed and filed cost a cold start 30–50 ms). Where two
 * lists give an alias, the hand-written entry wins; two spellings of one alias of one entity
 * ("NATO", "Nato") match as the laxer of the two. `npm run gazetteer:index` rewrites the file;
 * test/unit/analysis/gazetteer-index.test.ts fails when it differs from what this builds.
 *
 * One line an alias: `word TAB term TAB name TAB type flags`, sorted by `word` (the folded first
 * word the matcher files the alias by; UTF-16 order, the order of JS `<`), aliases of one word in
 * the order they were added. `term` is the alias as matched (Cyrillic words stemmed), `name` is
 * empty when it is the term, `type` a letter and `flags` a digit (TYPE_LETTERS, FLAGS of
 * entity-gazetteer.ts, which reads the file).
 */
type Filed = { readonly term: string; readonly entry: GazetteerEntry };

export function gazetteerIndex(): string {
  // Each key's alias, filed at its first spelling (its term and place stay; its entry may be merged).
  const byKey = new Map<string, Filed>();
  const addAlias = (alias: string, name: string, type: EntityType, generated: boolean, guarded: boolean) => {
    const key = stemTerm(foldForMatch(alias));
    const seen = byKey.get(key);
    if (seen && seen.entry.name !== name) return;
    const entry = {
      name,
      type,
      acronym: isAcronym(alias),
      needsCapital: generated || STARTS_UPPER.test(alias),
      guarded,
    };
    if (!seen) byKey.set(key, { term: stemTerm(alias), entry });
    else
      byKey.set(key, {
        term: seen.term,
        entry: {
          ...entry,
          acronym: entry.acronym && seen.entry.acronym,
          needsCapital: entry.needsCapital && seen.entry.needsCapital,
          guarded: entry.guarded && seen.entry.guarded,
        },
      });
  };
  const add = (data: unknown, generated: boolean) => {
    for (const e of (data as Gazetteer).entities) {
      if (e.aliases.length === 0) addAlias(e.name, e.name, e.type, generated, false);
      else
        for (const alias of new Set([e.name, ...e.aliases]))
          for (const spelling of generated ? [alias] : englishSpellings(alias))
            addAlias(spelling, e.name, e.type, generated, false);
    }
  };
  add(gazetteerData, false);
  add(worldData, true);
  for (const name of cityData.names) addAlias(name, name, 'place', true, true);

  const lines: { word: string; line: string }[] = [];
  for (const { term, entry } of byKey.values()) {
    const filed = deferPattern(term, entry);
    if (!('firstWord' in filed))
      throw new Error(`gazetteer alias "${term}": no plain first word to file it by`);
    const fields = [filed.firstWord, term, entry.name === term ? '' : entry.name];
    if (fields.some((f) => /[\t\n]/.test(f)))
      throw new Error(`gazetteer alias "${term}": a tab or line break`);
    const flags =
      (entry.acronym ? FLAGS.acronym : 0) |
      (entry.needsCapital ? FLAGS.needsCapital : 0) |
      (entry.guarded ? FLAGS.guarded : 0);
    lines.push({ word: filed.firstWord, line: `${fields.join('\t')}\t${TYPE_LETTERS[entry.type]}${flags}` });
  }
  // Stable: the aliases of one word keep the order they were added in (the first of two equally long wins).
  lines.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return lines.map((l) => l.line).join('\n');
}

/** British and American spellings of the words that differ in bodies' names. */
const SPELLINGS: readonly (readonly [british: string, american: string])[] = [
  ['Organisation', 'Organization'],
  ['Co-operation', 'Cooperation'],
  ['Defence', 'Defense'],
  ['Centre', 'Center'],
  ['Programme', 'Program'],
  ['Labour', 'Labor'],
];
const SPELLING = new RegExp(`\\b(${SPELLINGS.flat().join('|')})\\b`, 'g');
const OTHER = new Map(SPELLINGS.flatMap(([b, a]) => [[b, a] as const, [a, b] as const]));

/**
 * A hand-written alias in every mix of British and American spellings of its words
 * ("Organization for Security and Co-operation in Europe" is also "Organisation for Security and
 * Co-operation in Europe", "Organization for Security and Cooperation in Europe"…): the press on
 * both sides of the Atlantic names one body.
 */
export function englishSpellings(alias: string): string[] {
  // split with a group keeps the matched words at the odd places
  const parts = alias.split(SPELLING);
  let out = [''];
  parts.forEach((part, i) => {
    const choices = i % 2 === 1 ? [part, OTHER.get(part) ?? part] : [part];
    out = out.flatMap((v) => choices.map((c) => v + c));
  });
  return [...new Set(out)];
}

/**
 * The three gazetteer files as JSON text (JSON.stringify of each), for the analysis version's hash
 * (version.ts): the index carries them as strings so that the analysis bundle does not carry them
 * as object literals too (~8,000 small strings to parse: ~10 ms of a cold start).
 */
export function gazetteerSources(): [gazetteer: string, worldPlaces: string, worldCities: string] {
  return [JSON.stringify(gazetteerData), JSON.stringify(worldData), JSON.stringify(cityData)];
}
