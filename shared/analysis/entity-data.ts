import cueData from './data/name-cues.json' with { type: 'json' };
import type { EntityType, NameCues } from './data-schemas.js';
import { foldForMatch } from './normalise.js';

export type { EntityType } from './data-schemas.js';

export type Entity = { readonly name: string; readonly type: EntityType; readonly mentions: number };

// Validated by the unit tests (data-schemas.ts), not at cold start (zod over 4,000 aliases costs ~15 ms).
const cues: NameCues = cueData;
const fold = (words: readonly string[]) => new Set(words.map(foldForMatch));
export const TITLES = fold(cues.titles);
export const FIRST_NAMES = fold(cues.firstNames);
export const ORG_HEADS = fold(cues.orgHeads);
export const ORG_LINKS = fold(cues.orgLinks);
export const ORG_STARTS = fold(cues.orgStarts);
export const PLACE_SUFFIXES = cues.placeSuffixes.map(foldForMatch).sort((a, b) => b.length - a.length);
export const PLACE_CUES = cues.placeCues.map((c) => c.split(' ').map(foldForMatch));
/** Words in capitals that are not organisations (GDP, MP, BC), as written. */
export const NOT_ORGANISATIONS = new Set(cues.notOrganisations);
export const PLACE_HEADS = fold(cues.placeHeads);
export const PLACE_STARTS = fold(cues.placeStarts);
export const CONNECTORS = fold(cues.nameConnectors);
export const NOT_AFTER_PLACE = fold(cues.notAfterPlace);
export const ORG_SUFFIXES = cues.orgSuffixes.map(foldForMatch);
/** The last word of an event's name (Championships, Cup, Games): not an organisation. */
export const EVENT_HEADS = fold(cues.eventHeads);
/** Common nouns that introduce an organisation's name: "the charity …", "…, the South Korean manufacturer". */
export const ORG_CUES = fold(cues.orgCues);
/** The adjective of a country, by the country's canonical name: Ukraine → Ukrainian. */
export const DEMONYMS: Readonly<Record<string, string>> = cues.demonyms;

/** Capitalised words that start sentences or headings and are not names. */
export const NOT_NAMES = fold(
  (
    'The A An In On At Of For From To By With As But And Or If When While After Before Since During Under Over Into About ' +
    'This That These Those There Here It Its He She We They I You His Her Their Our My Your Who What Where Why How Which ' +
    'Some Many Most More Few Several All Any Each Every No Not Only Also Yet Still Even Then Now Today Yesterday Tomorrow Earlier Later Meanwhile However ' +
    'Because Although Though Unless Until Whether Perhaps Maybe Despite Without Unlike Neither Either Both ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr St ' +
    'Le La Les Un Une Des Du De Et Ou Mais Dans Sur Pour Par Avec Selon Depuis Il Elle Ils Elles Nous On Ce Cette Ces ' +
    'Der Die Das Ein Eine Und Oder Aber Im Am Auf Für Von Mit Nach Bei Seit Er Sie Es Wir Ihr Dieser Diese ' +
    'El Los Las Una Unos Y O Pero En Con Según Desde Para Por Él Ella Ellos Este Esta Estos ' +
    'Photo Foto Read Sign Reporting Editing Christmas Easter Ramadan Hanukkah Eid'
  ).split(' '),
);

export const AND = new Set(['and', 'or', 'et', 'ou', 'und', 'oder', 'y', 'o', 'и', 'і', 'та']);
/** \u2019: ’ (escaped: the bundle stays ASCII, see boilerplate.ts). */
export const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}'\u2019-]+$/u;
export const ALL_CAPS = /^[\p{Lu}\d]{2,6}$/u;

/** A word that can be part of a name: capitalised, or an acronym in capitals. */
export function isNameWord(w: string): boolean {
  return CAPITALISED.test(w) || ALL_CAPS.test(w);
}

/** A person's name without the titles before it ("President Emmanuel Macron" → "Emmanuel Macron"). */
export function stripTitles(name: string): string {
  const words = name.split(' ');
  while (words.length > 2 && TITLES.has(foldForMatch(words[0] as string))) words.shift();
  return words.join(' ');
}
