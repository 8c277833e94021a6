import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '#shared/ingest/html/extract.js';
import { parseArticleObject } from '#shared/ingest/parse.js';
import { rejectionOf } from '../../support/rejection.js';

const page = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'html', name), 'utf8');
const obj = (key: string, body: string | Uint8Array, more: Record<string, unknown> = {}) => ({
  key,
  bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  metadata: {},
  eventTime: '2022-11-20T00:00:00.000Z',
  ...more,
});

describe('HTML extraction rules', () => {
  const { body } = extractHtml(page('jsonld-article.html'));

  it('keeps the article paragraphs, in order, one paragraph each', () => {
    const paragraphs = body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Residents of Kherson began returning/);
    expect(body).toContain('City officials said water pumping stations');
    expect(paragraphs.at(-1)).toMatch(/^The regional governor said schools would reopen/);
  });

  it('never lets script, style or comments into the text', () => {
    expect(body).not.toMatch(/SCRIPT TEXT|STYLE TEXT|COMMENT TEXT/);
  });

  it('drops captions, credits, link lists, "Read more" lead-ins, share bars and menus', () => {
    expect(body).not.toMatch(/Engineers repair a substation/); // figcaption
    expect(body).not.toMatch(/\(Image: Example Agency\)/); // credit line
    expect(body).not.toMatch(/timeline of the occupation|Power cuts across/); // related list
    expect(body).not.toMatch(/Read more|What the withdrawal means/);
    expect(body).not.toMatch(/Share on|Home|Copyright/);
  });

  it('drops a time-stamp line', () => {
    expect(extractHtml(page('og-only.html')).body).not.toMatch(/Updated 14:05/);
  });

  it('takes the JSON-LD articleBody when it agrees with the extraction', () => {
    const paragraphs = [
      'The talks in Geneva ended without an agreement on Thursday, with both delegations blaming the other for the impasse over prisoner exchanges and the front line.',
      'A senior diplomat said a new round could start next month if the mediators found a formula acceptable to both sides, but cautioned against expectations.',
      'Observers noted that the humanitarian corridors agreed in the spring were still working, and that grain shipments had not been affected by the breakdown.',
    ];
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Geneva talks end',
      articleBody: paragraphs.join('\n\n'),
    })}</script></head><body><article><p>${paragraphs[0]}</p><p>Delegates leave the hall on Thursday evening after the final session</p><p>${paragraphs[1]}</p><p>${paragraphs[2]}</p></article></body></html>`;
    expect(extractHtml(html).body).toBe(paragraphs.join('\n\n'));
  });

  it('ignores a JSON-LD articleBody that is only a teaser', () => {
    const { body: text } = extractHtml(page('teaser-jsonld.html'));
    expect(text).toMatch(/^Ceasefire talks stalled on Monday after the two delegations/);
    expect(text).not.toContain('Subscribe to read more');
  });

  it('rejects a page with no extractable text', () => {
    expect(() => extractHtml(page('empty.html'))).toThrow('the page has no extractable text');
  });
});

describe('HTML metadata, in order of trust', () => {
  const precedence: [string, string, Record<string, unknown>][] = [
    [
      'JSON-LD NewsArticle over Open Graph over <title>, canonical and lang',
      'jsonld-article.html',
      {
        title: 'Kherson residents return as power comes back',
        publishedAt: '2022-11-12T07:30:00.000Z',
        publishedAtAssumedZone: undefined,
        source: 'The Daily Example',
        url: 'https://daily.example.org/world/kherson-power',
        language: 'en-GB',
      },
    ],
    [
      'Open Graph over <title>, <link rel=canonical> and <html lang>; a zone-less time read in the default zone, and said so',
      'og-only.html',
      {
        title: 'Grain corridor talks resume in Istanbul',
        source: 'Harbour Post',
        url: 'https://harbour.example/grain-talks',
        language: 'en-US',
        publishedAt: '2022-11-08T12:00:00.000Z',
        publishedAtAssumedZone: 'UTC',
      },
    ],
    [
      '<title>, canonical link and <html lang> when that is all there is; the upload time dates it',
      'basic.html',
      {
        title: 'Переговори у Стамбулі',
        url: 'https://pravda.example/news/talks',
        language: 'uk',
        source: undefined,
        publishedAt: '2022-11-20T00:00:00.000Z',
        body: expect.stringMatching(/^У Стамбулі в середу/),
      },
    ],
  ];
  it.each(precedence)('%s', async (_, file, expected) => {
    expect(await parseArticleObject(obj(`x/${file}`, page(file)))).toMatchObject(expected);
  });

  it('S3 metadata overrides what the page says', async () => {
    const a = await parseArticleObject(
      obj('a.html', page('jsonld-article.html'), {
        metadata: {
          'published-at': '2022-11-13T10:00:00Z',
          source: 'Wire copy',
          url: 'https://wire.example/1',
          language: 'en',
        },
      }),
    );
    expect(a).toMatchObject({
      publishedAt: '2022-11-13T10:00:00.000Z',
      source: 'Wire copy',
      url: 'https://wire.example/1',
      language: 'en',
      title: 'Kherson residents return as power comes back',
    });
  });

  it('reads a zone-less page time in the configured default zone', async () => {
    const a = await parseArticleObject(obj('b.html', page('og-only.html')), {
      suffixes: ['.html'],
      defaultTimeZone: 'Europe/Kyiv',
    });
    expect(a.publishedAt).toBe('2022-11-08T10:00:00.000Z');
    expect(a.publishedAtAssumedZone).toBe('Europe/Kyiv');
  });

  it('skips a page date it cannot read and takes the next one', async () => {
    const html = page('og-only.html').replace(
      '<meta property="og:locale"',
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script><meta name="pubdate" content="Mon, 07 Nov 2022 16:07:38 -0600"><meta property="og:locale"',
    );
    const a = await parseArticleObject(
      obj('b.html', html.replace(/<meta property="article:published_time"[^>]*>/, '')),
    );
    expect(a.publishedAt).toBe('2022-11-07T22:07:38.000Z');
  });
});

describe('HTML objects: gzip and rejections', () => {
  it('reads a .html.gz key and a gzip Content-Encoding alike', async () => {
    const zipped = gzipSync(page('jsonld-article.html'));
    const byKey = await parseArticleObject(obj('a.html.gz', zipped));
    const byHeader = await parseArticleObject(obj('a.html', zipped, { contentEncoding: 'gzip' }));
    const plain = await parseArticleObject(obj('a.html', page('jsonld-article.html')));
    expect(byKey).toEqual(plain);
    expect(byHeader).toEqual(plain);
  });

  it('rejects a .gz key that is not gzip data', async () => {
    expect(await rejectionOf(parseArticleObject(obj('a.html.gz', '<html></html>')))).toMatch(/not gzip data/);
  });

  it('rejects a page with no extractable text, with that reason', async () => {
    expect(await rejectionOf(parseArticleObject(obj('e.html', page('empty.html'))))).toBe(
      'the page has no extractable text',
    );
  });

  it('reads a page in the charset it declares', async () => {
    const html =
      '<html><head><meta charset="windows-1251"><title>Київ</title></head><body><p>Київ</p></body></html>';
    const bytes = Uint8Array.from([...html].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0)));
    // К и ї в in windows-1251
    const cp1251 = { К: 0xca, и: 0xe8, ї: 0xbf, в: 0xe2 } as Record<string, number>;
    let i = 0;
    for (const ch of html) bytes[i++] = cp1251[ch] ?? ch.charCodeAt(0);
    const a = await parseArticleObject(obj('k.html', bytes));
    expect(a.title).toBe('Київ');
  });
});
