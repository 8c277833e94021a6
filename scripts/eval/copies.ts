import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COPY_METHOD } from '#shared/copies/method.js';
import type { CopyMethod } from '#shared/copies/signature.js';
import { evaluate, halfOf, pairs, prf, type Score } from './copies-score.js';

/**
 * `npx tsx scripts/eval/copies.ts [--grid]` (part of `npm run eval`): precision and recall of
 * "b is a copy of a" on the annotated pairs of test/fixtures/copies, as the pipeline decides it
 * (the pair shares an LSH key, and the estimated containment or resemblance passes the method's
 * threshold), per half of the split fixed before the pairs existed (split.json). --grid searches
 * the method's parameters on the TUNE half only and prints the best; the test half is scored with
 * the method in force (shared/copies/method.ts), never searched or inspected pair by pair.
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

if (process.argv.includes('--grid')) {
  let best: { m: CopyMethod; score: Score } | undefined;
  const better = (s: Score, t: Score) => {
    const a = prf(s);
    const b = prf(t);
    return Math.min(a.precision, a.recall) - Math.min(b.precision, b.recall) || a.f1 - b.f1;
  };
  // Every band is one index item written per article (a write unit each): more than four
  // would take the cost per million articles over its budget (docs/cost.md).
  for (const shingleWords of [3, 4, 5, 6, 8])
    for (const bands of [2, 3, 4])
      for (const minContainment of [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01])
        for (const minResemblance of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8, 1.01]) {
          const m = { ...COPY_METHOD, shingleWords, bands, minContainment, minResemblance };
          const { score } = evaluate(m, 'tune');
          if (!best || better(score, best.score) > 0) best = { m, score };
        }
  console.log(`best on the tune half: ${JSON.stringify(best?.m)}\n  ${best && line(best.score)}`);
  process.exit(0);
}

const out: Record<string, unknown> = { method: COPY_METHOD };
for (const half of ['tune', 'test', 'fresh'] as const) {
  if (half === 'fresh' && !pairs.some((p) => halfOf(p.id) === 'fresh')) continue;
  const { score, byGroup, rows } = evaluate(COPY_METHOD, half);
  console.log(`copies, ${half} half (${rows.length} pairs): ${line(score)}`);
  if (half === 'tune') for (const [g, s] of [...byGroup].sort()) console.log(`  ${g.padEnd(30)} ${line(s)}`);
  out[half] = { ...prf(score), ...score, pairs: rows.length };
}
mkdirSync(join(root, 'eval-out'), { recursive: true });
writeFileSync(join(root, 'eval-out', 'copies.json'), `${JSON.stringify(out, null, 2)}\n`);
