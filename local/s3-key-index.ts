/**
 * Orders strings as S3 lists keys: by their UTF-8 bytes, which is code point order. JavaScript's
 * `<` compares UTF-16 units, and puts a character above U+FFFF (a surrogate pair, D800–DFFF)
 * before one in E000–FFFF; here it goes after, without encoding either string.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number) =>
  unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;

export type KeyListing = {
  readonly keys: string[];
  readonly commonPrefixes: string[];
  readonly isTruncated: boolean;
  /** Where the next page starts after: the last key listed, or the last key under the last prefix. */
  readonly next: string | undefined;
};

/** The keys of one bucket, sorted as S3 lists them. */
export class KeyIndex {
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.keys[this.lowerBound(key)] === key;
  }

  add(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] !== key) this.keys.splice(i, 0, key);
  }

  delete(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }

  /**
   * One page of a listing, as ListObjectsV2 defines it: keys under `prefix` after `startAfter`;
   * with a delimiter, keys that hold it past the prefix are rolled up into one common prefix each;
   * keys and common prefixes together are at most `maxKeys`.
   */
  list(q: { prefix: string; delimiter: string; startAfter: string; maxKeys: number }): KeyListing {
    const keys: string[] = [];
    const commonPrefixes: string[] = [];
    let i = Math.max(this.lowerBound(q.prefix), q.startAfter ? this.upperBound(q.startAfter) : 0);
    let next: string | undefined;
    while (i < this.keys.length) {
      const key = this.keys[i] as string;
      if (!key.startsWith(q.prefix)) break;
      if (keys.length + commonPrefixes.length >= q.maxKeys)
        return { keys, commonPrefixes, isTruncated: true, next };
      const cut = q.delimiter ? key.indexOf(q.delimiter, q.prefix.length) : -1;
      if (cut === -1) {
        keys.push(key);
        next = key;
        i++;
        continue;
      }
      const common = key.slice(0, cut + q.delimiter.length);
      commonPrefixes.push(common);
      // Every key under the common prefix is a contiguous run: skip past it.
      while (i < this.keys.length && (this.keys[i] as string).startsWith(common)) i++;
      next = this.keys[i - 1];
    }
    return { keys, commonPrefixes, isTruncated: false, next };
  }

  /** The first index whose key is not before `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareUtf8(this.keys[mid] as string, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first index whose key is after `key`. */
  private upperBound(key: string): number {
    const i = this.lowerBound(key);
    return this.keys[i] === key ? i + 1 : i;
  }
}
