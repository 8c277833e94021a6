import type { Token } from '../analysis/normalise.js';
import type { Match, PhraseMatcher } from '../analysis/phrase-matcher.js';

/** Punctuation that closes a clause: a partner or an object after it belongs to another one. */
const CLAUSE_BREAK = /[,;:.!?()[\]"\u00ab\u00bb\u201c\u201d\u2014]/u;

/** The compiled clause rules of a topic (see `context.partners` and `context.objects` in schema.ts). */
export type ClauseRules = {
  /** Words that name who the talks are with or between: with, avec, con, mit, з, с, between, entre. */
  readonly cues: PhraseMatcher<true> | undefined;
  /** Partners that need no war term: pronouns (with him, з ними) and the enemy (з ворогом). */
  readonly sure: PhraseMatcher<true> | undefined;
  /** Ordinary people as partners: residents, Anwohner, мешканці (conversations). */
  readonly people: PhraseMatcher<true> | undefined;
  /** What bargaining over a price is about: price, prix, ціну, discount. */
  readonly objects: PhraseMatcher<true> | undefined;
  /** Words that open what the talks are about: on, sur, über, sobre, щодо, о. */
  readonly about: PhraseMatcher<true> | undefined;
  /** What the war's talks are about where nothing names the war: peace, prisoners, territory, guarantees. */
  readonly subjects: PhraseMatcher<true> | undefined;
  /** Words that name both parties before a truce: between, entre, zwischen, між, между. */
  readonly between: PhraseMatcher<true> | undefined;
  readonly within: number;
};

/**
 * Which candidates the clause after them shows to be other talks (the counting rules: "wage,
 * contract, trade or other wars' talks do not count"): the object of the bargaining is a price
 * or a discount ("négocier les prix", "negotiated a discount"), or the subject their `about` word
 * opens, right after them or past their partner, names such an object before any war term
 * ("négociations sur … l'union douanière", "talks with Moscow on gas payments"), or they say
 * themselves what they are about in a sentence that names nothing of the war and no subject of it
 * after them (`ownSubjectElsewhere`: "les négociations sur un traité contre la pollution plastique"), or
 * the partner is ordinary people ("Gespräche mit Anwohnern"), or the partner named right after
 * the term ("talks with Hyundai Rotem", "переговоры с Китаем", "the uneasy truce between the
 * company and its workforce") is neither a pronoun nor the enemy and the rest of the sentence
 * holds no term of the war (`war`: token indexes where a context, article or strong term starts)
 * nor a subject of it (`subjects`: "мирна угода з відведенням військ").
 * A partner that is a war party always names it ("negotiate with Vladimir Putin", "переговоров с
 * Украиной", "talks between Kyiv and Moscow").
 */
export function otherTalks(
  rules: ClauseRules,
  text: string,
  tokens: readonly Token[],
  candidates: readonly Match<true>[],
  war: ReadonlySet<number>,
  sentenceEnd: (token: number) => number,
): Set<number> {
  const out = new Set<number>();
  if (!rules.cues && !rules.objects) return out;
  const starts = (m: PhraseMatcher<true> | undefined) =>
    new Set((m?.match(tokens) ?? []).map((x) => x.first));
  const cues = starts(rules.cues);
  const sure = starts(rules.sure);
  const objects = starts(rules.objects);
  const people = starts(rules.people);
  const about = starts(rules.about);
  // The war's own subjects count as the war in a partner's or a subject's clause ("з відведенням військ").
  const subjects = starts(rules.subjects);
  /** Whether a subject of the war stands after token `from` in its sentence ("з відведенням військ", "über Landkarten, nicht über Frieden"). */
  const subjectAfter = (from: number, end: number) => {
    for (let j = from + 1; j < end; j++) if (subjects.has(j)) return true;
    return false;
  };
  for (const c of candidates) {
    // The subject may follow a partner: "переговоры с Москвой об оплате … поставок газа".
    const opens = subjectOpens(text, tokens, c, about, PARTNER_GAP, sentenceEnd(c.first));
    if (opens >= 0 && aboutObject(text, tokens, opens, objects, war, sentenceEnd(c.first))) {
      out.add(c.first);
      continue;
    }
    // Its own subject opens nearer: "negotiated in Washington over".
    const own = opens >= 0 && opens <= c.last + SUBJECT_GAP ? opens : -1;
    if (
      ownSubjectElsewhere(tokens, c, { opens: own, sure }, war, sentenceEnd) &&
      !subjectAfter(c.last - 1, sentenceEnd(c.first))
    ) {
      out.add(c.first);
      continue;
    }
    // An object may sit a word further than a partner: "négocie plus le prix".
    const end = Math.min(c.last + rules.within + 1, sentenceEnd(c.first));
    for (let k = c.last; k < end; k++) {
      const prev = tokens[k - 1] as Token;
      if (CLAUSE_BREAK.test(text.slice(prev.end, (tokens[k] as Token).start))) break;
      if (objects.has(k)) {
        out.add(c.first);
        break;
      }
      if (!cues.has(k) || k >= c.last + rules.within) continue;
      // Ordinary people, after at most an article or an adjective: a conversation ("mit Anwohnern").
      if (
        [1, 2, 3].some(
          (d) => people.has(k + d) && !CLAUSE_BREAK.test(text.slice(tokens[k]?.end, tokens[k + d]?.start)),
        )
      ) {
        out.add(c.first);
        break;
      }
      // A pronoun, the enemy, the two sides, the help of a mediator, a time ("з полудня"), a number.
      if ([1, 2, 3].some((d) => sure.has(k + d)) || /^\d/.test(tokens[k + 1]?.norm ?? '')) break;
      let warTerm = false;
      for (let j = k + 1; j < sentenceEnd(c.first) && !warTerm; j++) warTerm = war.has(j);
      if (!warTerm && subjectAfter(k, sentenceEnd(c.first))) break;
      if (!warTerm) out.add(c.first);
      break;
    }
  }
  return out;
}

/** The first token of the sentence that holds `token`. */
function sentenceStart(token: number, sentenceEnd: (token: number) => number): number {
  let k = token;
  while (k > 0 && sentenceEnd(k - 1) === sentenceEnd(token)) k--;
  return k;
}

/** How many words may stand between a mention and the word that opens its subject ("negotiated in Washington over"). */
const SUBJECT_GAP = 3;

/**
 * Whether a mention says itself what it is about ("les négociations sur un traité mondial contre
 * la pollution plastique", "negotiated in Washington over the fund's rules", "a ceasefire on the
 * pay dispute") in a sentence that names nothing of the war (`war`, besides the mention itself):
 * such talks are other talks even right after a sentence about the war. The counting rules' window
 * (the sentence before) carries a bare "the talks resumed", not talks with a subject of their own.
 * `opens`: the token of the word that opens the subject (-1: none).
 */
function ownSubjectElsewhere(
  tokens: readonly Token[],
  c: Match<true>,
  words: { readonly opens: number; readonly sure: ReadonlySet<number> },
  war: ReadonlySet<number>,
  sentenceEnd: (token: number) => number,
): boolean {
  const end = sentenceEnd(c.first);
  const { opens } = words;
  // "on it", "про них": the subject is what the sentence before named; "on Thursday", "on 3 May": a time.
  const next = tokens[opens + 1]?.norm ?? '';
  if (opens < 0 || words.sure.has(opens + 1) || /^\d/.test(next) || TIMES.has(next)) return false;
  for (let k = sentenceStart(c.first, sentenceEnd); k < end; k++)
    if (war.has(k) && (k < c.first || k >= c.last)) return false;
  return true;
}

/**
 * The token index of the first `about` word within `gap` words after a mention, in its clause
 * ("talks on", "negotiated in Washington over", "переговоры с Москвой об"); -1 when there is none.
 */
function subjectOpens(
  text: string,
  tokens: readonly Token[],
  c: Match<true>,
  about: ReadonlySet<number>,
  gap: number,
  end: number,
): number {
  for (let k = c.last; k < Math.min(c.last + gap + 1, end); k++) {
    const between = text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start);
    // A quote may close around the mention itself: 'called "a peace deal" over ticket prices'.
    if (CLAUSE_BREAK.test(k === c.last ? between.replace(QUOTES, '') : between)) return -1;
    if (about.has(k)) return k;
  }
  return -1;
}

