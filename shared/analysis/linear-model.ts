import { z } from 'zod';

/**
 * A multinomial logistic regression as written by scripts/train/fit.py: one intercept and one
 * weight per class for every kept feature. Features are computed in TypeScript only (the same
 * function builds the training dump and runs at inference); a feature the model does not know
 * weighs nothing.
 */
const Meta = z
  .object({
    C: z.number().positive(),
    cvMacroF1: z.number().min(0).max(1),
    n: z.number().int().positive(),
    trainedOn: z.string(),
    command: z.string(),
  })
  .loose();
const Head = {
  about: z.string(),
  classes: z.array(z.string().min(1)).min(2),
  intercept: z.array(z.number()),
  meta: Meta,
};

/** Weights by feature name: what fit.py writes. */
const Dense = z.object({ ...Head, weights: z.record(z.string(), z.array(z.number())) });
/**
 * The same, packed for a fast cold start (scripts/train/pack-model.ts): feature names joined by
 * newlines, and their weights as one base64 string of little-endian float64, a row per feature.
 * A 25 000-feature model loads in a third of the time of the dense JSON.
 */
const Packed = z.object({ ...Head, features: z.string(), table: z.string() });

export const LinearModelData = z.union([Dense, Packed]).superRefine((m, ctx) => {
  const k = m.classes.length;
  if (new Set(m.classes).size !== k) ctx.addIssue({ code: 'custom', message: 'classes repeat' });
  if (m.intercept.length !== k)
    ctx.addIssue({ code: 'custom', path: ['intercept'], message: `needs ${k} values, one per class` });
  try {
    modelTable(m);
  } catch (err) {
    ctx.addIssue({ code: 'custom', path: ['weights'], message: (err as Error).message });
  }
});
export type LinearModelData = z.infer<typeof LinearModelData>;

/** A model's feature names and its weights, `classes.length` a feature, in one table. */
export function modelTable(m: LinearModelData): { names: string[]; table: Float64Array } {
  const k = m.classes.length;
  if ('features' in m) {
    const names = m.features === '' ? [] : m.features.split('\n');
    const bytes = Buffer.from(m.table, 'base64');
    const table = new Float64Array(new Uint8Array(bytes).buffer);
    if (table.length !== names.length * k) {
      throw new Error(`${table.length} weights for ${names.length} features of ${k} classes`);
    }
    return { names, table };
  }
  const names = Object.keys(m.weights);
  const table = new Float64Array(names.length * k);
  names.forEach((name, r) => {
    const w = m.weights[name] as readonly number[];
    if (w.length !== k) throw new Error(`feature "${name}" has ${w.length} weights, not ${k}`);
    for (let c = 0; c < k; c++) table[r * k + c] = w[c] as number;
  });
  return { names, table };
}

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
  /** Every feature's weights, one row of `classes.length` values a feature, by its row. */
  private readonly rows: Map<string, number>;
  private readonly table: Float64Array;
  private readonly positive: number;
  private readonly negative: number;

  /**
   * `data`: a LinearModelData. Checked here for its shape only (classes, intercept, each row's
   * length): a full zod parse of a 25 000-weight model costs a cold start ~100 ms; the unit tests
   * parse every committed model with LinearModelData.
   */
  constructor(data: unknown) {
    const m = data as LinearModelData;
    const k = Array.isArray(m?.classes) ? m.classes.length : 0;
    if (k < 2 || !Array.isArray(m.intercept) || m.intercept.length !== k) {
      throw new Error('not a linear model: it needs classes and one intercept per class');
    }
    this.classes = m.classes as L[];
    this.intercept = Float64Array.from(m.intercept);
    const { names, table } = modelTable(m);
    this.table = table;
    this.rows = new Map(names.map((name, r) => [name, r * k]));
    this.positive = m.classes.indexOf('positive');
    this.negative = m.classes.indexOf('negative');
  }

  /** Number of features with a weight. */
  get size(): number {
    return this.rows.size;
  }

  /** Class probabilities (softmax of the linear scores), in the order of `classes`. */
  probabilities(features: Features): Float64Array {
    const k = this.classes.length;
    const z = Float64Array.from(this.intercept);
    for (const [name, value] of features) {
      const at = this.rows.get(name);
      if (at === undefined || value === 0) continue;
      for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (this.table[at + c] as number) * value;
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
