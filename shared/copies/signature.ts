import { createHash } from 'node:crypto';

/**
 * Near-duplicate detection by MinHash (Broder 1997): an article's text becomes the set of its
 * word shingles (runs of `shingleWords` words), and its signature holds, for each of `hashes`
 * hash functions, the least hash of any shingle. Two signatures agree at a position with
 * probability equal to the Jaccard resemblance of the two sets, so the share of equal positions
 * estimates it; with the sets' sizes it also estimates containment (how much of the shorter text
 * is in the longer one), which a copy trimmed from the bottom keeps near 1.
 *
 * Each shingle is hashed once with MD5 (node:crypto), and the `hashes` functions are that value
 * mixed with a fixed seed each (MurmurHash3's 32-bit finaliser): exact 32-bit integer arithmetic,
 * the same on every machine, so a stored signature stays comparable. (The npm MinHash packages
 * were not used: `minhash` 0.0.9 computes (a·h + b) mod p in doubles beyond 2^53 and has not been
 * released since 2018; `minhashjs` ships a README generator as a run-time dependency.)
 */
export type CopyMethod = {
  /** Words per shingle. */
  readonly shingleWords: number;
  /** Hash functions in a signature. */
  readonly hashes: number;
  /** LSH keys per article: the first `bands` signature positions, `rows` values each. */
  readonly bands: number;
  readonly rows: number;
  /** A candidate is a copy when its estimated containment reaches this. */
  readonly minContainment: number;
  /** … or its estimated Jaccard resemblance reaches this. */
  readonly minResemblance: number;
};

export type CopySignature = {
  /** The least hash of the text's shingles under each hash function. */
  readonly hashes: Uint32Array;
  /** Distinct shingles in the text (for containment). */
  readonly shingles: number;
};

/** Words of a text for shingling: letters and digits, case and accents folded, in any script. */
export function copyWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const fmix32 = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

const seedsCache = new Map<number, Uint32Array>();
function seeds(n: number): Uint32Array {
  let s = seedsCache.get(n);
  if (!s) {
    s = new Uint32Array(n);
    for (let i = 0; i < n; i++) s[i] = fmix32(Math.imul(i + 1, 0x9e3779b9));
    seedsCache.set(n, s);
  }
  return s;
}

/** The MinHash signature of a text (its body without boilerplate; the title is not part of it). */
export function signatureOf(text: string, method: CopyMethod): CopySignature {
  const words = copyWords(text);
  const w = method.shingleWords;
  const shingles = new Set<string>();
  if (words.length > 0 && words.length < w) shingles.add(words.join(' '));
  for (let i = 0; i + w <= words.length; i++) shingles.add(words.slice(i, i + w).join(' '));
  const s = seeds(method.hashes);
  const mins = new Uint32Array(method.hashes).fill(0xffffffff);
  for (const shingle of shingles) {
    const h = createHash('md5').update(shingle).digest().readUInt32LE(0);
    for (let i = 0; i < mins.length; i++) {
      const v = fmix32(h ^ (s[i] as number));
      if (v < (mins[i] as number)) mins[i] = v;
    }
  }
  return { hashes: mins, shingles: shingles.size };
}

/** Estimated Jaccard resemblance and containment of the smaller set in the larger. */
export function resemblance(a: CopySignature, b: CopySignature): { jaccard: number; containment: number } {
  if (a.shingles === 0 || b.shingles === 0 || a.hashes.length !== b.hashes.length)
    return { jaccard: 0, containment: 0 };
  let equal = 0;
  for (let i = 0; i < a.hashes.length; i++) if (a.hashes[i] === b.hashes[i]) equal++;
  const jaccard = equal / a.hashes.length;
  // |A ∩ B| = J (|A| + |B|) / (1 + J)
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  return { jaccard, containment: Math.min(1, shared / Math.min(a.shingles, b.shingles)) };
}

/** Whether b is a copy of a (or a of b), by the method's thresholds. */
export function isCopy(a: CopySignature, b: CopySignature, method: CopyMethod): boolean {
  const r = resemblance(a, b);
  return r.containment >= method.minContainment || r.jaccard >= method.minResemblance;
}

/**
 * The LSH keys of a signature: band i is positions [i·rows, (i+1)·rows) as hex. Two articles
 * that share a key are candidates; with rows = 1 a copy of resemblance J is missed by every band
 * with probability (1 − J)^bands.
 */
export function bandKeys(sig: CopySignature, method: CopyMethod): string[] {
  const keys: string[] = [];
  for (let b = 0; b < method.bands; b++) {
    let key = `${b}:`;
    for (let r = 0; r < method.rows; r++)
      key += (sig.hashes[b * method.rows + r] ?? 0).toString(16).padStart(8, '0');
    keys.push(key);
  }
  return keys;
}

/** A signature as stored: the hashes little-endian in base64, and the shingle count. */
export const encodeSignature = (sig: CopySignature): string =>
  `${sig.shingles}:${Buffer.from(sig.hashes.buffer, sig.hashes.byteOffset, sig.hashes.byteLength).toString('base64')}`;

export function decodeSignature(text: string): CopySignature | undefined {
  const colon = text.indexOf(':');
  const shingles = Number(text.slice(0, colon));
  const bytes = Buffer.from(text.slice(colon + 1), 'base64');
  if (colon < 1 || !Number.isInteger(shingles) || bytes.length % 4 !== 0) return undefined;
  const hashes = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < hashes.length; i++) hashes[i] = bytes.readUInt32LE(i * 4);
  return { hashes, shingles };
}
