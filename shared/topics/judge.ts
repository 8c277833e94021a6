import { LinearModel } from '../analysis/linear-model.js';
import talksModel from './data/talks-judge.model.json' with { type: 'json' };
import { type Judge, type JudgeInput, judgeFeatures, sentenceRanges } from './judge-features.js';
import type { JudgeName } from './schema.js';

export type { ContextVerdict, Judge, JudgedCandidate, JudgeInput } from './judge-features.js';

/**
 * A learned second opinion on the context rules (the `talks` judge): a logistic regression over
 * judgeFeatures, trained by `npm run train:judge` on every candidate of the annotated sets
 * already looked at and on the labelled paragraphs of test/fixtures/context. A candidate counts
 * when P(war's talks) reaches the model's threshold, whatever the rules said: the rules' verdict
 * is its strongest feature, and the words around a mention overrule it where they are
 * another subject's ("a pay settlement", "a truce with her own temper"). Pure and synchronous.
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

  decide(input: JudgeInput): boolean[] {
    return this.probabilities(input).map((p) => p >= this.threshold);
  }
}

let talks: Judge | undefined;

/**
 * The built-in judge of a name, built on first use and shared by every matcher (a cold start
 * that meets no candidate decodes no model; POST /analyse's topic sets decode none again).
 */
export function builtInJudge(_name: JudgeName): Judge {
  talks ??= new ModelJudge();
  return talks;
}
