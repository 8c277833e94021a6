import { TopicMatcher } from '../topics/matcher.js';
import type { TopicFile } from '../topics/schema.js';
import { bodyOffset, creditedWires, datelinesOf, stripBoilerplate } from './boilerplate.js';
import documentModel from './data/document-sentiment.model.json' with { type: 'json' };
import { DocumentFeatures } from './document-features.js';
import { type Entity, EntityExtractor } from './entities.js';
import { detectLanguage } from './language.js';
import { LinearModel } from './linear-model.js';
import {
  normaliseMapped,
  normaliseText,
  type Sentence,
  splitSentences,
  type Token,
  tokenise,
  tokensIn,
} from './normalise.js';
import { type Sentiment, type SentimentLabel, SentimentScorer } from './sentiment.js';
import { TargetFeatures } from './target-features.js';
import { TargetSentiment } from './target-sentiment.js';
import { analysisVersionOf } from './version.js';

export type TopicAnalysis = { readonly mentions: number; readonly sentiment: Sentiment };

export type ArticleAnalysis = {
  readonly language: string;
  readonly sentiment: Sentiment;
  /** Only topics with at least one mention. */
  readonly topics: Readonly<Record<string, TopicAnalysis>>;
  readonly entities: readonly Entity[];
  /** Number of boilerplate lines removed before analysis. */
  readonly boilerplateLines: number;
};

/** One counted mention: offsets into the analysed text, and the sentence that holds it. */
export type TopicMatchSpan = { readonly start: number; readonly end: number; readonly sentence: Sentence };

/** An analysis with its evidence: what text was read and where each counted mention lies in it. */
/** Where an analysis found each counted mention: the text it read, the matches, the input offsets. */
export type LocatedMentions = {
  /** The text the analysis read: the body normalised, boilerplate removed (the title is not in it). */
  readonly text: string;
  /** Every topic of the analyser, with the matches it counted (none for a topic not mentioned). */
  readonly matches: Readonly<Record<string, readonly TopicMatchSpan[]>>;
  /** The offsets in the input body of the span [start, end) of `text`. */
  toInput(start: number, end: number): [start: number, end: number];
};

/** An analysis with its evidence. */
export type ExplainedAnalysis = LocatedMentions & { readonly analysis: ArticleAnalysis };

export type AnalysisInput = {
  readonly body: string;
  /** The headline: not counted, but part of what the article mainly reports (its tone). */
  readonly title?: string | undefined;
  readonly language?: string | undefined;
};

/**
 * The analysis of one article body: boilerplate removed, then topic mentions, entities and
 * sentiment over the same tokens. Pure and synchronous; build one per container and reuse it.
 */
export class Analyser {
  private readonly topics: TopicMatcher;
  private readonly entities: EntityExtractor;
  private readonly sentiment: SentimentScorer;
  private readonly features: DocumentFeatures;
  private readonly model: LinearModel<SentimentLabel>;
  private readonly target: TargetSentiment;

  private readonly topicFile: TopicFile;
  private versionMemo: string | undefined;

  constructor(topicFile: TopicFile, shared?: Analyser) {
    this.topics = new TopicMatcher(topicFile.topics);
    this.topicFile = topicFile;
    this.entities = shared?.entities ?? new EntityExtractor();
    this.sentiment = shared?.sentiment ?? new SentimentScorer();
    this.features = shared?.features ?? new DocumentFeatures();
    this.model = shared?.model ?? new LinearModel<SentimentLabel>(documentModel);
    // The target model's features read the same lexicon: one SentimentScorer for both.
    this.target = shared?.target ?? new TargetSentiment(undefined, new TargetFeatures(this.sentiment));
  }

  /**
   * Which analysis this analyser makes (code revision, data and topic set); records keep it.
   * Computed on first use (it hashes every data file: no cold-start cost for the API).
   */
  get version(): string {
    this.versionMemo ??= analysisVersionOf(this.topicFile);
    return this.versionMemo;
  }

  /** The same analyser with other topics (POST /analyse): shares every other component. */
  withTopics(topicFile: TopicFile): Analyser {
    return new Analyser(topicFile, this);
  }

  /** The document sentiment model's features of an article (training reads them too). */
  documentFeatures(input: AnalysisInput): Record<string, number> {
    return this.featuresOf(input, this.read(input));
  }

  analyse(input: AnalysisInput): ArticleAnalysis {
    return this.analyseRead(input, this.read(input)).analysis;
  }

  /** The analysis and the text it read (normalised, boilerplate removed): ingest signs that text for copies. */
  analyseText(input: AnalysisInput): { analysis: ArticleAnalysis; text: string } {
    const read = this.read(input);
    return { analysis: this.analyseRead(input, read).analysis, text: read.text };
  }

  /** The analysis with the text it read and where each counted mention lies (in that text and the input). */
  explain(input: AnalysisInput): ExplainedAnalysis {
    const source = normaliseMapped(input.body);
    const read = this.read(input, source.text);
    const { analysis, hits } = this.analyseRead(input, read);
    return { analysis, ...this.located(input, source, read, hits) };
  }

  /**
   * Only where the counted mentions are (GET /articles/{id}): the text and the topic matches,
   * without the entities and sentiment a stored record already holds.
   */
  locate(input: AnalysisInput): LocatedMentions {
    const source = normaliseMapped(input.body);
    const text = this.readText(source.text);
    return this.located(input, source, text, this.topics.match(text.text, text.tokens, text.sentences));
  }

