import cueData from './data/tone-cues.json' with { type: 'json' };
import { type Token, tokenise } from './normalise.js';
import { SentimentScorer } from './sentiment.js';

/**
 * Features of the sentiment of one sentence towards one target (a person, an organisation, a
 * thing), for the target sentiment model (target-sentiment.ts): word stems of the sentence, of the
 * target's clause and near the target by side, bigrams near it; the lexicon's valence (with its
 * negation) near the target by side, in its clause, in the sentence, in quotes and in the target's
 * own words; the target as speaker of a reporting verb, inside a quote, as doer or undergoer of the
 * nearest judged word; its shape (pronoun, names, title, date) and place. The target's names are
 * masked. Each family was kept for its cross-validated worth on NewsMTSC's train.jsonl
 * (docs/sentiment-target.md). One definition for training (scripts/train/target-data.ts) and for
 * the Lambda. The word features are English; in another language the lexicon features carry it.
 */
export type Span = { readonly start: number; readonly end: number };

/** Double quotes, straight and typographic (single ones double as apostrophes). */
const QUOTE = /["\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;
/** Punctuation between two words that ends a clause. */
const CLAUSE_PUNCT = /[,;:()[\]\u2013\u2014"\u201C\u201D\u201E\u201F\u00AB\u00BB]|\s-\s/;
/** Words that open a new clause. */
const CLAUSE_WORDS = new Set(['but', 'while', 'although', 'though', 'whereas', 'because', 'however', 'yet']);
const PRONOUNS = new Set(
  'he she they him her his hers them their theirs it its we us our i me my you your'.split(' '),
);
const TITLES = new Set(
  'mr mrs ms dr sen senator rep gov governor president secretary minister leader chairman speaker judge'.split(
    ' ',
  ),
);
const TIMES = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday week month year january february march april may june july august september october november december'.split(
    ' ',
  ),
);
const BE = new Set('was were is are be been being got get gets getting has have had'.split(' '));
/** Extra English speech verbs beside tone-cues.json's reporting list. */
const SPEECH_EN = 'say tweeted wrote tweet writes explained added adds declared testified replied responded';
const LANGUAGES = ['en', 'fr', 'de', 'es', 'ru', 'uk'] as const;

const squash = (x: number) => Math.log1p(x);

/** A crude English stem: inflection and common derivation endings off. */
const stem = (w: string) => {
  if (w.length <= 5) return w;
  const known = stems.get(w);
  if (known !== undefined) return known;
  const out = w.replace(/(ations?|ings?|ed|es|s|ly|ment|ers?|ive|ism|ists?)$/, '');
  if (stems.size > 100_000) stems.clear();
  stems.set(w, out);
  return out;
};
/** Stems of words seen before (bounded: cleared past 100,000 words). */
const stems = new Map<string, string>();

type Mention = { readonly first: number; readonly last: number };

/** Which tokens lie inside double quotes: a quote before a word opens, one after a word closes. */
function quoted(sentence: string, tokens: readonly Token[]): boolean[] {
  const marks: { at: number; opens: boolean }[] = [];
  for (const m of sentence.matchAll(QUOTE)) {
    const next = sentence[m.index + 1] ?? ' ';
    const prev = sentence[m.index - 1] ?? ' ';
    marks.push({ at: m.index, opens: /[\p{L}\p{N}]/u.test(next) && !/[\p{L}\p{N}.,!?]/u.test(prev) });
  }
  let inside = marks.length > 0 && !(marks[0] as { opens: boolean }).opens;
  let k = 0;
  return tokens.map((t) => {
    while (k < marks.length && (marks[k] as { at: number }).at < t.start)
      inside = (marks[k++] as { opens: boolean }).opens;
    return inside;
  });
}

export class TargetFeatures {
  private readonly speech = new Map<string, { exact: Set<string>; prefixes: string[] }>();

  constructor(private readonly scorer = new SentimentScorer()) {
    const reporting = (cueData as unknown as { reporting: Record<string, string[]> }).reporting;
    for (const language of [...LANGUAGES, 'und']) {
      const exact = new Set<string>();
      const prefixes: string[] = [];
      const words =
        language === 'und' ? LANGUAGES.flatMap((l) => reporting[l] ?? []) : (reporting[language] ?? []);
      for (const w of [...words, ...(language === 'en' ? SPEECH_EN.split(' ') : [])]) {
        const norm = tokenise(w)[0]?.norm;
        if (norm === undefined || w.includes(' ')) continue;
        if (w.endsWith('*')) prefixes.push(norm);
        else exact.add(norm);
      }
      this.speech.set(language, { exact, prefixes });
    }
  }

