import { LinearModel } from '../analysis/linear-model.js';
import talksModel from './data/talks-judge.model.json' with { type: 'json' };
import {
  countedByRules,
  type Judge,
  type JudgeInput,
  judgeFeatures,
  sentenceRanges,
} from './judge-features.js';
import type { JudgeName } from './schema.js';

export type { ContextVerdict, Judge, JudgedCandidate, JudgeInput } from './judge-features.js';

/**
 * A learned second opinion on the context rules (the `talks` judge): a logistic regression over
 * judgeFeatures, trained by `npm run train:judge` on every candidate of the annotated sets
 * already looked at and on the labelled paragraphs of test/fixtures/context. A candidate counts
 * when P(war's talks) reaches the model's threshold, whatever the rules said: the rules' verdict
 * is its strongest feature, and the words around a mention overrule it where they are
 * another subject's (gas-transit talks "described as a bilateral commercial matter", the annual
 * talks on a cod quota). Pure and synchronous.
 */
export class ModelJudge implements Judge {
  private readonly model: LinearModel<string>;
  private readonly war: number;
  private readonly threshold: number;

  constructor(data: unknown = talksModel) {
    this.model = new LinearModel<string>(data);
    this.war = this.model.classes.indexOf('war');
    const threshold = (data as { meta?: { threshold?: unknown } }).meta?.threshold;
    if (this.war < 0 || typeof threshold !== 'number')
      throw new Error('a judge model needs a "war" class and meta.threshold');
    this.threshold = threshold;
  }

  /** P(the war's talks) of each candidate. */
  probabilities(input: JudgeInput): number[] {
    const ranges = sentenceRanges(input);
    return input.candidates.map(
      (_, i) => this.model.probabilities(judgeFeatures(input, i, ranges))[this.war] as number,
    );
  }

  /**
   * What counts: the rules' verdicts in a text of fewer than MIN_SENTENCES sentences (a headline,
   * a one-line POST /analyse: every text it learnt from had three or more, and on one or two it
   * vetoed plain war talks: "The UAE said it had conducted the negotiations between the two
   * sides"), else its own.
   */
  decide(input: JudgeInput): boolean[] {
    if (input.sentenceCount < MIN_SENTENCES) return input.candidates.map((c) => countedByRules(c.verdict));
    return this.probabilities(input).map((p) => p >= this.threshold);
  }
}

/** The fewest sentences a text needs for the judge to decide (see decide). */
export const MIN_SENTENCES = 3;

let talks: Judge | undefined;

/**
 * The built-in judge of a name, built on first use and shared by every matcher (a cold start
 * that meets no candidate decodes no model; POST /analyse's topic sets decode none again).
 */
export function builtInJudge(_name: JudgeName): Judge {
  talks ??= new ModelJudge();
  return talks;
}
