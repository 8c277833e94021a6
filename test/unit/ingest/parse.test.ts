import { describe, expect, it } from 'vitest';
import { RejectedArticleError } from '#shared/errors.js';
import { parseArticleObject } from '#shared/ingest/parse.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const obj = (key: string, body: string | Uint8Array, metadata: Record<string, string> = {}) => ({
  key,
  bytes: typeof body === 'string' ? utf8(body) : body,
  metadata,
  eventTime: '2022-11-12T08:00:00.000Z',
});
const rejection = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof RejectedArticleError) return err.message;
    throw err;
  }
  throw new Error('expected a rejection');
};

describe('parseArticleObject: text', () => {
  it('takes the publication time from the published-at metadata', async () => {
    const a = await parseArticleObject(
      obj('a.txt', 'Body text here.', { 'published-at': '2022-11-10T12:00:00Z' }),
    );
    expect(a.publishedAt).toBe('2022-11-10T12:00:00.000Z');
  });

  it('falls back to the event time without metadata', async () => {
    expect((await parseArticleObject(obj('a.text', 'Body.'))).publishedAt).toBe('2022-11-12T08:00:00.000Z');
  });

  it('takes a headline-like first line as the title, not as body', async () => {
    const a = await parseArticleObject(obj('a.text', 'Kherson retaken\nThe city was freed on Friday.'));
    expect(a.title).toBe('Kherson retaken');
    expect(a.body).toBe('The city was freed on Friday.');
  });

  it('strips a UTF-8 byte order mark', async () => {
    const a = await parseArticleObject(obj('a.txt', '\uFEFFText.'));
    expect(a.body).toBe('Text.');
  });
});

describe('parseArticleObject: JSON', () => {
  it('reads the contract fields and ignores unknown ones', async () => {
    const a = await parseArticleObject(
      obj(
        'x.json',
        JSON.stringify({
          title: 'T',
          body: 'B',
          publishedAt: '2022-11-10T12:00:00+02:00',
          source: 'S',
          url: 'https://e.x',
          language: 'fr',
          extra: 1,
        }),
      ),
    );
    expect(a).toEqual({
      title: 'T',
      body: 'B',
      publishedAt: '2022-11-10T10:00:00.000Z',
      publishedAtAssumedZone: undefined,
      source: 'S',
      url: 'https://e.x',
      language: 'fr',
    });
  });

  it('rejects malformed JSON with the parser message', async () => {
    expect(await rejection(() => parseArticleObject(obj('x.json', '{"body": ')))).toMatch(/^malformed JSON/);
  });

  it('rejects JSON without a body, naming the field', async () => {
    expect(await rejection(() => parseArticleObject(obj('x.json', '{"title":"t"}')))).toMatch(/field "body"/);
  });

  it('rejects a publishedAt that is not ISO 8601', async () => {
    expect(
      await rejection(() => parseArticleObject(obj('x.json', '{"body":"b","publishedAt":"yesterday"}'))),
    ).toMatch(/publishedAt/);
  });

  it('rejects bad published-at metadata instead of silently falling back', async () => {
    expect(
      await rejection(() => parseArticleObject(obj('a.txt', 'b', { 'published-at': '10/11/2022' }))),
    ).toMatch(/published-at "10\/11\/2022" is not an ISO 8601/);
  });
});

describe('parseArticleObject: rejected inputs', () => {
  it('rejects an unsupported suffix', async () => {
    expect(await rejection(() => parseArticleObject(obj('report.pdf', '%PDF-1.4')))).toMatch(
      /unsupported file type/,
    );
  });

  it('rejects an empty object', async () => {
    expect(await rejection(() => parseArticleObject(obj('a.txt', '')))).toBe('the object is empty');
  });

  it('rejects bytes that are not UTF-8 (Latin-1)', async () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x4b, 0x69, 0x65, 0x76]); // "Café Kiev"
    expect(await rejection(() => parseArticleObject(obj('a.txt', latin1)))).toMatch(/not valid UTF-8/);
  });

  it('rejects binary content', async () => {
    expect(await rejection(() => parseArticleObject(obj('a.txt', Uint8Array.from([0x41, 0, 0x42]))))).toMatch(
      /binary/,
    );
  });
});
