import { createHash } from 'node:crypto';
import { copyWords } from '#shared/copies/signature.js';
import { copyText } from '#shared/ingest/copies.js';
import { bodies, pairs } from './copies-score.js';
import { fmix32 } from './fmix.js';

/**
 * `npx tsx scripts/eval/copies-explore.ts`: the measurements behind the copy method's choices on
 * the development pairs c-001 … c-120 (docs/eval/copies.md), independent of any one hash function.
 * 1. Shingle definitions: the EXACT containment of the shorter text in the longer (all shingles,
 *    no sketch) of the most contained non-copies and the least contained copies.
 * 2. Index keys (four a text): the expected number of copies whose two texts share no key, over
 *    100 random hash functions, and how many pairs of unrelated texts (different pairs) share one,
 *    the chance candidates that cost reads.
 */
const dev = pairs
  .map((p, i) => ({ p, bodies: bodies[i] as readonly [string, string] }))
  .filter(({ p }) => Number(p.id.slice(2)) <= 120);
const words = dev.map(({ bodies: [a, b] }) => [copyWords(copyText(a)), copyWords(copyText(b))] as const);
const gramsOf = (w: readonly string[], n: number): string[] => {
  const out = new Set<string>();
  if (w.length > 0 && w.length < n) out.add(w.join(' '));
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return [...out];
};
const f = (x: number) => x.toFixed(3);

console.log('1. exact containment of the shorter text: highest non-copies | lowest copies');
const numbers = (w: readonly string[]) => w.map((x) => (/^\p{N}+$/u.test(x) ? '#' : x));
const long = (min: number) => (w: readonly string[]) => w.filter((x) => [...x].length >= min);
for (const [name, n, map] of [
  ['2-word shingles', 2, (w: readonly string[]) => w],
  ['3-word shingles', 3, (w: readonly string[]) => w],
  ['4-word shingles', 4, (w: readonly string[]) => w],
  ['5-word shingles', 5, (w: readonly string[]) => w],
  ['3-word, numbers as #', 3, numbers],
  ['4-word, numbers as #', 4, numbers],
  ['2-word of words ≥ 5 letters', 2, long(5)],
] as const) {
  const rows = dev.map(({ p }, i) => {
    const [a, b] = (words[i] as readonly [string[], string[]]).map((w) => new Set(gramsOf(map(w), n)));
    const shared = [...(a as Set<string>)].filter((g) => (b as Set<string>).has(g)).length;
    return { p, c: shared / Math.max(1, Math.min((a as Set<string>).size, (b as Set<string>).size)) };
  });
  const top = rows
    .filter((r) => !r.p.copy)
    .sort((x, y) => y.c - x.c)
    .slice(0, 3);
  const low = rows
    .filter((r) => r.p.copy)
    .sort((x, y) => x.c - y.c)
    .slice(0, 3);
  console.log(
    `  ${name.padEnd(28)} ${top.map((r) => `${r.p.id} ${f(r.c)}`).join(', ')} | ${low.map((r) => `${r.p.id} ${f(r.c)}`).join(', ')}`,
  );
}

const md5 = (s: string) => createHash('md5').update(s).digest().readUInt32LE(0);
type Keys = (hashes: readonly number[][], seed: number) => string[];
/** The k least of one hash function over a set. */
const bottom = (set: readonly number[], seed: number, k: number) =>
  set
    .map((h) => fmix32(h ^ seed))
    .sort((a, b) => a - b)
    .slice(0, k);
/** The least of each of k hash functions. */
const minima = (set: readonly number[], seed: number, k: number) =>
  Array.from({ length: k }, (_, i) =>
    set.reduce((m, h) => Math.min(m, fmix32(h ^ fmix32(seed + i))), 0xffffffff),
  );
