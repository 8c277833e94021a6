import { z } from 'zod';
import gazetteerData from './data/gazetteer.json' with { type: 'json' };
import cueData from './data/name-cues.json' with { type: 'json' };
import worldData from './data/world-places.json' with { type: 'json' };
import { foldForMatch, type Sentence, type Token, tokenise } from './normalise.js';
import { type Match, PhraseMatcher } from './phrase-matcher.js';

export const EntityType = z.enum(['person', 'place', 'organization']);
export type EntityType = z.infer<typeof EntityType>;

export type Entity = { readonly name: string; readonly type: EntityType; readonly mentions: number };

/** Schemas of the data files; test/unit/analysis-data.test.ts validates the files with them. */
export const Gazetteer = z.object({
  about: z.string(),
  entities: z.array(
    z.object({ name: z.string().min(1), type: EntityType, aliases: z.array(z.string().min(1)) }),
  ),
});
export const NameCues = z.object({
  about: z.string(),
  firstNames: z.array(z.string()),
  firstNamesCyrillic: z.array(z.string()),
  titles: z.array(z.string()),
  orgHeads: z.array(z.string()),
  orgLinks: z.array(z.string()),
  orgStarts: z.array(z.string()),
  placeSuffixes: z.array(z.string()),
  placeCues: z.array(z.string()),
});

type Gazetteer = z.infer<typeof Gazetteer>;
type NameCues = z.infer<typeof NameCues>;

type GazetteerEntry = {
  readonly name: string;
  readonly type: EntityType;
  /** Short all-capital aliases (UN, EU, AP) must be written in capitals: "un" is a French article. */
  readonly acronym: boolean;
  /** Generated entries (world-places.json) count only where written with a capital. */
  readonly needsCapital: boolean;
};

const isAcronym = (alias: string) => /^[\p{Lu}\d.-]{1,5}$/u.test(alias);

/**
 * Case endings of Russian and Ukrainian nouns and adjectives, longest first. Names are matched on
 * their stem so that one alias covers its declension: Путиным = Путин, Турции = Турция,
 * Кремле = Кремль, Херсонскую область = Херсонская область.
 */
const CYRILLIC_ENDINGS = [
  'ого',
  'ому',
  'ыми',
  'ими',
  'ими',
  'ями',
  'ами',
  'ской',
  'ську',
  'ській',
  'ская',
  'скую',
  'ська',
  'ий',
  'ый',
  'ой',
  'ей',
  'ая',
  'ую',
  'ою',
  'ею',
  'им',
  'ым',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'их',
  'ых',
  'ої',
  'ій',
  'ів',
  'ов',
  'а',
  'я',
  'ы',
  'и',
  'і',
  'ї',
  'у',
  'ю',
  'е',
  'є',
  'ь',
  'й',
  'о',
].sort((a, b) => b.length - a.length);
const CYRILLIC = /[\u0400-\u04FF]/;

/** The form a word is matched on for entities: Cyrillic words lose their case ending. */
export function entityStem(norm: string): string {
  if (!CYRILLIC.test(norm)) return norm;
  for (const e of CYRILLIC_ENDINGS)
    if (norm.endsWith(e) && norm.length - e.length >= 3) return norm.slice(0, -e.length);
  return norm;
}

const stemTerm = (term: string) =>
  term.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => (CYRILLIC.test(w) ? entityStem(foldForMatch(w)) : w));

function buildGazetteerMatcher(): PhraseMatcher<GazetteerEntry> {
  const seen = new Set<string>();
  const entries: [string, GazetteerEntry][] = [];
  const add = (data: unknown, needsCapital: boolean) => {
    for (const e of (data as Gazetteer).entities) {
      for (const alias of new Set([e.name, ...e.aliases])) {
        const key = stemTerm(foldForMatch(alias));
        if (seen.has(key)) continue; // the hand-written gazetteer takes precedence
        seen.add(key);
        entries.push([
          stemTerm(alias),
          { name: e.name, type: e.type, acronym: isAcronym(alias), needsCapital },
        ]);
      }
    }
  };
  add(gazetteerData, false);
  add(worldData, true);
  return PhraseMatcher.fromTerms(entries);
}

// Validated by the unit tests, not at cold start (zod over 4,000 aliases costs ~15 ms).
const cues: NameCues = cueData;
const fold = (words: readonly string[]) => new Set(words.map(foldForMatch));
const TITLES = fold(cues.titles);
const FIRST_NAMES = fold(cues.firstNames);
const ORG_HEADS = fold(cues.orgHeads);
const ORG_LINKS = fold(cues.orgLinks);
const ORG_STARTS = fold(cues.orgStarts);
const PLACE_SUFFIXES = cues.placeSuffixes.map(foldForMatch).sort((a, b) => b.length - a.length);
const PLACE_CUES = cues.placeCues.map((c) => c.split(' ').map(foldForMatch));

