import * as z from 'zod';
import { modelTable, NEGATIVE_ZERO } from './linear-model.js';

/**
 * The file formats of a LinearModel (linear-model.ts), as zod schemas: the unit tests parse every
 * committed model with LinearModelData, scripts/train/pack-model.ts packs them. Not read at cold
 * start (LinearModel checks the shape it needs).
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
 */
const Packed = z.object({ ...Head, features: z.string(), table: z.string() });
/**
 * Packed with whole-number weights: each weight times `scale`, as base64 little-endian int16 (a
 * quarter of float64's bytes). fit.py rounds every weight to 4 decimals, so weight = int / 10 000
 * is the same double, bit for bit; -32 768 stands for -0.
 */
const PackedInt16 = z.object({
  ...Head,
  features: z.string(),
  scale: z.number().int().positive(),
  int16: z.string(),
});

export const LinearModelData = z.union([Dense, Packed, PackedInt16]).superRefine((m, ctx) => {
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

/**
 * A model packed: int16 weights when every weight is a whole number of 1/`scale` within int16's
 * range (fit.py's 4 decimals), else float64. Either way LinearModel reads the same doubles.
 */
export function packModel(m: LinearModelData, scale = 10_000) {
  const { names, table } = modelTable(m);
  const { about, classes, intercept, meta } = m;
  const ints = Int16Array.from(table, (w) => (Object.is(w, -0) ? NEGATIVE_ZERO : Math.round(w * scale)));
  const exact = ints.every((n, i) => Object.is(n === NEGATIVE_ZERO ? -0 : n / scale, table[i]));
  const bytes = (a: Int16Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return exact
    ? {
        about,
        classes,
        intercept,
        meta,
        features: names.join('\n'),
        scale,
        int16: bytes(ints).toString('base64'),
      }
    : { about, classes, intercept, meta, features: names.join('\n'), table: bytes(table).toString('base64') };
}