const QUOTES = /["\u00ab\u00bb\u201c\u201d]/gu;

/** How many words a partner may take between a mention and its subject ("talks with the Polish hauliers' association over"). */
const PARTNER_GAP = 6;

/** Days and months after "on": when talks happen, not what they are about. */
const TIMES = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
);

/** How far a talk's subject reaches after "on", "sur", "щодо" (in words). */
const SUBJECT_WORDS = 8;

/**
 * Whether the clause that opens at `from` with an `about` word names an object of other
 * bargaining before any term of the war: "sur la modernisation de l'union douanière".
 */
function aboutObject(
  text: string,
  tokens: readonly Token[],
  from: number,
  objects: ReadonlySet<number>,
  war: ReadonlySet<number>,
  sentenceEnd: number,
): boolean {
  const end = Math.min(from + SUBJECT_WORDS + 1, sentenceEnd);
  for (let k = from + 1; k < end; k++) {
    const prev = tokens[k - 1] as Token;
    if (CLAUSE_BREAK.test(text.slice(prev.end, (tokens[k] as Token).start)) || war.has(k)) return false;
    if (objects.has(k)) return true;
  }
  return false;
}

/**
 * Which candidates name their own parties before them (`between`), in a sentence that, like the one before
 * it, holds no word of the war (`named`: token indexes where a context or article term starts):
 * "Zwischen den beiden herrscht … ein stabiler Waffenstillstand", "Між ними … давно перемир'я",
 * "с судьёй … заключил шутливое перемирие" are other truces, between sisters, pets, a player and
 * the umpire (the counting rules: only where the sentence, or the one before it, is about the war).
 */