/** Capitalised words that start sentences or headings and are not names. */
const NOT_NAMES = fold(
  (
    'The A An In On At Of For From To By With As But And Or If When While After Before Since During Under Over Into About ' +
    'This That These Those There Here It Its He She We They I You His Her Their Our My Your Who What Where Why How Which ' +
    'Some Many Most More Few Several All Any Each Every No Not Only Also Yet Still Even Then Now Today Yesterday Tomorrow Earlier Later Meanwhile However ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr St ' +
    'Le La Les Un Une Des Du De Et Ou Mais Dans Sur Pour Par Avec Selon Depuis Il Elle Ils Elles Nous On Ce Cette Ces ' +
    'Der Die Das Ein Eine Und Oder Aber Im Am Auf Für Von Mit Nach Bei Seit Er Sie Es Wir Ihr Dieser Diese ' +
    'El Los Las Una Unos Y O Pero En Con Según Desde Para Por Él Ella Ellos Este Esta Estos ' +
    'Photo Foto Read Sign Reporting Editing'
  ).split(' '),
);

const AND = new Set(['and', 'or', 'et', 'ou', 'und', 'oder', 'y', 'o', 'и', 'і', 'та']);
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u;
const ALL_CAPS = /^[\p{Lu}\d]{2,6}$/u;

type Row = { name: string; type: EntityType; mentions: number };

/**
 * Entities from the gazetteers (data/gazetteer.json by hand, data/world-places.json generated),
 * then names they do not know, from the cues of data/name-cues.json: a person introduced by a
 * title or a known given name, an organisation by the last word of its name or an acronym, a
 * place by a Ukrainian/Russian place-name ending after "the village of", "near", "in"... A bare
 * surname later in the text is merged into the full name it abbreviates. Wire services credited
 * in a dateline are organisations.
 */
export class EntityExtractor {
  private readonly gazetteer = buildGazetteerMatcher();
  /** Token indexes where a gazetteer place ends, for the text being extracted. */
  private placeEnds = new Set<number>();

