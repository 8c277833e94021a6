import { foldForMatch, type Sentence, type Token } from '../analysis/normalise.js';
import { groupMatchers } from '../analysis/phrase-group.js';
import { type Match, PhraseMatcher } from '../analysis/phrase-matcher.js';
import { type ClauseRules, insertedClause, otherTalks, partiesBefore } from './clause.js';
import { builtInJudge, type Judge, type JudgedCandidate } from './judge.js';
import { mergeAdjacent, sentenceEnder, sentenceIndexer } from './positions.js';
import type { JudgeName, TopicDefinition } from './schema.js';
import { builtOnStems, givenNameTokens, namedAfterGivenName, surnamesAmong } from './surnames.js';

export type TopicHit = {
  readonly mentions: number;
  /** Indexes of the sentences that hold a mention (for per-topic sentiment). */
  readonly sentences: readonly number[];
  /** Character spans [start, end) of each counted mention in the analysed text. */
  readonly spans: readonly (readonly [number, number])[];
};

/** A compiled word list of a topic definition; undefined when the definition has none. */
type Words = PhraseMatcher<true> | undefined;

type CompiledTopic = {
  readonly def: TopicDefinition;
  readonly terms: PhraseMatcher<true>;
  readonly exclude: Words;
  readonly context: Words;
  readonly avoid: Words;
  readonly bargaining: Words;
  readonly article: Words;
  readonly strong: Words;
  readonly surnames: Words;
  readonly senses: readonly { readonly terms: PhraseMatcher<true>; readonly words: PhraseMatcher<true> }[];
  /** The one-word stems of the terms (`kherson*` gives "kherson"), folded. */
  readonly stems: readonly string[];
  readonly clause: ClauseRules;
  /** A learned second opinion on the context rules (`context.judge`), or none. */
  readonly judge: Judge | undefined;
};

/** Words that point back to something just named: "those talks", "ces négociations", "ці переговори". */
const DEMONSTRATIVES = new Set(
  [
    ...['these', 'those', 'such', 'ces', 'cette', 'diese', 'dieser', 'diesen', 'jene', 'jenen'],
    ...['estas', 'estos', 'esas', 'esos', 'dichas', 'dichos'],
    ...['эти', 'этих', 'этим', 'этими', 'ці', 'цих', 'цим', 'цими', 'такі', 'такие'],
  ].map(foldForMatch),
);

const asMatcher = (terms: readonly string[]) => PhraseMatcher.fromTerms(terms.map((t) => [t, true] as const));
const maybeMatcher = (terms: readonly string[] | undefined) => (terms?.length ? asMatcher(terms) : undefined);

/**
 * Counts topic mentions in tokenised text per the counting rules: whole words, longest term
 * first, overlapping terms once, two adjacent matches that form one phrase ("ceasefire talks",
 * "talks on a ceasefire") once; a match overlapped by an exclusion is dropped; with `context`, a match counts only when a
 * context term appears in its sentence (or the `before` sentences preceding it) or the article,
 * or a counted mention lies at most `chain` sentences before it or later in its own sentence, or
 * the article is about the context (`articleShare`) and no rejected candidate lies at most `chain`
 * sentences before it; never when the clause after it names another partner or a price
 * (clause.ts);
 * never when its own sentence holds an `avoid` term, or a `bargaining` one unless it is a `strong`
 * term in an article about the war, or when it has no context and the sentence before holds
 * either and no context; never in an article without an `article` term;
 * never a person's surname (`surnames`). A surname, or a word any topic excludes (Chersonesus), is
 * no context or article term of any topic either. With a `judge` (`context.judge`, judge.ts), a
 * learned model decides again every candidate these context rules decided, reading their verdict.
 */
export class TopicMatcher {
  private readonly topics: readonly CompiledTopic[];

