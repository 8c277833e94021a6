import * as z from 'zod';

/** The learned judges a topic can name in `context.judge` (shared/topics/judge.ts). */
export const JUDGES = ['talks'] as const;
export type JudgeName = (typeof JUDGES)[number];

/**
 * A term is a phrase of one or more words. A word may start or end with `*`: `negotiat*` matches
 * negotiation, negotiators...; `*verhandlung*` matches inside a compound (Friedensverhandlungen).
 * Matching is whole-word, case- and diacritic-insensitive, in any script.
 */
export const Term = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((t) => /[\p{L}\p{N}]/u.test(t), 'a term needs at least one letter or digit');

export const TopicId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,47}$/,
    'lower-case letters, digits and dashes, starting with a letter or digit',
  );

export const TopicDefinition = z.object({
  id: TopicId,
  label: z.string().trim().min(1).max(100),
  description: z.string().optional(),
  terms: z.array(Term).min(1),
  /** At least one of these must appear near a mention for it to count (e.g. war context for "talks"). */
  context: z
    .object({
      terms: z.array(Term).min(1),
      /** `sentence`: the mention's sentence or the `before` sentences preceding it; `article`: anywhere. */
      scope: z.enum(['sentence', 'article']).default('sentence'),
      before: z.number().int().min(0).max(5).default(1),
      /**
       * A mention whose own sentence holds one of these does not count, whatever the context
       * ("transfer", "wage*": football or labour talks next to a word about Ukraine).
       */
      avoid: z.array(Term).default([]),
      /**
       * Words of trade and finance (insurers, shareholders, loans, imports): like `avoid`, except
       * that a `strong` term in an article about the war still counts beside them — a banker
       * asking what a ceasefire would do to the balance sheet talks of the war's ceasefire, while
       * "talks" beside insurers are the insurers'. Other wars, and sport and labour (whose
       * truces between a club and its fans, a union and management are figurative), belong in
       * `avoid`.
       */
      bargaining: z.array(Term).default([]),
      /**
       * A mention without context still counts when an earlier counted mention of the topic lies
       * within this many sentences before it ("... talks between Russia and Ukraine. ... Those talks").
       */
      chain: z.number().int().min(0).max(5).default(0),
      /**
       * When at least this share of the article's sentences hold a context term, the article is
       * about the context and every mention counts (still never one in an `avoid` sentence, nor
       * one that follows a rejected candidate within `chain` sentences: "These talks" after wage
       * talks): "Pero nadie aquí cree en un alto el fuego" in a report from Kherson. 1 turns it off.
       */
      articleShare: z.number().min(0).max(1).default(1),
      /**
       * The article must hold one of these somewhere for any mention to count: generic context
       * ("army", "NATO") in a story that never names the war's places or people (floods in
       * Slovenia, with the army helping) does not make its talks war talks. Empty: no such check.
       */
      article: z.array(Term).default([]),
      /**
       * Terms that name the war's procedure unambiguously (ceasefire, truce, peace talks): they
       * need only the article to be about the war (an `article` term), not a context term in their
       * sentence ("An einen baldigen Waffenstillstand glaubt hier kaum jemand" in a report from
       * Kherson). `avoid` still applies.
       */
      strong: z.array(Term).default([]),
      /**
       * How many sentences must name the war (hold an `article` term) for a `strong` term to need
       * no context of its own: a report from the war names it throughout, while an economy or
       * sport story that names it once in passing ("since the invasion of Ukraine") is not about
       * it, and its "truce" in a price war or between two fans is not the war's (the counting
       * rules: only where the sentence, or the one before it, is about the war).
       */
      strongSentences: z.number().int().min(1).max(20).default(1),
      /**
       * In an article that names the war in `strongSentences` sentences or more (and has
       * `article` terms), this many sentences before a mention carry context for it, as `before`
       * does everywhere: "Mr Putin talks of the goals of his operation. Until one of them changes
       * his vocabulary, the negotiating table will stay empty." An economy story that names the
       * war once ("prices rose since the invasion. The union returned to the talks") gets only
       * `before`. A sentence before that holds an `avoid` term carries no context.
       */
      beforeInWar: z.number().int().min(0).max(5).default(0),
      /**
       * Words that name who talks are with or between ("with", "avec", "з", "between"): a mention
       * followed, in its clause and within `clause` words, by one of them counts only when the
       * rest of its sentence holds a context, article or strong term, or the partner is one of
       * `parties` (a pronoun, "the enemy"): "talks with Hyundai Rotem", "переговоры с Китаем",
       * "the uneasy truce between the company and its workforce" are other talks.
       */
      partners: z.array(Term).default([]),
      parties: z.array(Term).default([]),
      /**
       * Ordinary people as the partner ("Gespräche mit Anwohnern", "talks with residents",
       * "розмови з мешканцями"): conversations, not the war's talks, whatever else the sentence holds.
       */
      people: z.array(Term).default([]),
      /**
       * What other bargaining is about ("price", "prix", "discount", "trade", "accession"): a
       * mention followed by one of these in its clause, within `clause` words, does not count
       * ("négocier les prix", "переговоры о расширении торговли", "Verhandlungen über den EU-Beitritt").
       */
      objects: z.array(Term).default([]),
      /**
       * Words that say what talks are about ("on", "sur", "über", "sobre", "щодо", "о"): right
       * after a mention they open its subject, and an `objects` word anywhere in that clause (up
       * to 8 words, before any context term) makes them other talks ("négociations sur la
       * modernisation de l'union douanière", "переговори щодо угоди про розробку мінеральних ресурсів").
       */
      about: z.array(Term).default([]),
      /**
       * What the war's talks are about where no word of the sentence names the war: peace, the
       * prisoners, the land, the guarantees, the sea and its ports, the energy strikes ("talks on
       * the next exchange", "переговори щодо кожної дитини"), and the pronouns that point back to
       * the sentence before ("negotiations on it"). A mention whose own subject, after an `about`
       * word, names none of these nor the war, in a sentence that names nothing of the war, is
       * other talks even right after a sentence about the war ("les négociations sur un traité
       * contre la pollution plastique"); a partner's clause holding one is the war's.
       */
      subjects: z.array(Term).default([]),
      /**
       * Words that name both parties before a mention ("between", "zwischen", "між"): in a
       * sentence that, like the one before it, holds no context or article term, such a mention
       * is another truce ("Zwischen den beiden herrscht … ein stabiler Waffenstillstand").
       */
      between: z.array(Term).default([]),
      clause: z.number().int().min(1).max(10).default(6),
      /**
       * A learned second opinion on these rules (shared/topics/judge.ts): `talks`, trained on the
       * Russia-Ukraine war's talks in six languages, decides each candidate the rules decided,
       * from their verdict and the words around it. Without it the rules decide alone.
       */
      judge: z.enum(JUDGES).optional(),
    })
    .optional(),
  /** Phrases that void a mention they overlap ("wage negotiat*", "he talks"). */
  exclude: z.array(Term).default([]),
  /**
   * Other senses of some terms: a mention of one of `terms` in a sentence that holds one of
   * `words` means something else and does not count ("verhandelt" beside "Strafgerichtshof" is a
   * court hearing; "talks" beside "museum" or "lecture" are lectures).
   */
  senses: z
    .array(z.object({ about: z.string().max(100), terms: z.array(Term).min(1), words: z.array(Term).min(1) }))
    .default([]),
  /**
   * Words built on a term that can be people's surnames (`khersonsk*`: Khersonsky, Khersonska):
   * such a word is not a mention right after a given name or a title ("Andriy Khersonsky",
   * "Mr Khersonsky"), nor where it repeats a surname found so earlier ("Khersonsky said").
   * With any surnames given, so is a word built on a term's stem with three letters or more past
   * it right after a given name ("Dmytro Khersoniuk", "Olena Khersonova"), and that word again.
   */
  surnames: z.array(Term).default([]),
  /**
   * Given names spelled like a term, exactly as written ("Jerson": the place is Jersón): a one-word
   * mention spelled so is a person where a capitalised word follows it ("Jerson Moura"), and so is
   * that spelling anywhere after it in the text.
   */
  givenNames: z.array(z.string().trim().min(1).max(100)).default([]),
});
export type TopicDefinition = z.infer<typeof TopicDefinition>;

/**
 * At most 14 topics: every change of an article must fit one DynamoDB transaction (100 items);
 * see diffContributions in shared/ingest/contribution.ts for the arithmetic.
 */
export const MAX_TOPICS = 14;

/** Topic ids are unique: a refinement for any list of topics (the topic file, POST /analyse). */
export function uniqueTopicIds(
  topics: readonly TopicDefinition[],
  ctx: z.RefinementCtx,
  path: (string | number)[] = [],
) {
  const seen = new Set<string>();
  for (const [i, topic] of topics.entries()) {
    if (seen.has(topic.id)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate topic id "${topic.id}"` });
    }
    seen.add(topic.id);
  }
}

export const TopicFile = z
  .object({
    version: z.literal(1),
    topics: z.array(TopicDefinition).min(1).max(MAX_TOPICS),
  })
  .superRefine((file, ctx) => uniqueTopicIds(file.topics, ctx, ['topics']));
export type TopicFile = z.infer<typeof TopicFile>;
