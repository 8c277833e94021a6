import type { Sentence, Token } from '../analysis/normalise.js';
import type { Match } from '../analysis/phrase-matcher.js';

/*
 * Where tokens and matches lie in a text: the sentence of a token, the end of its sentence, and
 * adjacent matches read as one phrase (the counting rules' "ceasefire talks" once).
 */

/** Articles that may stand between a word of what talks are about and the term after it. */
const ARTICLES = new Set([
  'a',
  'an',
  'the',
  'un',
  'une',
  'le',
  'la',
  'les',
  'einen',
  'eine',
  'einer',
  'einem',
  'den',
  'die',
  'der',
  'el',
  'una',
  'los',
  'las',
]);

/**
 * Two matches separated only by spaces or a hyphen are one phrase ("ceasefire talks"); so are two
 * joined by one of `about` (token indexes of the words that say what talks are about), with an
 * article after it: "talks on a ceasefire", "переговоры о перемирии" — the same phrase turned round.
 */
export function mergeAdjacent<T>(
  text: string,
  matches: readonly Match<T>[],
  about?: { readonly tokens: readonly Token[]; readonly at: ReadonlySet<number> },
): Match<T>[] {
  const out: Match<T>[] = [];
  const joined = (prev: Match<T>, m: Match<T>) => {
    const gap = m.first - prev.last;
    if (!about || gap < 1 || gap > 2 || !about.at.has(prev.last)) return false;
    if (gap === 2 && !ARTICLES.has((about.tokens[prev.last + 1] as Token).norm)) return false;
    return /^[ \p{L}]*$/u.test(text.slice(prev.end, m.start));
  };
  for (const m of matches) {
    const prev = out[out.length - 1];
    if (
      prev &&
      ((prev.last === m.first && /^[ -]*$/.test(text.slice(prev.end, m.start))) || joined(prev, m))
    ) {
      out[out.length - 1] = { ...prev, last: m.last, end: m.end };
    } else {
      out.push(m);
    }
  }
  return out;
}

/** Maps a token index to the index of the sentence that holds it. */
export function sentenceIndexer(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
): (token: number) => number {
  const index = new Int32Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const start = (tokens[i] as Token).start;
    while (s < sentences.length - 1 && (sentences[s] as Sentence).end <= start) s++;
    index[i] = s;
  }
  return (token) => index[token] ?? 0;
}

/** Maps a token index to the index of the first token after its sentence. */
export function sentenceEnder(
  count: number,
  sentenceOf: (token: number) => number,
): (token: number) => number {
  const end = new Int32Array(count);
  for (let i = count - 1; i >= 0; i--)
    end[i] = i + 1 < count && sentenceOf(i + 1) === sentenceOf(i) ? (end[i + 1] as number) : i + 1;
  return (token) => end[token] ?? count;
}