  extract(
    text: string,
    tokens: readonly Token[],
    _sentences: readonly Sentence[],
    credited: readonly string[] = [],
    datelines: readonly string[] = [],
  ): Entity[] {
    const counts = new Map<string, Row>();
    const add = (name: string, type: EntityType) => {
      const key = `${type}|${foldForMatch(name)}`;
      const row = counts.get(key) ?? { name, type, mentions: 0 };
      row.mentions++;
      counts.set(key, row);
      return key;
    };
    for (const outlet of credited) add(outlet, 'organization');

    const stemmed = tokens.map((t) => ({ ...t, norm: entityStem(t.norm) }));
    const covered = new Uint8Array(tokens.length);
    this.placeEnds = new Set();
    for (const m of this.gazetteer.match(stemmed)) {
      if (m.value.acronym && !isWrittenInCapitals(text, m)) continue;
      if (m.value.needsCapital && !(tokens[m.first] as Token).cap) continue;
      add(m.value.name, m.value.type);
      covered.fill(1, m.first, m.last);
      if (m.value.type === 'place') this.placeEnds.add(m.last - 1);
    }
    // The place of a dateline ("KYIV, Nov 11 (Reuters) -") is the story's place.
    for (const line of datelines)
      for (const m of this.gazetteer.match(tokenise(line).map((t) => ({ ...t, norm: entityStem(t.norm) }))))
        if (m.value.type === 'place') add(m.value.name, 'place');

    const word = (i: number) => {
      const t = tokens[i] as Token;
      return text.slice(t.start, t.end);
    };
    const joined = (a: number, b: number) => {
      const gap = text.slice((tokens[a] as Token).end, (tokens[b] as Token).start);
      return gap === ' ' || gap === '-' ? gap : undefined;
    };

    // Runs of capitalised words not in a gazetteer: "Gustav Gressel", "State Emergency Service",
    // "Office of the Prosecutor General", "Posad-Pokrovske".
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i] || !isNameWord(word(i)) || NOT_NAMES.has((tokens[i] as Token).norm)) continue;
      let j = i + 1;
      while (j < tokens.length && !covered[j] && joined(j - 1, j) !== undefined) {
        if (isNameWord(word(j))) j++;
        else if (
          ORG_LINKS.has((tokens[j] as Token).norm) &&
          (ORG_STARTS.has((tokens[i] as Token).norm) || ORG_HEADS.has((tokens[j - 1] as Token).norm))
        ) {
          let k = j + 1;
          while (k < tokens.length && ORG_LINKS.has((tokens[k] as Token).norm)) k++;
          if (k < tokens.length && !covered[k] && isNameWord(word(k))) j = k + 1;
          else break;
        } else break;
      }
      const type = this.classify(text, tokens, i, j, word);
      if (type) {
        const parts: string[] = [];
        for (let k = i; k < j; k++) parts.push((k > i ? (joined(k - 1, k) ?? ' ') : '') + word(k));
        let name = parts.join('');
        if (type === 'person') name = stripTitles(name);
        if (name) add(name, type);
        covered.fill(1, i, j);
      }
      i = j - 1;
    }

    // People introduced by a title: Title (Title)* Name Name [Name]
    this.titled(text, tokens, covered, add);

    // Bare surnames of people already named in full ("Milley" after "General Mark Milley").
    const surnames = new Map<string, string>();
    for (const [key, row] of counts) if (row.type === 'person') rememberSurname(surnames, row.name, key);
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i]) continue;
      const key = surnames.get(entityStem((tokens[i] as Token).norm));
      if (key && (tokens[i] as Token).cap) {
        const row = counts.get(key);
        if (row) row.mentions++;
      }
    }
    return [...counts.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  }

  private classify(
    text: string,
    tokens: readonly Token[],
    i: number,
    j: number,
    word: (i: number) => string,
  ): EntityType | undefined {
    const n = j - i;
    const first = tokens[i] as Token;
    const last = tokens[j - 1] as Token;
    if (ORG_HEADS.has(last.norm) && n >= 2) return 'organization';
    if (ORG_STARTS.has(first.norm) && n >= 3) return 'organization';
    if (n === 1 && ALL_CAPS.test(word(i)) && /\p{Lu}{2}/u.test(word(i))) return 'organization';
    if (n >= 2 && n <= 3 && FIRST_NAMES.has(first.norm) && !FIRST_NAMES.has(last.norm)) return 'person';
    if (n >= 2 && n <= 3 && i > 0 && TITLES.has((tokens[i - 1] as Token).norm)) return 'person';
    // "Halyna Moroz, 63," or "Natalia Kovalenko, maestra de 44 años": a name with an age.
    if (n >= 2 && n <= 3 && /^,\s*\d{1,3}\b/.test(text.slice(last.end, last.end + 6))) return 'person';
    if (n <= 2 && PLACE_SUFFIXES.some((s) => last.norm.length >= s.length + 3 && last.norm.endsWith(s))) {
      if (PLACE_CUES.some((cue) => cue.every((w, k) => tokens[i - cue.length + k]?.norm === w)))
        return 'place';
      // "near Soledar and Opytne": listed after a known place
      if (i >= 2 && AND.has((tokens[i - 1] as Token).norm) && this.placeEnds.has(i - 2)) return 'place';
      if (/^,\s+(a|an|the)\s+(small\s+)?(town|village|city)\b/.test(text.slice(last.end, last.end + 30)))
        return 'place';
    }
    return undefined;
  }

  private titled(
    text: string,
    tokens: readonly Token[],
    covered: Uint8Array,
    add: (name: string, type: EntityType) => string,
  ) {
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i] || !TITLES.has((tokens[i] as Token).norm)) continue;
      let j = i + 1;
      while (j < tokens.length && TITLES.has((tokens[j] as Token).norm) && !covered[j]) j++;
      const parts: string[] = [];
      while (j < tokens.length && parts.length < 3 && !covered[j]) {
        const tok = tokens[j] as Token;
        const w = text.slice(tok.start, tok.end);
        if (!CAPITALISED.test(w) || NOT_NAMES.has(tok.norm)) break;
        if (parts.length > 0 && !/^ +$/.test(text.slice((tokens[j - 1] as Token).end, tok.start))) break;
        parts.push(w);
        j++;
      }
      if (parts.length >= 2) {
        add(parts.join(' '), 'person');
        covered.fill(1, i, j);
        i = j - 1;
      }
    }
  }
}

/** A word that can be part of a name: capitalised, or an acronym in capitals. */
function isNameWord(w: string): boolean {
  return CAPITALISED.test(w) || ALL_CAPS.test(w);
}

function stripTitles(name: string): string {
  const words = name.split(' ');
  while (words.length > 2 && TITLES.has(foldForMatch(words[0] as string))) words.shift();
  return words.join(' ');
}

function isWrittenInCapitals(text: string, m: Match<unknown>): boolean {
  const surface = text.slice(m.start, m.end);
  return surface === surface.toUpperCase();
}

function rememberSurname(surnames: Map<string, string>, fullName: string, key: string) {
  const parts = fullName.split(' ');
  if (parts.length < 2) return;
  const last = parts[parts.length - 1] as string;
  if (last.length > 2) surnames.set(entityStem(foldForMatch(last)), key);
}
