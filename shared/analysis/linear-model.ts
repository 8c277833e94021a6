import { z } from 'zod';

/**
 * A multinomial logistic regression as written by scripts/train/fit.py: one intercept and one
 * weight per class for every kept feature. Features are computed in TypeScript only (the same
 * function builds the training dump and runs at inference); a feature the model does not know
 * weighs nothing.
 */
export const LinearModelData = z
  .object({
    about: z.string(),
    classes: z.array(z.string().min(1)).min(2),
    intercept: z.array(z.number()),
    weights: z.record(z.string(), z.array(z.number())),
    meta: z
      .object({
        C: z.number().positive(),
        cvMacroF1: z.number().min(0).max(1),
        n: z.number().int().positive(),
        trainedOn: z.string(),
        command: z.string(),
      })
      .loose(),
  })
  .superRefine((m, ctx) => {
    const k = m.classes.length;
    if (new Set(m.classes).size !== k) ctx.addIssue({ code: 'custom', message: 'classes repeat' });
    if (m.intercept.length !== k)
      ctx.addIssue({ code: 'custom', path: ['intercept'], message: `needs ${k} values, one per class` });
    for (const [name, w] of Object.entries(m.weights)) {
      if (w.length !== k) {
        ctx.addIssue({
          code: 'custom',
          path: ['weights', name],
          message: `needs ${k} values, one per class`,
        });
        return;
      }
    }
  });
export type LinearModelData = z.infer<typeof LinearModelData>;

/** Feature name → value; absent features are 0. */
export type Features = ReadonlyMap<string, number>;

export type Prediction<L extends string = string> = {
  readonly label: L;
  /** P(positive) − P(negative) when the model has those classes, else 0; in [-1, 1]. */
  readonly score: number;
};

export class LinearModel<L extends string = string> {
  readonly classes: readonly L[];
  private readonly intercept: Float64Array;
  private readonly weights: Map<string, Float64Array>;
  private readonly positive: number;
  private readonly negative: number;

  constructor(data: unknown) {
    const m = LinearModelData.parse(data);
    this.classes = m.classes as L[];
    this.intercept = Float64Array.from(m.intercept);
    this.weights = new Map(Object.entries(m.weights).map(([f, w]) => [f, Float64Array.from(w)]));
    this.positive = m.classes.indexOf('positive');
    this.negative = m.classes.indexOf('negative');
  }

  /** Number of features with a weight. */
  get size(): number {
    return this.weights.size;
  }

  /** Class probabilities (softmax of the linear scores), in the order of `classes`. */
  probabilities(features: Features): Float64Array {
    const k = this.classes.length;
    const z = Float64Array.from(this.intercept);
    for (const [name, value] of features) {
      const w = this.weights.get(name);
      if (w === undefined || value === 0) continue;
      for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[c] as number) * value;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, z[c] as number);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp((z[c] as number) - max);
      z[c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) / sum;
    return z;
  }

  /** The most probable class, and P(positive) − P(negative). */
  predict(features: Features): Prediction<L> {
    const p = this.probabilities(features);
    let best = 0;
    for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
    const score =
      this.positive >= 0 && this.negative >= 0
        ? (p[this.positive] as number) - (p[this.negative] as number)
        : 0;
    return { label: this.classes[best] as L, score };
  }
}
