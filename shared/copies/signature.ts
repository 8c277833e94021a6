import { createHash } from 'node:crypto';

/**
 * Near-duplicate detection by a bottom-k MinHash sketch (Broder 1997; Cohen & Kaplan 2007): an
 * article's text becomes the set of its word shingles (runs of `shingleWords` words), each
 * shingle is hashed once (MD5 from node:crypto), and the signature keeps the `sketch` smallest
 * hash values with the number of distinct shingles. Below a cut-off τ (the
 * larger of the two sketches' least k-th values, or everything when a text has fewer shingles
 * than the sketch holds), each sketch holds ALL of its text's hashes, so the shorter text's values
 * under τ are a uniform sample of its shingles whose membership in the longer text is known
 * exactly: the share found estimates the containment of the shorter text in the longer one (a
 * copy trimmed from the bottom, or wrapped in boilerplate, keeps it near 1), without the noise of
 * deriving it from a resemblance estimate, and exactly for a short flash of fewer shingles than
 * the sketch. The index keys are the `keys` least hashes (48 bits of each): two texts share one
 * when a shingle of both is among the few least of each, which survives a trimmed tail or a new
 * paragraph better than the same number of independent min-hashes (docs/eval/copies.md).
 */
export type CopyMethod = {
  /** Words per shingle. */
  readonly shingleWords: number;
  /** Hash values kept in a signature: the smallest of the text's shingle hashes. */
  readonly sketch: number;
  /** Index keys per article: the signature's smallest values (one index item each). */
  readonly keys: number;
  /** A candidate is a copy when the estimated containment of the shorter text in the longer reaches this. */
  readonly minContainment: number;
  /**
   * How clusters are formed (shared/copies/cluster.ts), named so that a change of it changes the
   * analysis version: 2 = a cluster takes articles within COPY_WINDOW_DAYS of its start only.
   */
  readonly clustering: number;
};

export type CopySignature = {
  /** The top 24 bits of the smallest hashes of the text's shingles, ascending, at most `sketch` of them. */
  readonly hashes: Uint32Array;
  /** Distinct shingles in the text (for which text is the shorter, and whether the sketch is all of it). */
  readonly shingles: number;
  /** The index keys: the full (48-bit) hashes of the least shingles, in hex. A stored signature has none. */
  readonly keys: readonly string[];
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

/**
 * The signature of a text (its body without boilerplate; the title is not part of it). Shingles
 * are ordered by the first 48 bits of their MD5; the sketch keeps 24 of them (3 bytes stored, a
 * chance match between two texts' values about 1 in 50 000), the keys all 48.
 */
export function signatureOf(text: string, method: CopyMethod): CopySignature {
  const words = copyWords(text);
  const w = method.shingleWords;
  const shingles = new Set<string>();
  if (words.length > 0 && words.length < w) shingles.add(words.join(' '));
  for (let i = 0; i + w <= words.length; i++) shingles.add(words.slice(i, i + w).join(' '));
  const least = [...shingles]
    .map((s) => createHash('md5').update(s).digest().readUIntBE(0, 6))
    .sort((a, b) => a - b)
    .slice(0, method.sketch);
  const hashes = Uint32Array.from(new Set(least.map((v) => Math.floor(v / 2 ** 24))));
  const keys = least.slice(0, method.keys).map((v) => `k${v.toString(16).padStart(12, '0')}`);
  return { hashes, shingles: shingles.size, keys };
}

/** The sketch's cut-off: its largest value, or every value when it holds all of its text's shingles. */
const cutOff = (s: CopySignature): number =>
  s.hashes.length >= s.shingles ? Number.POSITIVE_INFINITY : (s.hashes[s.hashes.length - 1] as number);

/**
 * Estimated Jaccard resemblance and containment of the text with fewer shingles in the other,
 * from the two sketches' values up to the smaller cut-off (every value of both texts below it).
 */
export function resemblance(a: CopySignature, b: CopySignature): { jaccard: number; containment: number } {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  const tau = Math.min(cutOff(a), cutOff(b));
  let i = 0;
  let j = 0;
  let shared = 0;
  const x = a.hashes;
  const y = b.hashes;
  while (i < x.length && j < y.length && (x[i] as number) <= tau && (y[j] as number) <= tau) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if ((x[i] as number) < (y[j] as number)) i++;
    else j++;
  }
  while (i < x.length && (x[i] as number) <= tau) i++;
  while (j < y.length && (y[j] as number) <= tau) j++;
  const shorter = a.shingles <= b.shingles ? i : j;
  return {
    jaccard: i + j - shared > 0 ? shared / (i + j - shared) : 0,
    containment: shorter > 0 ? shared / shorter : 0,
  };
}

/** Whether b is a copy of a (or a of b): the shorter text is contained enough in the longer. */
export function isCopy(a: CopySignature, b: CopySignature, method: CopyMethod): boolean {
  return resemblance(a, b).containment >= method.minContainment;
}

/** The index keys of a signature made from text: its `keys` least shingles' hashes. Two texts sharing one are candidates. */
export const indexKeys = (sig: CopySignature, method: CopyMethod): string[] => sig.keys.slice(0, method.keys);

/** A signature as stored (a binary attribute): the shingle count in 4 bytes, then each hash in 3, big-endian. */
export function encodeSignature(sig: CopySignature): Uint8Array {
  const bytes = Buffer.alloc(4 + 3 * sig.hashes.length);
  bytes.writeUInt32BE(sig.shingles, 0);
  sig.hashes.forEach((h, i) => {
    bytes.writeUIntBE(h, 4 + 3 * i, 3);
  });
  return bytes;
}

/** The signature of a stored value; undefined for anything else (an entry of an earlier method: a string). */
export function decodeSignature(value: unknown): CopySignature | undefined {
  if (!(value instanceof Uint8Array) || value.length < 4 || (value.length - 4) % 3 !== 0) return undefined;
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const hashes = new Uint32Array((bytes.length - 4) / 3);
  for (let i = 0; i < hashes.length; i++) hashes[i] = bytes.readUIntBE(4 + 3 * i, 3);
  for (let i = 1; i < hashes.length; i++)
    if ((hashes[i] as number) <= (hashes[i - 1] as number)) return undefined;
  const shingles = bytes.readUInt32BE(0);
  return hashes.length <= shingles ? { hashes, shingles, keys: [] } : undefined;
}