  /** `judges`: the judge a topic's `context.judge` names (judge.ts; tests and training give their own). */
  constructor(definitions: readonly TopicDefinition[], judges: (name: JudgeName) => Judge = builtInJudge) {
    this.topics = definitions.map((def) => {
      const topic = {
        def,
        terms: asMatcher(def.terms),
        exclude: def.exclude.length > 0 ? asMatcher(def.exclude) : undefined,
        context: def.context ? asMatcher(def.context.terms) : undefined,
        avoid: def.context?.avoid.length ? asMatcher(def.context.avoid) : undefined,
        bargaining: maybeMatcher(def.context?.bargaining),
        article: def.context?.article.length ? asMatcher(def.context.article) : undefined,
        strong: def.context?.strong.length ? asMatcher(def.context.strong) : undefined,
        surnames: def.surnames.length > 0 ? asMatcher(def.surnames) : undefined,
        senses: def.senses.map((sense) => ({
          terms: asMatcher(sense.terms),
          words: asMatcher(sense.words),
        })),
        stems: def.terms.filter((t) => /^[^ *]+\*$/u.test(t)).map((t) => foldForMatch(t.slice(0, -1))),
        clause: {
          cues: maybeMatcher(def.context?.partners),
          sure: maybeMatcher(def.context?.parties),
          people: maybeMatcher(def.context?.people),
          objects: maybeMatcher(def.context?.objects),
          about: maybeMatcher(def.context?.about),
          subjects: maybeMatcher(def.context?.subjects),
          between: maybeMatcher(def.context?.between),
          within: def.context?.clause ?? 6,
        },
        judge: def.context?.judge ? judges(def.context.judge) : undefined,
      };
      return topic;
    });
    // Every topic's matchers read the same tokens: one look-up a token for all of them.
    groupMatchers(
      this.topics.flatMap(
        ({ terms, exclude, context, avoid, bargaining, article, strong, surnames, clause, senses }) => [
          ...senses.flatMap((sense) => [sense.terms, sense.words]),
          terms,
          exclude,
          context,
          avoid,
          bargaining,
          article,
          strong,
          surnames,
          clause.cues,
          clause.sure,
          clause.people,
          clause.objects,
          clause.about,
          clause.subjects,
          clause.between,
        ],
      ),
    );
  }

  get definitions(): readonly TopicDefinition[] {
    return this.topics.map((t) => t.def);
  }

