import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, ListCursor, OffsetCursor, RecountCursor } from '#shared/api/cursor.js';
import { BadParameterError } from '#shared/errors.js';

const query = { topic: 'kherson', limit: 10 };
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(BadParameterError);
    return { parameter: (err as BadParameterError).parameter, message: (err as Error).message };
  }
  throw new Error('no error thrown');
};

describe('pagination cursors', () => {
  it('give back the position they were made with, for the same query in any key order', () => {
    const cursor = encodeCursor(
      { p: ['2022-11', '2022-11-10T12:00:00.000Z#0123456789abcdef01234567'] },
      query,
    );
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeCursor(cursor, { limit: 10, topic: 'kherson' }, ListCursor);
    expect(back.p).toEqual(['2022-11', '2022-11-10T12:00:00.000Z#0123456789abcdef01234567']);
  });

  it('refuse a cursor of another query', () => {
    const cursor = encodeCursor({ o: 20 }, query);
    const err = refused(() => decodeCursor(cursor, { ...query, topic: 'negotiations' }, OffsetCursor));
    expect(err.parameter).toBe('cursor');
    expect(err.message).toMatch(/another query/);
  });

  it('refuse what the API did not issue: garbage, bad base64url, JSON of the wrong shape', () => {
    const forged = Buffer.from(JSON.stringify({ o: 'x' })).toString('base64url');
    for (const bad of ['', 'not a cursor!', 'a'.repeat(2001), Buffer.from('{').toString('base64url'), forged])
      expect(refused(() => decodeCursor(bad, query, OffsetCursor)).parameter, bad.slice(0, 20)).toBe(
        'cursor',
      );
  });

  it('refuse a position that could point into another partition', () => {
    const intoMeta = encodeCursor({ a: 'META#topics' }, query);
    expect(refused(() => decodeCursor(intoMeta, query, RecountCursor)).parameter).toBe('cursor');
    const badMonth = encodeCursor({ p: ['2022-1', ''] }, query);
    expect(refused(() => decodeCursor(badMonth, query, ListCursor)).parameter).toBe('cursor');
  });
});
