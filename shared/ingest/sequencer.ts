/**
 * Orders two S3 `sequencer` values of the same key: hex strings of possibly different lengths,
 * compared after right-padding the shorter with zeros (the S3 event message structure docs),
 * case-insensitively. Returns < 0, 0 or > 0.
 */
export function compareSequencers(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  const x = a.toUpperCase().padEnd(len, '0');
  const y = b.toUpperCase().padEnd(len, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}
