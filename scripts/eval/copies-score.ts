import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CopyMethod, type CopySignature, indexKeys, resemblance } from '#shared/copies/signature.js';
import { copySignatureOf } from '#shared/ingest/copies.js';
import { parseArticleObject } from '#shared/ingest/parse.js';

/** The annotated copy pairs of test/fixtures/copies and how the pipeline decides them. */
const dir = resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'copies');
type Side = { title?: string; body: string; publishedAt?: string; source?: string; language?: string };
export type Pair = { id: string; language: string; copy: boolean; kind: string; a: Side; b: Side };

const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as {
  testFirstHexDigits: string;
  freshFrom: number;
};
export type Half = 'tune' | 'test' | 'fresh';
/** The half of a pair: the fresh round (c-121 on, all held out), else test or tune by hash. */
export const halfOf = (id: string): Half =>
  Number(id.slice(2)) >= split.freshFrom
    ? 'fresh'
    : split.testFirstHexDigits.includes(createHash('sha256').update(id).digest('hex')[0] as string)
      ? 'test'
      : 'tune';
export const pairs = readdirSync(dir)
  .filter((f) => /^c-\d+\.json$/.test(f))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Pair);

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
/** Each pair's two bodies as the pipeline reads them. */
export const bodies = await Promise.all(
  pairs.map(async (p) => [await bodyOf(p.a), await bodyOf(p.b)] as const),
);

export type Score = { tp: number; fp: number; fn: number; tn: number };
export const prf = (s: Score) => {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
};

/** Each pair's figures under `m`: whether the two sides share an index key, and the estimated containment. */
export function measure(m: CopyMethod) {
  const sigCache = new Map<string, CopySignature>();
  const sig = (text: string) => {
    const cached = sigCache.get(text);
    if (cached) return cached;
    const s = copySignatureOf(text, m);
    sigCache.set(text, s);
    return s;
  };
  return pairs.map((p, i) => {
    const [a, b] = (bodies[i] as readonly [string, string]).map(sig) as [CopySignature, CopySignature];
    const keysA = new Set(indexKeys(a, m));
    return { pair: p, sharedKey: indexKeys(b, m).some((k) => keysA.has(k)), ...resemblance(a, b) };
  });
}
export type Measured = ReturnType<typeof measure>[number];

/** The pipeline's decision on a measured pair: a shared key, and containment at the threshold. */
export const decide = (r: Measured, minContainment: number) => r.sharedKey && r.containment >= minContainment;

/** The pipeline's decisions on the pairs `select` takes (a half, or any test of the pair), with `m`. */
export function evaluate(m: CopyMethod, select: Half | ((p: Pair) => boolean), measured = measure(m)) {
  const score: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byGroup = new Map<string, Score>();
  const rows: { id: string; copy: boolean; predicted: boolean }[] = [];
  for (const r of measured) {
    const p = r.pair;
    if (typeof select === 'function' ? !select(p) : halfOf(p.id) !== select) continue;
    const predicted = decide(r, m.minContainment);
    const cell = p.copy ? (predicted ? 'tp' : 'fn') : predicted ? 'fp' : 'tn';
    score[cell]++;
    for (const g of [`language ${p.language}`, `kind ${p.kind}`]) {
      const s = byGroup.get(g) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
      s[cell]++;
      byGroup.set(g, s);
    }
    rows.push({ id: p.id, copy: p.copy, predicted });
  }
  return { score, byGroup, rows };
}
