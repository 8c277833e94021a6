import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COPY_METHOD } from '#shared/copies/method.js';
import { bandKeys, type CopyMethod, type CopySignature, isCopy } from '#shared/copies/signature.js';
import { copySignatureOf } from '#shared/ingest/copies.js';
import { parseArticleObject } from '#shared/ingest/parse.js';

/**
 * `npx tsx scripts/eval/copies.ts [--grid]` (part of `npm run eval`): precision and recall of
 * "b is a copy of a" on the annotated pairs of test/fixtures/copies, as the pipeline decides it
 * (the pair shares an LSH key, and the estimated containment or resemblance passes the method's
 * threshold), per half of the split fixed before the pairs existed (split.json). --grid searches
 * the method's parameters on the TUNE half only and prints the best; the test half is scored with
 * the method in force (shared/copies/method.ts), never searched or inspected pair by pair.
 */
const root = resolve(import.meta.dirname, '..', '..');
const dir = join(root, 'test', 'fixtures', 'copies');
type Side = { title?: string; body: string; publishedAt?: string; source?: string; language?: string };
type Pair = { id: string; language: string; copy: boolean; kind: string; a: Side; b: Side };

const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as { testFirstHexDigits: string };
const isTest = (id: string) =>
  split.testFirstHexDigits.includes(createHash('sha256').update(id).digest('hex')[0] as string);
const pairs = readdirSync(dir)
  .filter((f) => /^c-\d+\.json$/.test(f))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Pair);
if (pairs.length === 0) {
  console.log(`copies eval skipped: no pairs in ${dir}`);
  process.exit(0);
}

/** The body the pipeline reads for a side (the JSON article format's parser). */
async function bodyOf(side: Side): Promise<string> {
  const parsed = await parseArticleObject({
    key: 'pair.json',
    bytes: Buffer.from(JSON.stringify(side)),
    metadata: {},
    eventTime: '2024-01-01T00:00:00Z',
  });
  return parsed.body;
}
const bodies = await Promise.all(pairs.map(async (p) => [await bodyOf(p.a), await bodyOf(p.b)] as const));

type Score = { tp: number; fp: number; fn: number; tn: number };
const prf = (s: Score) => {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
};

function decide(a: CopySignature, b: CopySignature, m: CopyMethod): boolean {
  const keysA = new Set(bandKeys(a, m));
  return bandKeys(b, m).some((k) => keysA.has(k)) && isCopy(a, b, m);
}

function evaluate(m: CopyMethod, half: 'tune' | 'test') {
  const score: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byGroup = new Map<string, Score>();
  const rows: { id: string; copy: boolean; predicted: boolean }[] = [];
  const sigCache = new Map<string, CopySignature>();
  const sig = (text: string) => {
    const cached = sigCache.get(text);
    if (cached) return cached;
    const s = copySignatureOf(text, m);
    sigCache.set(text, s);
    return s;
  };
  pairs.forEach((p, i) => {
    if (isTest(p.id) !== (half === 'test')) return;
    const [a, b] = bodies[i] as readonly [string, string];
    const predicted = decide(sig(a), sig(b), m);
    const cell = p.copy ? (predicted ? 'tp' : 'fn') : predicted ? 'fp' : 'tn';
    score[cell]++;
    for (const g of [`language ${p.language}`, `kind ${p.kind}`]) {
      const s = byGroup.get(g) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
      s[cell]++;
      byGroup.set(g, s);
    }
    rows.push({ id: p.id, copy: p.copy, predicted });
  });
  return { score, byGroup, rows };
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
  for (const shingleWords of [3, 4, 5, 6, 8])
    // Every band is one index item written per article (a write unit each): more than four
    // would take the cost per million articles over its budget (docs/cost.md).
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
for (const half of ['tune', 'test'] as const) {
  const { score, byGroup, rows } = evaluate(COPY_METHOD, half);
  console.log(`copies, ${half} half (${rows.length} pairs): ${line(score)}`);
  if (half === 'tune') for (const [g, s] of [...byGroup].sort()) console.log(`  ${g.padEnd(30)} ${line(s)}`);
  out[half] = { ...prf(score), ...score, pairs: rows.length };
}
mkdirSync(join(root, 'eval-out'), { recursive: true });
writeFileSync(join(root, 'eval-out', 'copies.json'), `${JSON.stringify(out, null, 2)}\n`);