  match(text: string, tokens: readonly Token[], sentences: readonly Sentence[]): Map<string, TopicHit> {
    const sentenceOf = sentenceIndexer(tokens, sentences);
    const sentenceEnd = sentenceEnder(tokens.length, sentenceOf);
    const hits = new Map<string, TopicHit>();
    const candidates = this.topics.map((topic) => topic.terms.match(tokens));
    // A person's surname built on a place name is no mention of the place, and so no sign that an
    // article is about the war either ("Ilya Khersonov" in a chess report): every topic's context
    // skips the surnames any topic found.
    const surnames = this.topics.map((topic, i) => surnameTokens(topic, text, tokens, candidates[i] ?? []));
    // Nor is a word a topic excludes ("Херсонеса", Chersonesus): no mention, no sign of the war;
    // `people` holds both, by token index.
    // (each topic's exclusions are matched once, and only where it has candidates)
    const excluded = this.topics.map((topic, i) => excludedCandidates(topic, tokens, candidates[i] ?? []));
    const people = new Set([...surnames.flatMap((s) => [...s]), ...excluded.flatMap((s) => [...s])]);
    const notPeople = (list: Match<true>[]) =>
      people.size ? list.filter((m) => !people.has(m.first)) : list;
    this.topics.forEach((topic, i) => {
      let matches = candidates[i] ?? [];
      if (matches.length === 0) return;
      /** Token index of each candidate an exclusion or an `avoid` sentence rejected. */
      const rejected: number[] = [];
      const out = excluded[i] as Set<number>;
      if (out.size > 0)
        matches = matches.filter((m) => {
          if (out.has(m.first)) rejected.push(m.first);
          return !out.has(m.first);
        });
      for (const sense of topic.senses) {
        const words = new Set(sense.words.match(tokens).map((m) => sentenceOf(m.first)));
        if (words.size === 0) continue;
        const other = new Set(sense.terms.match(tokens).map((m) => m.first));
        matches = matches.filter((m) => {
          const out = other.has(m.first) && words.has(sentenceOf(m.first));
          if (out) rejected.push(m.first);
          return !out;
        });
      }
      const own = surnames[i] as Set<number>;
      matches = matches.filter((m) => {
        if (own.has(m.first)) rejected.push(m.first);
        return !own.has(m.first);
      });
      const articleMatches = topic.article ? notPeople(topic.article.match(tokens)) : [];
      if (topic.article && articleMatches.length === 0) return;
      if (topic.context && topic.def.context) {
        const contextMatches = notPeople(topic.context.match(tokens));
        const contextSentences = new Set(contextMatches.map((m) => sentenceOf(m.first)));
        const war = new Set(
          [contextMatches, articleMatches, topic.strong?.match(tokens) ?? []].flatMap((l) =>
            l.map((m) => m.first),
          ),
        );
        const other = otherTalks(topic.clause, text, tokens, matches, war, sentenceEnd);
        const named = new Set([...contextMatches, ...articleMatches].map((m) => m.first));
        const between = new Set((topic.clause.between?.match(tokens) ?? []).map((m) => m.first));
        for (const c of partiesBefore({ between, candidates: matches, named, sentenceEnd })) other.add(c);
        const { scope, before, beforeInWar, chain, articleShare, strongSentences } = topic.def.context;
        const aboutContext = articleShare < 1 && contextSentences.size >= articleShare * sentences.length;
        // Strong terms need only the article's context (checked above) when it names the war in
        // `strongSentences` sentences or more; by their first token.
        const aboutWar = new Set(articleMatches.map((m) => sentenceOf(m.first))).size >= strongSentences;
        const strongAt = new Set(aboutWar ? (topic.strong?.match(tokens) ?? []).map((m) => m.first) : []);
        const subjectOf = (words: Words) =>
          otherSubjects(text, tokens, words?.match(tokens) ?? [], sentenceOf, sentenceEnd);
        const avoided = subjectOf(topic.avoid);
        const bargained = subjectOf(topic.bargaining);
        const avoidSentences = new Set([...avoided.sentences, ...bargained.sentences]);
        const avoidedAt = (first: number, s: number) =>
          avoided.at(first, s) || (bargained.at(first, s) && !strongAt.has(first));
        // "These talks" right after rejected wage or trade talks continues them, whatever the article.
        const continuesRejected = (first: number, s: number) =>
          rejected.some((r) => r < first && s - sentenceOf(r) <= chain);
        // "Those negotiations" whose nearest earlier candidate, in its sentence or the one before,
        // was another subject's talks (trade quotas, accession) are those talks again.
        const all = candidates[i] ?? [];
        const refersToRejected = (first: number, s: number) => {
          if (!DEMONSTRATIVES.has(tokens[first - 1]?.norm ?? '')) return false;
          const before = all.filter((m) => m.first < first).at(-1);
          if (!before || s - sentenceOf(before.first) > 1) return false;
          return rejected.includes(before.first) || other.has(before.first);
        };
        let lastCounted = Number.NEGATIVE_INFINITY;
        /** Candidates without context: a mention counted later in their own sentence still carries them. */
        const withoutContext: Match<true>[] = [];
        /** Every candidate the context rules decided, with what they decided (for a judge). */
        const decided: JudgedCandidate[] = [];
        const kept = matches.filter((m) => {
          const s = sentenceOf(m.first);
          // Its own sentence is about something else, or it has no context and the sentence
          // before is about something else ("Fighting there stopped at Panmunjom. No peace
          // agreement followed."): it continues that, not the war.
          const continuesOther =
            !contextSentences.has(s) && avoidSentences.has(s - 1) && !contextSentences.has(s - 1);
          if (refersToRejected(m.first, s)) other.add(m.first);
          if (avoidedAt(m.first, s) || continuesOther || other.has(m.first)) {
            rejected.push(m.first);
            decided.push({ match: m, verdict: other.has(m.first) ? 'other' : 'avoid', sentence: s });
            return false;
          }
          let ok =
            (topic.article !== undefined && strongAt.has(m.first)) ||
            (scope === 'article' ? contextSentences.size > 0 : s - lastCounted <= chain);
          // In an article about the war the sentence before carries context too (`beforeInWar`),
          // unless it is about something else (an `avoid` term: "… talks at Panmunjom. Those talks").
          for (let k = s - (aboutWar ? Math.max(before, beforeInWar) : before); k <= s && !ok; k++)
            if (contextSentences.has(k) && (k === s || !avoidSentences.has(k))) ok = true;
          if (!ok && aboutContext) ok = !continuesRejected(m.first, s);
          if (ok) lastCounted = s;
          else withoutContext.push(m);
          return ok;
        });
        // "Про переговори чи перемир'я": the truce counts, and so the talks before it in its sentence.
        const counted = new Set(kept.map((m) => sentenceOf(m.first)));
        matches = [...kept, ...withoutContext.filter((m) => counted.has(sentenceOf(m.first)))].sort(
          (a, b) => a.first - b.first,
        );
        if (topic.judge) {
          for (const m of kept) decided.push({ match: m, verdict: 'counted', sentence: sentenceOf(m.first) });
          for (const m of withoutContext) {
            const s = sentenceOf(m.first);
            decided.push({ match: m, verdict: counted.has(s) ? 'carried' : 'noContext', sentence: s });
          }
          decided.sort((a, b) => a.match.first - b.match.first);
          const verdicts = topic.judge.decide({
            tokens,
            sentenceOf,
            candidates: decided,
            contextSentences,
            sentenceCount: sentences.length,
          });
          matches = decided.filter((_, k) => verdicts[k]).map((c) => c.match);
        }
      }
      const about = topic.clause.about?.match(tokens);
      const merged = mergeAdjacent(
        text,
        matches,
        about && { tokens, at: new Set(about.map((m) => m.first)) },
      );
      if (merged.length === 0) return;
      hits.set(topic.def.id, {
        mentions: merged.length,
        sentences: [...new Set(merged.map((m) => sentenceOf(m.first)))],
        spans: merged.map((m) => [m.start, m.end] as const),
      });
    });
    return hits;
  }
}

