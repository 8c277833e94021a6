import { describe, expect, it } from 'vitest';
import { ConfigError } from '#shared/errors.js';
import { articleSuffixes, DEFAULT_ARTICLE_FORMATS, timeZoneName } from '#shared/ingest/formats.js';
import { decodeEncodedWords, metadataValue } from '#shared/ingest/metadata.js';
import { parseArticleObject } from '#shared/ingest/parse.js';
import { replacedRejection } from '#shared/storage/keys.js';
import { configFromEnv } from '../../../functions/lib/runtime.js';
import { configFromContext, unknownContextKeys } from '../../../infra/config.js';
import { rejectionOf } from '../../support/rejection.js';

const obj = (key: string, body: string, metadata: Record<string, string> = {}) => ({
  key,
  bytes: new TextEncoder().encode(body),
  metadata,
  eventTime: '2022-11-20T00:00:00.000Z',
});
const kyiv = { ...DEFAULT_ARTICLE_FORMATS, defaultTimeZone: 'Europe/Kyiv' };

describe('a date-time without a zone', () => {
  it('is read in UTC by default, and the article says the zone was assumed', async () => {
    const a = await parseArticleObject(obj('a.txt', 'Body.', { 'published-at': '2022-11-08T12:00:00' }));
    expect(a.publishedAt).toBe('2022-11-08T12:00:00.000Z');
    expect(a.publishedAtAssumedZone).toBe('UTC');
  });

  it('is read in the configured zone, summer time included', async () => {
    const winter = await parseArticleObject(
      obj('a.txt', 'B.', { 'published-at': '2022-11-08T12:00:00' }),
      kyiv,
    );
    expect(winter).toMatchObject({
      publishedAt: '2022-11-08T10:00:00.000Z',
      publishedAtAssumedZone: 'Europe/Kyiv',
    });
    const summer = await parseArticleObject(
      obj('a.json', JSON.stringify({ body: 'B.', publishedAt: '2022-07-08T12:00' })),
      kyiv,
    );
    expect(summer).toMatchObject({
      publishedAt: '2022-07-08T09:00:00.000Z',
      publishedAtAssumedZone: 'Europe/Kyiv',
    });
  });

  it('is not marked when the time carries its zone', async () => {
    const a = await parseArticleObject(
      obj('a.txt', 'B.', { 'published-at': '2022-11-08T12:00:00+02:00' }),
      kyiv,
    );
    expect(a).toMatchObject({ publishedAt: '2022-11-08T10:00:00.000Z', publishedAtAssumedZone: undefined });
  });
});

describe('an unparseable date: the rejection names what is wrong', () => {
  const reason = (value: string) =>
    rejectionOf(parseArticleObject(obj('a.txt', 'B.', { 'published-at': value })));

  it('names a month, day, hour or offset out of range', async () => {
    expect(await reason('2022-13-01T00:00:00Z')).toMatch(/month 13 does not exist/);
    expect(await reason('2022-11-31')).toMatch(/day 31 does not exist in 2022-11/);
    expect(await reason('2022-11-08T25:00:00Z')).toMatch(/hour 25 is out of range/);
    expect(await reason('2022-11-08T12:00:00+15:00')).toMatch(/offset \+15:00 is out of range/);
  });

  it('says to write the year first for a day-month-year date, and shows valid forms', async () => {
    const r = await reason('08/11/2022 12:00');
    expect(r).toMatch(/metadata published-at "08\/11\/2022 12:00" is not an ISO 8601 date or date-time/);
    expect(r).toMatch(/write the year first/);
    expect(r).toMatch(/2022-11-08T12:00:00Z/);
  });
});

describe('non-ASCII metadata', () => {
  it('decodes an RFC 2047 B-encoded Cyrillic source', async () => {
    const encoded = `=?UTF-8?B?${Buffer.from('Українська правда').toString('base64')}?=`;
    const a = await parseArticleObject(obj('a.txt', 'Body.', { source: encoded }));
    expect(a.source).toBe('Українська правда');
  });

  it('decodes Q-encoding, joins adjacent encoded-words and keeps plain text around them', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?El_Peri=C3=B3dico?=')).toBe('El Periódico');
    expect(decodeEncodedWords('=?utf-8?b?0KPQutGA0LA=?= =?utf-8?b?0ZfQvdGB0YzQutCw?=')).toBe('Українська');
    expect(decodeEncodedWords('Le =?ISO-8859-1?Q?Monde_=E9dition?= web')).toBe('Le Monde édition web');
    expect(decodeEncodedWords('=?UTF-8?B?not base64!?=')).toBe('=?UTF-8?B?not base64!?=');
  });

  it('decodes percent-encoding, except in a URL, and leaves a stray % alone', () => {
    expect(metadataValue({ source: 'El%20Peri%C3%B3dico' }, 'source')).toBe('El Periódico');
    expect(metadataValue({ source: '100% News' }, 'source')).toBe('100% News');
    expect(metadataValue({ url: 'https://e.x/a%20b' }, 'url')).toBe('https://e.x/a%20b');
  });
});