export function partiesBefore(at: {
  /** Token indexes where a `between` word starts. */
  readonly between: ReadonlySet<number>;
  readonly candidates: readonly Match<true>[];
  readonly named: ReadonlySet<number>;
  readonly sentenceEnd: (token: number) => number;
}): Set<number> {
  const { between, candidates, named, sentenceEnd } = at;
  const out = new Set<number>();
  for (const c of candidates) {
    const start = sentenceStart(c.first, sentenceEnd);
    const from = start > 0 ? sentenceStart(start - 1, sentenceEnd) : start;
    let warTerm = false;
    for (let j = from; j < sentenceEnd(c.first) && !warTerm; j++) warTerm = named.has(j);
    if (warTerm) continue;
    for (let k = start; k < c.first; k++) if (between.has(k)) out.add(c.first);
  }
  return out;
}

/** What opens and closes an inserted clause: a comma, a dash, a bracket. */
const INSERT_MARK = /[,\u2013\u2014()]/u;
/** Any break between two words (an inserted clause ends at the first one). */
const ANY_BREAK = /[,;:.!?()[\]\u2013\u2014]/u;
/** Relative words (folded) that open an inserted clause within its first RELATIVE_WITHIN words. */
const RELATIVE = new Set([
  'who',
  'which',
  'whose',
  'whom',
  'qui',
  'dont',
  'lequel',
  'laquelle',
  'welche',
  'welcher',
  'welches',
  'quien',
  'quienes',
  'cual',
  'cuales',
  'который',
  'которая',
  'которое',
  'которые',
  'которого',
  'которой',
  'которых',
  'которым',
  'який',
  'яка',
  'яке',
  'які',
  'якого',
  'якої',
  'яких',
  'яким',
]);
const RELATIVE_WITHIN = 4;

/**
 * The token range [from, to) of the relative clause that holds `token` — a stretch set off by
 * commas, dashes or brackets on both sides inside its sentence, a relative word among its first
 * words ("Steve Witkoff, the envoy who helped broker the Gaza ceasefire, also attended the Geneva
 * talks") — or undefined (a clause that opens or closes its sentence, or a main clause after an
 * opening phrase: "Three months earlier, the city hosted talks between Sudan's army and …, which …").
 */
export function insertedClause(
  text: string,
  tokens: readonly Token[],
  token: number,
  sentenceEnd: (token: number) => number,
): readonly [number, number] | undefined {
  const first = sentenceStart(token, sentenceEnd);
  const end = sentenceEnd(token);
  const gap = (k: number) => text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start);
  let from = token;
  while (from > first && !ANY_BREAK.test(gap(from))) from--;
  if (from === first || !INSERT_MARK.test(gap(from))) return undefined;
  let to = token + 1;
  while (to < end && !ANY_BREAK.test(gap(to))) to++;
  if (to >= end || !INSERT_MARK.test(gap(to))) return undefined;
  for (let k = from; k < Math.min(to, from + RELATIVE_WITHIN); k++)
    if (RELATIVE.has((tokens[k] as Token).norm)) return [from, to];
  return undefined;
}
