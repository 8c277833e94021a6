import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COPY_METHOD } from '#shared/copies/method.js';
import {
  decide,
  evaluate,
  halfOf,
  type Measured,
  measure,
  type Pair,
  pairs,
  prf,
  type Score,
} from './copies-score.js';

/**
 * `npx tsx scripts/eval/copies.ts [--cv]` (part of `npm run eval`): precision and recall of
 * "b is a copy of a" on the annotated pairs of test/fixtures/copies, as the pipeline decides it
 * (the pair shares an index key, and the estimated containment of the shorter text in the longer
 * reaches the method's threshold), per half of the split fixed before the pairs existed
 * (split.json). Both halves of c-001 … c-120 have been scored and are now development pairs: their
 * misses are listed. The fresh round (c-121 on), when present, is scored and never listed.
 * --cv: cross-validation of the threshold on the development pairs (leave one language out, and
 * each half from the other): the threshold is chosen on the training pairs by the same rule as the
 * method's, and the held-out pairs are scored with it.
 */
const root = resolve(import.meta.dirname, '..', '..');
if (pairs.length === 0) {
  console.log('copies eval skipped: no pairs in test/fixtures/copies');
  process.exit(0);
}

const f = (x: number) => x.toFixed(3);
const line = (s: Score) => {
  const r = prf(s);
  return `P ${f(r.precision)} R ${f(r.recall)} F1 ${f(r.f1)} (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})`;
};
const measured = measure(COPY_METHOD);
const dev = (p: Pair) => halfOf(p.id) !== 'fresh';

/** The rule the threshold is chosen by: best min(P, R), then F1, on the pairs given; the middle of the best range. */
function chooseThreshold(rows: readonly Measured[]): number {
  const values = [...new Set(rows.map((r) => r.containment))].sort((a, b) => a - b);
  const candidates = values.slice(1).map((v, i) => (v + (values[i] as number)) / 2);
  const quality = (t: number) => {
    const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const r of rows) s[r.pair.copy ? (decide(r, t) ? 'tp' : 'fn') : decide(r, t) ? 'fp' : 'tn']++;
    const q = prf(s);
    return Math.min(q.precision, q.recall) * 10 + q.f1;
  };
  const scored = candidates.map((t) => ({ t, q: quality(t) }));
  const best = Math.max(...scored.map((s) => s.q));
  const top = scored.filter((s) => s.q === best).map((s) => s.t);
  return ((top[0] as number) + (top[top.length - 1] as number)) / 2;
}

if (process.argv.includes('--cv')) {
  const folds: [string, (p: Pair) => boolean][] = [
    ...['de', 'en', 'es', 'fr', 'ru', 'uk'].map((l): [string, (p: Pair) => boolean] => [
      `language ${l}`,
      (p) => p.language === l,
    ]),
    ['tune half', (p) => halfOf(p.id) === 'tune'],
    ['test half', (p) => halfOf(p.id) === 'test'],
  ];
  const pooled: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [name, held] of folds) {
    const t = chooseThreshold(measured.filter((r) => dev(r.pair) && !held(r.pair)));
    const { score } = evaluate({ ...COPY_METHOD, minContainment: t }, (p) => dev(p) && held(p), measured);
    if (name.startsWith('language')) for (const k of ['tp', 'fp', 'fn', 'tn'] as const) pooled[k] += score[k];
    console.log(`held out ${name.padEnd(11)} threshold chosen on the rest ${f(t)}: ${line(score)}`);
  }
  console.log(`leave one language out, pooled: ${line(pooled)}`);
  console.log(
    `the rule on all development pairs: threshold ${f(chooseThreshold(measured.filter((r) => dev(r.pair))))}`,
  );
  process.exit(0);
}

const out: Record<string, unknown> = { method: COPY_METHOD };
for (const half of ['tune', 'test', 'fresh'] as const) {
  if (half === 'fresh' && !pairs.some((p) => halfOf(p.id) === 'fresh')) continue;
  const { score, rows } = evaluate(COPY_METHOD, half, measured);
  console.log(`copies, ${half} half (${rows.length} pairs): ${line(score)}`);
  out[half] = { ...prf(score), ...score, pairs: rows.length };
}
const all = evaluate(COPY_METHOD, dev, measured);
console.log(`copies, development pairs c-001 … c-120 (${all.rows.length}): ${line(all.score)}`);
for (const [g, s] of [...all.byGroup].sort()) console.log(`  ${g.padEnd(30)} ${line(s)}`);
console.log('development pairs nearest the threshold (containment of the shorter text in the longer):');
const near = measured
  .filter((r) => dev(r.pair) && Math.abs(r.containment - COPY_METHOD.minContainment) < 0.15)
  .sort((a, b) => a.containment - b.containment);
for (const r of near)
  console.log(
    `  ${r.pair.id} ${r.pair.copy ? 'copy    ' : 'not copy'} ${r.pair.kind.padEnd(22)} containment ${f(r.containment)} resemblance ${f(r.jaccard)}${r.sharedKey ? '' : ', no shared key'}${decide(r, COPY_METHOD.minContainment) === r.pair.copy ? '' : '  WRONG'}`,
  );
const keyless = measured.filter((r) => dev(r.pair) && r.pair.copy && !r.sharedKey).map((r) => r.pair.id);
console.log(`development copies sharing no index key: ${keyless.join(', ') || 'none'}`);
out.development = { ...prf(all.score), ...all.score, pairs: all.rows.length };
mkdirSync(join(root, 'eval-out'), { recursive: true });
writeFileSync(join(root, 'eval-out', 'copies.json'), `${JSON.stringify(out, null, 2)}\n`);