/**
 * Where another subject's words (`avoid`, `bargaining`) take a mention: their sentences, except
 * where they stand in an inserted clause ("Witkoff, who brokered the Gaza ceasefire, attended the
 * Geneva talks"), which takes only the mentions inside it.
 */
function otherSubjects(
  text: string,
  tokens: readonly Token[],
  words: readonly Match<true>[],
  sentenceOf: (token: number) => number,
  sentenceEnd: (token: number) => number,
): { sentences: Set<number>; at: (first: number, sentence: number) => boolean } {
  const sentences = new Set(words.map((m) => sentenceOf(m.first)));
  const whole = new Set<number>();
  const spans: (readonly [number, number])[] = [];
  for (const a of words) {
    const span = insertedClause(text, tokens, a.first, sentenceEnd);
    if (span && a.last <= span[1]) spans.push(span);
    else whole.add(sentenceOf(a.first));
  }
  return {
    sentences,
    at: (first, s) => whole.has(s) || spans.some(([f, t]) => first >= f && first < t),
  };
}

/** Token indexes of the topic's candidates that an exclusion overlaps ("wage talks", "Херсонеса"). */
function excludedCandidates(
  topic: CompiledTopic,
  tokens: readonly Token[],
  matches: readonly Match<true>[],
): Set<number> {
  if (!topic.exclude || matches.length === 0) return new Set();
  const exclusions = topic.exclude.match(tokens);
  return new Set(
    matches.filter((m) => exclusions.some((x) => x.first < m.last && m.first < x.last)).map((m) => m.first),
  );
}

/** Token indexes of the topic's candidates that are people's surnames or given names (surnames.ts). */
function surnameTokens(
  topic: CompiledTopic,
  text: string,
  tokens: readonly Token[],
  matches: readonly Match<true>[],
): Set<number> {
  const given = givenNameTokens(text, tokens, matches, topic.def.givenNames);
  if (!topic.surnames || matches.length === 0) return given;
  const shaped = topic.surnames.match(tokens).map((m) => m.first);
  const built = builtOnStems(topic.stems, tokens, matches);
  const sorted = [...new Set([...shaped, ...built])].sort((a, b) => a - b);
  return new Set([
    ...surnamesAmong(text, tokens, sorted),
    ...given,
    ...namedAfterGivenName(text, tokens, matches),
  ]);
}
