import modelData from './data/target-sentiment.model.json' with { type: 'json' };
import { LinearModel } from './linear-model.js';
import type { Sentiment, SentimentLabel } from './sentiment.js';
import { type Span, TargetFeatures } from './target-features.js';

/**
 * The sentiment of a sentence towards one of its targets (a person, a party, a thing): a
 * multinomial logistic regression (data/target-sentiment.model.json, trained on NewsMTSC by
 * `npm run train:target`) over the features of target-features.ts. "Critics accused Smith of
 * lying" is negative towards Smith and may be neutral towards the critics. Pure and synchronous;
 * build one per container and reuse it.
 */
export class TargetSentiment {
  private readonly model: LinearModel<SentimentLabel>;

  constructor(
    data: unknown = modelData,
    private readonly features = new TargetFeatures(),
  ) {
    this.model = new LinearModel<SentimentLabel>(data);
  }

  /** The model's feature values for a target (what training reads too). */
  featuresOf(sentence: string, spans: readonly Span[], language = 'en'): Record<string, number> {
    return this.features.extract(sentence, spans, language);
  }

  /**
   * The label towards the target mentioned at `spans` (character offsets into `sentence`; the
   * first is its main mention, the others further mentions such as pronouns) and the score
   * P(positive) − P(negative), rounded to 3 decimals. No span: neutral, 0.
   */
  predict(sentence: string, spans: readonly Span[], language = 'en'): Sentiment {
    if (spans.length === 0) return { label: 'neutral', score: 0 };
    const { label, score } = this.model.predict(
      new Map(Object.entries(this.featuresOf(sentence, spans, language))),
    );
    return { label, score: Math.round(score * 1000) / 1000 };
  }
}
