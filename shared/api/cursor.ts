import { createHash } from 'node:crypto';
import * as z from 'zod';
import { BadParameterError } from '../errors.js';

/**
 * Opaque pagination cursors: base64url JSON holding where the next page starts and a digest of
 * the query that produced it. Decoding validates the shape with the route's schema and the digest
 * against the current query, so a cursor cannot be replayed on another query, and the position it
 * holds is checked (format, range) before it reaches a key: it cannot point into another
 * partition. A cursor that fails any check is a 400 naming `cursor`.
 */
const digest = (query: Readonly<Record<string, unknown>>): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b))))
    .digest('base64url')
    .slice(0, 16);

export function encodeCursor(
  position: Record<string, unknown>,
  query: Readonly<Record<string, unknown>>,
): string {
  return Buffer.from(JSON.stringify({ ...position, q: digest(query) })).toString('base64url');
}

export function decodeCursor<T>(
  cursor: string,
  query: Readonly<Record<string, unknown>>,
  schema: z.ZodType<T>,
): T {
  let data: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw new Error('not base64url');
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadParameterError('cursor', 'is not a cursor this API issued');
  }
  if (typeof data !== 'object' || data === null || (data as { q?: unknown }).q !== digest(query)) {
    throw new BadParameterError('cursor', 'belongs to another query; start again without it');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new BadParameterError('cursor', 'is not a cursor this API issued');
  return parsed.data;
}

/** Cursor positions, validated before they reach a key. */
export const ListCursor = z.object({
  p: z.tuple([
    z.string().regex(/^\d{4}-\d{2}$/),
    z.string().regex(/^(|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9a-f]{24})$/),
  ]),
});
export const OffsetCursor = z.object({ o: z.number().int().min(1).max(1_000_000) });
export const RejectionCursor = z.object({ a: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-f]{24}$/) });
export const RecountCursor = z.object({ a: z.string().regex(/^r-[0-9A-Za-z-]{1,60}$/) });