  /**
   * Named feature values of the sentiment of `sentence` towards the target mentioned at `spans`
   * (character offsets; the first is the main mention, others refer to the same target).
   * `tokens`: tokenise(sentence), when the caller has them already. `words: false` leaves out the
   * word features (`t:`, `s:`, `c:`, `n:`, `b:`), for a model that reads none (the one for languages
   * other than English): the same values, at a fraction of the cost.
   */
  extract(
    sentence: string,
    spans: readonly Span[],
    language = 'en',
    tokens: readonly Token[] = tokenise(sentence),
    words = true,
  ): Record<string, number> {
    const n = tokens.length;
    const f: Record<string, number> = {};
    if (n === 0) return f;
    const code = language.slice(0, 2).toLowerCase();
    const speech =
      this.speech.get(code) ?? (this.speech.get('und') as { exact: Set<string>; prefixes: string[] });
    const isSpeech = (w: string) => speech.exact.has(w) || speech.prefixes.some((p) => w.startsWith(p));
    const v = this.scorer.tokenValences(tokens, code);
    const word = (i: number) => tokens[i]?.norm ?? '';

    // Target tokens: those overlapping a span; a span between words takes the nearest word.
    const inTarget = new Array<boolean>(n).fill(false);
    const mentions: Mention[] = [];
    for (const s of spans) {
      let first = -1;
      let last = -1;
      tokens.forEach((t, i) => {
        if (t.start < s.end && t.end > s.start) {
          if (first < 0) first = i;
          last = i;
        }
      });
      if (first < 0) {
        first = tokens.findIndex((t) => t.start >= s.start);
        if (first < 0) first = n - 1;
        last = first;
      }
      for (let i = first; i <= last; i++) inTarget[i] = true;
      mentions.push({ first, last });
    }
    const main = mentions[0] as Mention;

    // Clauses (punctuation and clause-opening words) and quotes.
    const clause = new Int32Array(n);
    for (let i = 1; i < n; i++) {
      const gap = sentence.slice((tokens[i - 1] as Token).end, (tokens[i] as Token).start);
      clause[i] = (clause[i - 1] as number) + (CLAUSE_PUNCT.test(gap) || CLAUSE_WORDS.has(word(i)) ? 1 : 0);
    }
    const inQuote = quoted(sentence, tokens);
    const targetClause = clause[main.first] as number;

    // Distance and side of each other word from the nearest mention.
    const dist = new Int32Array(n);
    const left = new Array<boolean>(n).fill(false);
    for (let i = 0; i < n; i++) {
      let best = Number.POSITIVE_INFINITY;
      for (const m of mentions) {
        const d = i < m.first ? m.first - i : i > m.last ? i - m.last : 0;
        if (d < best) {
          best = d;
          left[i] = i < m.first;
        }
      }
      dist[i] = best;
    }

    // Word stems: in the sentence, in the target's clause and near it by side; bigrams near it
    // with the target as <t>; the target's own common nouns (its names are masked).
    const masked: { w: string; i: number }[] = [];
    for (let i = 0; i < n && words; i++) {
      const w = stem(word(i));
      if (inTarget[i]) {
        if (!inTarget[i - 1]) masked.push({ w: '<t>', i });
        if (!(tokens[i] as Token).cap && !PRONOUNS.has(word(i))) f[`t:${word(i)}`] = 1;
        continue;
      }
      masked.push({ w, i });
      const side = left[i] ? 'L' : 'R';
      f[`s:${w}`] = 1;
      if (clause[i] === targetClause) f[`c:${side}:${w}`] = 1;
      if ((dist[i] as number) <= 3) f[`n:${side}:${w}`] = 1;
    }
    for (let k = 0; k + 1 < masked.length; k++) {
      const a = masked[k] as { w: string; i: number };
      const b = masked[k + 1] as { w: string; i: number };
      if (Math.min(dist[a.i] as number, dist[b.i] as number) <= 4)
        f[`b:${left[a.i] && a.w !== '<t>' ? 'L' : 'R'}:${a.w}_${b.w}`] = 1;
    }

    // Lexicon valence: positive and negative mass in windows, the clause, the sentence, the target.
    const mass: Record<string, [number, number]> = {};
    const add = (key: string, x: number) => {
      const m = mass[key] ?? [0, 0];
      if (x > 0) m[0] += x;
      else m[1] -= x;
      mass[key] = m;
    };
    let inverse = 0;
    for (let i = 0; i < n; i++) {
      const x = v[i] as number;
      if (x === 0) continue;
      if (inTarget[i]) {
        add('self', x);
        continue;
      }
      const d = dist[i] as number;
      add('sent', x);
      if (d <= 3) add(`${left[i] ? 'L' : 'R'}3`, x);
      if (d <= 7) add('7', x);
      add(clause[i] === targetClause ? 'clause' : 'other', x);
      if (inQuote[i]) add('quote', x);
      inverse += x / d;
    }
    for (const [key, [pos, neg]] of Object.entries(mass)) {
      if (pos) f[`lex:${key}:pos`] = squash(pos);
      if (neg) f[`lex:${key}:neg`] = squash(neg);
    }
    if (inverse) f[`lex:inverse:${inverse > 0 ? 'pos' : 'neg'}`] = squash(Math.abs(inverse));

    // The target as doer or undergoer of the nearest judged word in its clause.
    const role = (i: number, r: 'agent' | 'patient') => {
      const x = v[i] as number;
      f[`role:${r}:${x > 0 ? 'pos' : 'neg'}`] = squash(Math.abs(x));
    };
    for (let i = main.last + 1; i < Math.min(n, main.last + 5); i++) {
      if (clause[i] !== targetClause) break;
      if (v[i]) {
        let passive = false;
        for (let k = main.last + 1; k < i; k++) if (BE.has(word(k))) passive = true;
        role(i, passive ? 'patient' : 'agent');
        break;
      }
    }
    for (let i = main.first - 1; i >= Math.max(0, main.first - 4); i--) {
      if (clause[i] !== clause[main.first]) break;
      if (v[i]) {
        role(i, word(main.first - 1) === 'by' ? 'agent' : 'patient');
        break;
      }
    }

    // Speech: the target as the speaker of a reporting verb, inside a quote, the quote's tone.
    let speaker = false;
    for (let i = main.last + 1; i <= Math.min(n - 1, main.last + 3); i++)
      if (isSpeech(word(i))) speaker = true;
    for (let i = main.first - 1; i >= Math.max(0, main.first - 3); i--) if (isSpeech(word(i))) speaker = true;
    if (speaker) {
      f['q:speaker'] = 1;
      const [pos, neg] = mass.quote ?? mass.other ?? [0, 0];
      if (pos) f['q:speaker:pos'] = squash(pos);
      if (neg) f['q:speaker:neg'] = squash(neg);
    }
    if (inQuote[main.first]) f['q:inside'] = 1;
    if (inQuote.some(Boolean)) f['q:any'] = 1;

    // The target's shape and place.
    const mainWords = tokens.slice(main.first, main.last + 1).map((t) => t.norm);
    if (mainWords.length === 1 && PRONOUNS.has(mainWords[0] as string)) f['tgt:pronoun'] = 1;
    if (
      mainWords.some((w) => w === 'his' || w === 'her' || w === 'their' || w === 'its') ||
      word(main.last + 1) === 's'
    )
      f['tgt:possessive'] = 1;
    if (main.first <= 1) f['tgt:first'] = 1;
    const shape = tokens.slice(main.first, main.last + 1);
    if (shape.every((t) => t.cap)) f['tgt:names'] = 1;
    else if (shape.every((t) => !t.cap)) f['tgt:lower'] = 1;
    if (shape.some((t) => /^\p{N}/u.test(t.norm))) f['tgt:number'] = 1;
    if (shape.some((t) => TITLES.has(t.norm))) f['tgt:title'] = 1;
    if (shape.some((t) => TIMES.has(t.norm))) f['tgt:time'] = 1;
    f['tgt:words'] = Math.log(shape.length);
    f['tgt:where'] = main.first / n;
    f['tgt:mentions'] = Math.log(mentions.length);
    f['tgt:length'] = Math.log1p(n) / 2;
    return f;
  }
}
