/**
 * JSON with object keys sorted at every level: the same topic set gives the same text whatever
 * order its keys come in (a topic file, a request body, or an item read back from DynamoDB, which
 * does not keep the order of a map's keys).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
