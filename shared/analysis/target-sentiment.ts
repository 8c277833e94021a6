import wordModel from './data/target-sentiment.model.json' with { type: 'json' };
import lexiconModel from './data/target-sentiment-lexicon.model.json' with { type: 'json' };
import { LinearModel } from './linear-model.js';
import type { Token } from './normalise.js';
import type { Sentiment, SentimentLabel } from './sentiment.js';
import { type Span, TargetFeatures } from './target-features.js';

/** A sentence that mentions a target at `spans`, with its tokens when the caller has them (tokenise(sentence)). */
export type TargetMention = {
  readonly sentence: string;
  readonly spans: readonly Span[];
  readonly tokens?: readonly Token[] | undefined;
};

/**
 * The sentiment of a sentence towards one of its targets (a person, a party, a thing): a
 * multinomial logistic regression trained on NewsMTSC by `npm run train:target` over the features
 * of target-features.ts. "Critics accused Smith of lying" is negative towards Smith, and the
 * critics need not be. English reads words and the lexicon (data/target-sentiment.model.json);
 * another language reads only the language-independent features — the lexicon's valence around
 * the target, speaker and roles, the target's shape (data/target-sentiment-lexicon.model.json),
 * so English word weights never fire on look-alike words of another language. Pure and synchronous;
 * build one per container and reuse it.
 */
export class TargetSentiment {
  private readonly english: LinearModel<SentimentLabel>;
  private readonly other: LinearModel<SentimentLabel>;

  constructor(
    models: { readonly english: unknown; readonly other: unknown } = {
      english: wordModel,
      other: lexiconModel,
    },
    private readonly features = new TargetFeatures(),
  ) {
    this.english = new LinearModel<SentimentLabel>(models.english);
    this.other = new LinearModel<SentimentLabel>(models.other);
  }

  /** The feature values of a target (what training reads too). */
  featuresOf(
    sentence: string,
    spans: readonly Span[],
    language = 'en',
    tokens?: readonly Token[],
    words = true,
  ): Record<string, number> {
    return this.features.extract(sentence, spans, language, tokens, words);
  }

  /**
   * The label towards the target mentioned at `spans` (character offsets into `sentence`; the
   * first is its main mention, the others further mentions such as pronouns) in the sentence's
   * `language` (ISO 639-1, default English), and the score P(positive) − P(negative) rounded to
   * 3 decimals. No span: neutral, 0.
   */
  predict(sentence: string, spans: readonly Span[], language = 'en'): Sentiment {
    return this.combine([{ sentence, spans }], language);
  }

  /**
   * The sentiment towards one target over several sentences (a topic's mentions in an article):
   * the mean of each sentence's class probabilities; the label is its most probable class, the
   * score its P(positive) − P(negative), rounded to 3 decimals. No mention: neutral, 0.
   */
  combine(mentions: readonly TargetMention[], language = 'en'): Sentiment {
    const english = language.slice(0, 2).toLowerCase() === 'en';
    const model = english ? this.english : this.other;
    const k = model.classes.length;
    const mean = new Float64Array(k);
    let n = 0;
    for (const { sentence, spans, tokens } of mentions) {
      if (spans.length === 0) continue;
      const p = model.probabilities(this.featuresOf(sentence, spans, language, tokens, english));
      for (let c = 0; c < k; c++) mean[c] = (mean[c] as number) + (p[c] as number);
      n++;
    }
    if (n === 0) return { label: 'neutral', score: 0 };
    let best = 0;
    for (let c = 1; c < k; c++) if ((mean[c] as number) > (mean[best] as number)) best = c;
    const at = (label: SentimentLabel) => {
      const c = model.classes.indexOf(label);
      return c < 0 ? 0 : (mean[c] as number) / n;
    };
    const score = Math.round((at('positive') - at('negative')) * 1000) / 1000;
    return { label: model.classes[best] as SentimentLabel, score };
  }
}
