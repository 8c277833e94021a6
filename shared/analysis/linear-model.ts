/**
 * A multinomial logistic regression as written by scripts/train/fit.py: one intercept and one
 * weight per class for every kept feature. Features are computed in TypeScript only (the same
 * function builds the training dump and runs at inference); a feature the model does not know
 * weighs nothing. The file formats (and their zod schema, for tests and scripts) are in
 * linear-model-data.ts; this module reads them without zod, for the cold start.
 */

/** The fields of a model file that LinearModel reads (linear-model-data.ts has the full schema). */
type ModelFile = {
  readonly classes: readonly string[];
  readonly intercept: readonly number[];
  /** Dense: weights by feature name (what fit.py writes). */
  readonly weights?: Readonly<Record<string, readonly number[]>>;
  /** Packed: feature names joined by newlines, and ... */
  readonly features?: string;
  /** ... their weights as base64 little-endian float64, a row per feature, or ... */
  readonly table?: string;
  /** ... as base64 little-endian int16, each weight times `scale` (fit.py rounds to 4 decimals), -0 as NEGATIVE_ZERO. */
  readonly int16?: string;
  readonly scale?: number;
};

/** The int16 that stands for -0 in a packed table (fit.py writes -0.0 for a weight rounded from below). */
export const NEGATIVE_ZERO = -32_768;

/** The little-endian numbers of a base64 string, in an array of their own (aligned). */
function fromBase64<T>(base64: string, view: new (buffer: ArrayBuffer) => T): T {
  return new view(new Uint8Array(Buffer.from(base64, 'base64')).buffer);
}

/** A model's feature names and its weights, `classes.length` a feature, in one table. */
export function modelTable(data: unknown): { names: string[]; table: Float64Array } {
  const m = data as ModelFile;
  const k = m.classes.length;
  if (typeof m.features === 'string') {
    const names = m.features === '' ? [] : m.features.split('\n');
    let table: Float64Array;
    if (typeof m.int16 === 'string' && typeof m.scale === 'number') {
      const ints = fromBase64(m.int16, Int16Array);
      table = new Float64Array(ints.length);
      // A division, not a product with 1 / scale: k / 10000 is the double nearest to the decimal
      // fit.py wrote, the same number JSON.parse reads from it; -32768 stands for -0.
      for (let i = 0; i < ints.length; i++) {
        const n = ints[i] as number;
        table[i] = n === NEGATIVE_ZERO ? -0 : n / m.scale;
      }
    } else if (typeof m.table === 'string') {
      table = fromBase64(m.table, Float64Array);
    } else {
      throw new Error('a packed model needs a table or int16 weights');
    }
    if (table.length !== names.length * k) {
      throw new Error(`${table.length} weights for ${names.length} features of ${k} classes`);
    }
    return { names, table };
  }
  const weights = m.weights ?? {};
  const names = Object.keys(weights);
  const table = new Float64Array(names.length * k);
  names.forEach((name, r) => {
    const w = weights[name] as readonly number[];
    if (w.length !== k) throw new Error(`feature "${name}" has ${w.length} weights, not ${k}`);
    for (let c = 0; c < k; c++) table[r * k + c] = w[c] as number;
  });
  return { names, table };
}

/**
 * A packed model in its float64 form, keys in the order scripts/train/pack-model.ts always wrote
 * them: what the analysis version hashes (version.ts), so that a model re-packed with the same
 * weights keeps the version of the records it made.
 */
export function float64Form(data: unknown): unknown {
  const m = data as ModelFile & { readonly about?: string; readonly meta?: unknown };
  if (typeof m.int16 !== 'string') return data;
  const { about, classes, intercept, meta } = m;
  const { names, table } = modelTable(m);
  const base64 = Buffer.from(table.buffer, table.byteOffset, table.byteLength).toString('base64');
  return { about, classes, intercept, meta, features: names.join('\n'), table: base64 };
}

/** Feature name → value, as a map or a record (read in its order); absent features are 0. */
export type Features = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export type Prediction<L extends string = string> = {
  readonly label: L;
  /** P(positive) − P(negative) when the model has those classes, else 0; in [-1, 1]. */
  readonly score: number;
};

export class LinearModel<L extends string = string> {
  readonly classes: readonly L[];
  private readonly intercept: Float64Array;
  private readonly data: unknown;
  /** Every feature's weights (one row of `classes.length` values a feature) and their rows by name. */
  private weights: { readonly rows: Map<string, number>; readonly table: Float64Array } | undefined;
  private readonly positive: number;
  private readonly negative: number;

  /**
   * `data`: a model file (linear-model-data.ts). Its classes and intercept are checked here; its
   * weights are decoded on first use (a 25 000-feature model costs a cold start ~25 ms to decode,
   * and a cold start that meets no English topic never needs it), and their shape checked then.
   * The unit tests parse every committed model with LinearModelData.
   */
  constructor(data: unknown) {
    const m = data as ModelFile;
    const k = Array.isArray(m?.classes) ? m.classes.length : 0;
    if (k < 2 || !Array.isArray(m.intercept) || m.intercept.length !== k) {
      throw new Error('not a linear model: it needs classes and one intercept per class');
    }
    this.classes = m.classes as L[];
    this.intercept = Float64Array.from(m.intercept);
    this.data = data;
    this.positive = m.classes.indexOf('positive');
    this.negative = m.classes.indexOf('negative');
  }

  private decoded(): { readonly rows: Map<string, number>; readonly table: Float64Array } {
    if (!this.weights) {
      const k = this.classes.length;
      const { names, table } = modelTable(this.data);
      const rows = new Map<string, number>();
      for (let r = 0; r < names.length; r++) rows.set(names[r] as string, r * k);
      this.weights = { rows, table };
    }
    return this.weights;
  }

  /** Number of features with a weight. */
  get size(): number {
    return this.decoded().rows.size;
  }

  /** Class probabilities (softmax of the linear scores), in the order of `classes`. */
  probabilities(features: Features): Float64Array {
    const k = this.classes.length;
    const { rows, table } = this.decoded();
    const z = Float64Array.from(this.intercept);
    // (the same loop twice, not a closure per feature: this runs for every feature of every target)
    if (features instanceof Map) {
      for (const [name, value] of features) {
        const at = rows.get(name);
        if (at === undefined || value === 0) continue;
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (table[at + c] as number) * value;
      }
    } else {
      const record = features as Readonly<Record<string, number>>;
      for (const name in record) {
        const at = rows.get(name);
        const value = record[name] as number;
        if (at === undefined || value === 0) continue;
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (table[at + c] as number) * value;
      }
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
