import { foldForMatch, type Token } from './normalise.js';

/**
 * How a term compiles to the word patterns phrase-matcher.ts matches: a pattern word is exact
 * (`kherson`), a prefix (`negotiat*`), a suffix (`*verhandlungen`) or an infix (`*verhandlung*`);
 * `{Name}` is any word written with an initial capital. Plain terms can wait, filed by their
 * first word, until a text holds it (deferPattern).
 */
export type WordPattern = {
  readonly kind: 'exact' | 'prefix' | 'suffix' | 'infix' | 'name';
  readonly text: string;
};

export type Pattern<T> = {
  readonly words: readonly WordPattern[];
  readonly value: T;
  readonly source: string;
};

function compileWord(word: string): WordPattern {
  if (word === '{Name}') return { kind: 'name', text: '' };
  const lead = word.startsWith('*');
  const trail = word.endsWith('*') && word.length > 1;
  const text = foldForMatch(word.replace(/^\*|\*$/g, ''));
  if (lead && trail) return { kind: 'infix', text };
  if (lead) return { kind: 'suffix', text };
  if (trail) return { kind: 'prefix', text };
  return { kind: 'exact', text };
}

/** A term without `*` or `{`: its words are its runs of letters, digits and marks, matched exactly. */
const PLAIN_TERM = /^[^*{]*$/;
const ASCII_TERM = /^[^\u0080-\uFFFF]*$/;
const ASCII_WORD = /[A-Za-z0-9]+/g;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The words of a term as /\{Name\}|\*?[\p{L}\p{N}\p{M}]+\*?/gu finds them: runs of letters,
 * digits and marks with a `*` right before (unless the word before took it) or after, and
 * `{Name}`; found with the tokeniser's own expression (one more Unicode expression to compile
 * costs a cold start ~4 ms).
 */
export function termWords(term: string): string[] {
  const out: string[] = [];
  /** The end of what the word before took (its `*` or the `}` of {Name}). */
  let taken = 0;
  for (const m of term.matchAll(WORD)) {
    let start = m.index;
    let end = start + m[0].length;
    if (m[0] === 'Name' && term[start - 1] === '{' && term[end] === '}') {
      out.push('{Name}');
      taken = end + 1;
      continue;
    }
    if (term[start - 1] === '*' && start - 1 >= taken) start--;
    if (term[end] === '*') end++;
    out.push(term.slice(start, end));
    taken = end;
  }
  return out;
}

/** Splits a term into word patterns the same way text is tokenised, keeping `*` on its word. */
export function compilePattern<T>(term: string, value: T): Pattern<T> {
  const words: WordPattern[] = [];
  if (!PLAIN_TERM.test(term)) {
    for (const w of termWords(term)) words.push(compileWord(w));
  } else if (ASCII_TERM.test(term)) {
    // The same patterns as the general case, without Unicode classes (a gazetteer compiles
    // thousands at cold start): ASCII letters and digits are the only ASCII word characters.
    for (const w of term.match(ASCII_WORD) ?? []) words.push({ kind: 'exact', text: w.toLowerCase() });
  } else {
    for (const w of term.match(WORD) ?? []) words.push({ kind: 'exact', text: foldForMatch(w) });
  }
  return { words, value, source: term };
}

/** A term filed by its first word, compiled when a text first holds that word (deferPattern). */
export type DeferredPattern<T> = { readonly term: string; readonly value: T; readonly firstWord: string };
export type Filed<T> = Pattern<T> | DeferredPattern<T>;
const ASCII_FIRST_WORD = /[A-Za-z0-9]+/;
/** PLAIN_TERM and ASCII_TERM at once. */
const PLAIN_ASCII_TERM = /^[^*{\u0080-\uFFFF]*$/;

/**
 * compilePattern, or for a term without wildcards (most of a gazetteer's thousands of names) its
 * first word only: the matcher files it by that word and compiles it when a text first holds the
 * word, so a cold start compiles the few names its texts hold. The same matches.
 */
export function deferPattern<T>(term: string, value: T): Filed<T> {
  if (PLAIN_ASCII_TERM.test(term)) {
    const first = ASCII_FIRST_WORD.exec(term);
    return first ? { term, value, firstWord: first[0].toLowerCase() } : compilePattern(term, value);
  }
  if (!PLAIN_TERM.test(term)) return compilePattern(term, value);
  // Other plain terms (Jersón, Херсонская область): filed by their first word, the only one folded now.
  const firstWord = foldForMatch(term.match(WORD)?.[0] ?? '');
  return firstWord ? { term, value, firstWord } : compilePattern(term, value);
}

/** Whether a token matches a pattern word. */
export function wordMatches(p: WordPattern, tok: Token): boolean {
  const token = tok.norm;
  switch (p.kind) {
    case 'name':
      return tok.cap;
    case 'exact':
      return token === p.text;
    case 'prefix':
      return token.startsWith(p.text);
    case 'suffix':
      return token.endsWith(p.text);
    case 'infix':
      return token.includes(p.text);
  }
}
