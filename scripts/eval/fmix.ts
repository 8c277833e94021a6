/** MurmurHash3's 32-bit finaliser: the hash family the copies measurements draw from (session 8's min-hashes used it). */
export const fmix32 = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};
