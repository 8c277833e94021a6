import type { Sentence, Token } from '../analysis/normalise.js';
import type { Match } from '../analysis/phrase-matcher.js';

/*
 * Where tokens and matches lie in a text: the sentence of a token, the end of its sentence, and
 * adjacent matches read as one phrase (the counting rules' "ceasefire talks" once).
 */

/** Two matches separated only by spaces or a hyphen are one phrase ("ceasefire talks"). */
export function mergeAdjacent<T>(text: string, matches: readonly Match<T>[]): Match<T>[] {
  const out: Match<T>[] = [];
  for (const m of matches) {
    const prev = out[out.length - 1];
    if (prev && prev.last === m.first && /^[ -]*$/.test(text.slice(prev.end, m.start))) {
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
