import { z } from 'zod';
import gazetteerData from './data/gazetteer.json' with { type: 'json' };
import { foldForMatch, type Sentence, type Token } from './normalise.js';
import { type Match, PhraseMatcher } from './phrase-matcher.js';

export const EntityType = z.enum(['person', 'place', 'organization']);
export type EntityType = z.infer<typeof EntityType>;

export type Entity = { readonly name: string; readonly type: EntityType; readonly mentions: number };

const Gazetteer = z.object({
  about: z.string(),
  entities: z.array(
    z.object({ name: z.string().min(1), type: EntityType, aliases: z.array(z.string().min(1)) }),
  ),
});
type GazetteerEntry = { readonly name: string; readonly type: EntityType; readonly acronym: boolean };

/** Short all-capital aliases (UN, EU, AP) must be written in capitals: "un" is a French article. */
const isAcronym = (alias: string) => /^[\p{Lu}\d.-]{1,5}$/u.test(alias);

function buildGazetteerMatcher(): PhraseMatcher<GazetteerEntry> {
  const gazetteer = Gazetteer.parse(gazetteerData);
  const entries: [string, GazetteerEntry][] = [];
  for (const e of gazetteer.entities) {
    for (const alias of new Set([e.name, ...e.aliases])) {
      entries.push([alias, { name: e.name, type: e.type, acronym: isAcronym(alias) }]);
    }
  }
  return PhraseMatcher.fromTerms(entries);
}

/** Titles that introduce a person's name; stripped from the name itself. */
const TITLES = new Set([
  'president',
  'prime',
  'minister',
  'general',
  'gen',
  'colonel',
  'col',
  'lieutenant',
  'commander',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'governor',
  'mayor',
  'secretary',
  'chancellor',
  'adviser',
  'advisor',
  'chief',
  'mr',
  'mrs',
  'ms',
  'dr',
  'senator',
  'ambassador',
  'patriarch',
  'pope',
  'king',
  'queen',
  'deputy',
  'director',
  'head',
  'leader',
  'official',
  'analyst',
  'soldier',
]);

const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}'-]+$/u;
const STOP_NAMES = new Set([
  'the',
  'on',
  'in',
  'a',
  'an',
  'and',
  'of',
  'for',
  'but',
  'said',
  'told',
  'after',
  'when',
]);

/**
 * Entities from a gazetteer of known names (data/gazetteer.json) plus people the text introduces
 * with a title ("General Mark Milley", "spokesman Dmitry Peskov"); a bare surname later in the
 * text is merged into the full name it abbreviates.
 */
export class EntityExtractor {
  private readonly gazetteer = buildGazetteerMatcher();

  extract(text: string, tokens: readonly Token[], _sentences: readonly Sentence[]): Entity[] {
    const counts = new Map<string, { name: string; type: EntityType; mentions: number }>();
    const add = (name: string, type: EntityType) => {
      const key = `${type}|${name}`;
      const row = counts.get(key) ?? { name, type, mentions: 0 };
      row.mentions++;
      counts.set(key, row);
    };

    const covered = new Uint8Array(tokens.length);
    for (const m of this.gazetteer.match(tokens)) {
      if (m.value.acronym && !isWrittenInCapitals(text, m)) continue;
      add(m.value.name, m.value.type);
      covered.fill(1, m.first, m.last);
    }

    // People introduced by a title: Title (Title)* Name Name [Name]
    const surnames = new Map<string, string>();
    for (const [name, row] of counts) if (row.type === 'person') rememberSurname(surnames, row.name, name);
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i] || !TITLES.has((tokens[i] as Token).norm)) continue;
      let j = i + 1;
      while (j < tokens.length && TITLES.has((tokens[j] as Token).norm) && !covered[j]) j++;
      const parts: string[] = [];
      while (j < tokens.length && parts.length < 3 && !covered[j]) {
        const tok = tokens[j] as Token;
        const word = text.slice(tok.start, tok.end);
        if (!CAPITALISED.test(word) || STOP_NAMES.has(tok.norm)) break;
        if (parts.length > 0 && !onlySpaceBetween(text, tokens[j - 1] as Token, tok)) break;
        parts.push(word);
        j++;
      }
      if (parts.length >= 2) {
        const name = parts.join(' ');
        add(name, 'person');
        rememberSurname(surnames, name, `person|${name}`);
        covered.fill(1, i, j);
        i = j - 1;
      }
    }

    // Bare surnames of people already named in full ("Milley" after "General Mark Milley").
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i]) continue;
      const tok = tokens[i] as Token;
      const key = surnames.get(tok.norm);
      if (key && CAPITALISED.test(text.slice(tok.start, tok.end))) {
        const row = counts.get(key);
        if (row) row.mentions++;
      }
    }
    return [...counts.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  }
}

function isWrittenInCapitals(text: string, m: Match<unknown>): boolean {
  const surface = text.slice(m.start, m.end);
  return surface === surface.toUpperCase();
}

function onlySpaceBetween(text: string, a: Token, b: Token): boolean {
  return /^ +$/.test(text.slice(a.end, b.start));
}

function rememberSurname(surnames: Map<string, string>, fullName: string, key: string) {
  const parts = fullName.split(' ');
  if (parts.length < 2) return;
  const last = parts[parts.length - 1] as string;
  if (last.length > 2) surnames.set(foldForMatch(last), key);
}