describe('JSON articles fall back to the metadata', () => {
  it('takes source, url and language from metadata when the document has none', async () => {
    const a = await parseArticleObject(
      obj('a.json', JSON.stringify({ body: 'B.' }), {
        source: '=?UTF-8?Q?El_Peri=C3=B3dico?=',
        url: 'https://e.x/1',
        language: 'es',
      }),
    );
    expect(a).toMatchObject({ source: 'El Periódico', url: 'https://e.x/1', language: 'es' });
  });

  it("keeps the document's own fields over the metadata", async () => {
    const a = await parseArticleObject(
      obj('a.json', JSON.stringify({ body: 'B.', source: 'Doc' }), { source: 'Meta', language: 'es' }),
    );
    expect(a).toMatchObject({ source: 'Doc', language: 'es' });
  });
});

describe('which suffixes are articles', () => {
  it('rejects .md by default, naming the suffixes that are read', async () => {
    expect(await rejectionOf(parseArticleObject(obj('README.md', '# Read me')))).toMatch(
      /unsupported file type: the key must end in \.txt, \.text, \.json, \.html, \.htm/,
    );
  });

  it('reads .md when configured, and nothing else than what is configured', async () => {
    const formats = { ...DEFAULT_ARTICLE_FORMATS, suffixes: articleSuffixes('md, .txt', 'TEST') };
    expect((await parseArticleObject(obj('notes.md', 'Body.'), formats)).body).toBe('Body.');
    expect(await rejectionOf(parseArticleObject(obj('a.json', '{"body":"b"}'), formats))).toMatch(
      /must end in \.md, \.txt/,
    );
  });

  it('refuses an unknown suffix or time zone at configuration, naming the variable', () => {
    expect(() => articleSuffixes('.txt,.pdf', 'TRENDWIRE_ARTICLE_SUFFIXES')).toThrow(
      /TRENDWIRE_ARTICLE_SUFFIXES: "\.pdf" is not an article suffix/,
    );
    expect(() => timeZoneName('Europe/Kiyv', 'TRENDWIRE_DEFAULT_TIMEZONE')).toThrow(ConfigError);
    expect(() => configFromEnv({ TABLE_NAME: 't', DEFAULT_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /DEFAULT_TIMEZONE: "Mars\/Olympus" is not an IANA time zone name/,
    );
    expect(configFromEnv({ TABLE_NAME: 't', ARTICLE_SUFFIXES: '.md,.json' }).formats?.suffixes).toEqual([
      '.md',
      '.json',
    ]);
  });

  it('takes both as CDK settings, validated, and knows their context keys', () => {
    const config = configFromContext(
      (k) => ({ defaultTimezone: 'Europe/Kyiv', articleSuffixes: '.txt,.md' })[k],
      {},
    );
    expect(config).toMatchObject({ defaultTimezone: 'Europe/Kyiv', articleSuffixes: ['.txt', '.md'] });
    expect(() => configFromContext((k) => ({ defaultTimezone: 'Nowhere/City' })[k], {})).toThrow(
      /defaultTimezone/,
    );
    expect(() => configFromContext((k) => ({ articleSuffixes: '.pdf' })[k], {})).toThrow(/articleSuffixes/);
    expect(unknownContextKeys({ defaultTimezone: 'UTC', articleSuffixes: '.txt' })).toEqual([]);
  });
});

describe('/rejections holds current state', () => {
  const rejected = { id: 'a1', status: 'rejected', updatedAt: '2022-11-10T00:00:00.000Z' };
  it("takes a key's last rejection out once it is counted, deleted or rejected again", () => {
    expect(replacedRejection(rejected, { updatedAt: '2022-11-11T00:00:00.000Z' })).toEqual({
      pk: 'REJ',
      sk: '2022-11-10T00:00:00.000Z#a1',
    });
    expect(replacedRejection({ ...rejected, status: 'active' }, { updatedAt: 'x' })).toBeUndefined();
    expect(replacedRejection(undefined, { updatedAt: 'x' })).toBeUndefined();
  });
});