const sets = (w: readonly string[]) => [
  gramsOf(w, 3).map(md5),
  gramsOf(w, 2).map(md5),
  gramsOf(w, 4).map(md5),
  gramsOf(long(5)(w), 2).map(md5),
  gramsOf(w.slice(0, 50), 3).map(md5),
];
const texts = words.flatMap(([a, b], i) => [
  { i, copy: dev[i]?.p.copy, h: sets(a) },
  { i, copy: dev[i]?.p.copy, h: sets(b) },
]);
const schemes: [string, Keys][] = [
  ['4 min-hashes, 3-word (session 8)', (h, s) => minima(h[0] as number[], s, 4).map((v, i) => `${i}:${v}`)],
  ['4 least, 3-word (in force)', (h, s) => bottom(h[0] as number[], s, 4).map(String)],
  ['4 least, 2-word', (h, s) => bottom(h[1] as number[], s, 4).map(String)],
  ['4 least, 4-word', (h, s) => bottom(h[2] as number[], s, 4).map(String)],
  ['4 least, 2-word of words ≥ 5', (h, s) => bottom(h[3] as number[], s, 4).map(String)],
  ['4 least of the first 50 words', (h, s) => bottom(h[4] as number[], s, 4).map(String)],
  [
    '2 least of all + 2 of the first 50',
    (h, s) => [
      ...bottom(h[0] as number[], s, 2).map((v) => `a${v}`),
      ...bottom(h[4] as number[], s, 2).map((v) => `l${v}`),
    ],
  ],
];
const SEEDS = 100;
console.log(
  `2. index keys over ${SEEDS} hash functions: expected copies with no shared key (of 60) | unrelated text pairs sharing a key (of ${(texts.length * (texts.length - 1)) / 2 - dev.length})`,
);
for (const [name, keys] of schemes) {
  let missed = 0;
  let chance = 0;
  for (let s = 0; s < SEEDS; s++) {
    const seed = fmix32(s + 1);
    const k = texts.map((t) => new Set(keys(t.h, seed)));
    const share = (x: number, y: number) =>
      [...(k[x] as Set<string>)].some((v) => (k[y] as Set<string>).has(v));
    for (let x = 0; x < texts.length; x += 2) if (texts[x]?.copy && !share(x, x + 1)) missed++;
    for (let x = 0; x < texts.length; x++)
      for (let y = x + 1; y < texts.length; y++) if (texts[x]?.i !== texts[y]?.i && share(x, y)) chance++;
  }
  console.log(`  ${name.padEnd(36)} ${(missed / SEEDS).toFixed(2)} | ${(chance / SEEDS).toFixed(1)}`);
}

/** Containment of the shorter text from two bottom-k sketches (as shared/copies/signature.ts). */
function bottomK(a: readonly number[], b: readonly number[], seed: number, k: number): number {
  const [x, y] = [bottom(a, seed, k), bottom(b, seed, k)];
  const cut = Math.min(
    a.length <= k ? Infinity : (x[k - 1] as number),
    b.length <= k ? Infinity : (y[k - 1] as number),
  );
  const [xs, ys] = [x.filter((v) => v <= cut), new Set(y.filter((v) => v <= cut))];
  const shared = xs.filter((v) => ys.has(v)).length;
  return shared / Math.max(1, a.length <= b.length ? xs.length : ys.size);
}
/** Containment of the shorter text from k min-hashes' resemblance and the sizes (session 8). */
function fromResemblance(a: readonly number[], b: readonly number[], seed: number, k: number): number {
  const [x, y] = [minima(a, seed, k), minima(b, seed, k)];
  const j = x.filter((v, i) => v === y[i]).length / k;
  return Math.min(1, (j * (a.length + b.length)) / (1 + j) / Math.min(a.length, b.length));
}
const THRESHOLD = 0.56;
const TRIALS = 30;
console.log(
  `3. decisions at containment ${THRESHOLD} (keys aside) over ${TRIALS} hash functions: expected missed copies | non-copies taken`,
);
for (const [name, estimate] of [
  ['128 min-hashes (session 8)', (a: number[], b: number[], s: number) => fromResemblance(a, b, s, 128)],
  ['bottom-128 sketch', (a: number[], b: number[], s: number) => bottomK(a, b, s, 128)],
  ['bottom-150 sketch', (a: number[], b: number[], s: number) => bottomK(a, b, s, 150)],
  ['bottom-170 sketch', (a: number[], b: number[], s: number) => bottomK(a, b, s, 170)],
  ['bottom-213 sketch (in force)', (a: number[], b: number[], s: number) => bottomK(a, b, s, 213)],
] as const) {
  let fn = 0;
  let fp = 0;
  for (let s = 0; s < TRIALS; s++)
    for (let x = 0; x < texts.length; x += 2) {
      const c = estimate(texts[x]?.h[0] as number[], texts[x + 1]?.h[0] as number[], fmix32(s + 99));
      if (texts[x]?.copy && c < THRESHOLD) fn++;
      if (!texts[x]?.copy && c >= THRESHOLD) fp++;
    }
  console.log(`  ${name.padEnd(36)} ${(fn / TRIALS).toFixed(2)} | ${(fp / TRIALS).toFixed(2)}`);
}