  private located(
    input: AnalysisInput,
    source: ReturnType<typeof normaliseMapped>,
    read: ReturnType<Analyser['readText']>,
    hits: ReturnType<TopicMatcher['match']>,
  ): LocatedMentions {
    const matches: Record<string, TopicMatchSpan[]> = {};
    for (const def of this.topics.definitions) {
      matches[def.id] = (hits.get(def.id)?.spans ?? []).map(([start, end]) => ({
        start,
        end,
        sentence: read.sentences.find((x) => x.start <= start && start < x.end) ?? { start, end },
      }));
    }
    const toInput = (start: number, end: number): [number, number] => {
      const from = source.start[bodyOffset(read.kept, start)] ?? input.body.length;
      if (end <= start) return [from, from];
      return [from, source.end[bodyOffset(read.kept, end - 1)] ?? input.body.length];
    };
    return { text: read.text, matches, toInput };
  }

  /**
   * What the article mainly reports, by the trained model (data/document-sentiment.model.json,
   * scripts/train): the most probable label, and P(positive) − P(negative) as the score.
   */
  private documentSentiment(input: AnalysisInput, read: Reading): Sentiment {
    const { label, score } = this.model.predict(this.featuresOf(input, read));
    return { label, score: Math.round(score * 1000) / 1000 };
  }

  /** `normalised`: the body already normalised (explain() maps offsets over it). */
  /** The text analysed (boilerplate removed), its tokens and sentences. */
  private readText(normalised: string) {
    const { text, removed, kept } = stripBoilerplate(normalised);
    return { text, removed, kept, tokens: tokenise(text), sentences: splitSentences(text) };
  }

  private read(input: AnalysisInput, normalised = normaliseText(input.body)) {
    const { text, removed, kept, tokens, sentences } = this.readText(normalised);
    const detected = input.language === undefined ? detectLanguage(tokens) : undefined;
    const language = input.language ?? (detected as string);
    const scoring = detected ?? lexiconLanguage(language, tokens);
    const sentenceScores = this.sentiment.sentenceScores(tokens, sentences, scoring);
    return { text, removed, kept, tokens, sentences, language, scoring, sentenceScores };
  }

  private featuresOf(input: AnalysisInput, read: Reading): Record<string, number> {
    const title = normaliseText(input.title ?? '');
    const titleTokens = tokenise(title);
    const [titleScore = 0] = titleTokens.length
      ? this.sentiment.sentenceScores(titleTokens, [{ start: 0, end: title.length }], read.scoring)
      : [];
    return this.features.extract({ ...read, language: read.scoring, titleTokens, titleScore });
  }

  /**
   * The sentiment towards a topic: the target model (data/target-sentiment.model.json, trained on
   * NewsMTSC) over the first MAX_TARGET_SENTENCES sentences that mention it, with the topic's
   * mentions there as the target.
   */
  private topicSentiment(read: Reading, spans: readonly (readonly [number, number])[]): Sentiment {
    const bySentence = new Map<Sentence, { start: number; end: number }[]>();
    for (const [start, end] of spans) {
      const s = read.sentences.find((x) => x.start <= start && start < x.end);
      if (!s) continue;
      const list = bySentence.get(s) ?? [];
      list.push({ start: start - s.start, end: end - s.start });
      bySentence.set(s, list);
    }
    // The first sentences that mention the topic (where an article says what it reports about
    // it): a bounded cost per topic, whatever the article's length.
    const mentions = [...bySentence].slice(0, MAX_TARGET_SENTENCES).map(([s, list]) => ({
      sentence: read.text.slice(s.start, s.end),
      spans: list,
      tokens: tokensIn(read.tokens, s),
    }));
    return this.target.combine(mentions, read.scoring);
  }

  private analyseRead(input: AnalysisInput, read: Reading) {
    const { text, removed, tokens, sentences, language } = read;
    const hits = this.topics.match(text, tokens, sentences);
    const topics: Record<string, TopicAnalysis> = {};
    for (const [id, hit] of hits) {
      topics[id] = { mentions: hit.mentions, sentiment: this.topicSentiment(read, hit.spans) };
    }
    const analysis: ArticleAnalysis = {
      language,
      sentiment: this.documentSentiment(input, read),
      topics,
      entities: this.entities.extract(text, tokens, sentences, creditedWires(removed), datelinesOf(removed)),
      boilerplateLines: removed.length,
    };
    return { analysis, hits };
  }
}

type Reading = ReturnType<Analyser['read']>;

/** Sentences per topic the target model reads (the first ones that mention it). */
const MAX_TARGET_SENTENCES = 4;

/**
 * The language whose sentiment table scores a text: a declared language as its ISO 639-1 code
 * ("de-AT", "DE" → "de"); a missing or unrecognised one is detected from the words.
 */
function lexiconLanguage(declared: string, tokens: readonly Token[]): string {
  const code = declared.slice(0, 2).toLowerCase();
  return /^[a-z]{2}$/.test(code) && /^[a-z]{2}\b/i.test(declared) ? code : detectLanguage(tokens);
}

/**
 * A first line that looks like a headline: followed by more text, at most 200 characters, at
 * least two words, and not ending like a sentence (a period, colon, semicolon or comma).
 */
export function splitHeadline(text: string): { title: string | undefined; body: string } {
  const normalised = normaliseText(text).replace(/^\s+/, '');
  const newline = normalised.indexOf('\n');
  if (newline < 0) return { title: undefined, body: normalised };
  const first = normalised.slice(0, newline).trim();
  const rest = normalised.slice(newline + 1);
  const looksLikeHeadline =
    first.length > 0 &&
    first.length <= 200 &&
    /\s/.test(first) &&
    !/[.,;:]["')]*$/.test(first) &&
    rest.trim() !== '';
  return looksLikeHeadline ? { title: first, body: rest } : { title: undefined, body: normalised };
}
