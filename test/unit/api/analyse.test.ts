import { describe, expect, it } from 'vitest';
import { type ApiStore, createApp } from '#shared/api/app.js';
import { defaultTopics } from '#shared/topics/load.js';
import { readJson } from '../../support/json.js';

// POST /analyse stores and reads nothing: a store that fails every call proves it.
const store = new Proxy({} as ApiStore, {
  get: () => () => Promise.reject(new Error('POST /analyse must not touch the store')),
});
const app = createApp({ store, topics: defaultTopics(), maxArticleBytes: 4096, onError: () => {} });
const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/analyse', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const text =
  'By Jane Doe\r\n\r\nKYIV, Nov 11 (Reuters) - Ukrainian troops entered Kherson on Friday, and crowds cheered in the centre of Kherson.\r\n' +
  'Read also: Kherson before the war\r\nPeace talks between Russia and Ukraine remain frozen, officials said.';

describe('POST /analyse', () => {
  it('analyses a text with the configured topics, every match at its offsets in the text sent', async () => {
    const res = await post({ text, title: 'Troops enter Kherson', language: 'en' });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.language).toBe('en');
    expect(['negative', 'neutral', 'positive']).toContain(body.sentiment.label);
    expect(Object.keys(body.topics).sort()).toEqual(['kherson', 'negotiations']);
    // The byline, dateline and "Read also" line are not counted.
    expect(body.topics.kherson.mentions).toBe(2);
    expect(body.topics.negotiations.mentions).toBe(1);
    for (const topic of Object.values(body.topics) as {
      matches: { text: string; start: number; end: number }[];
    }[]) {
      for (const m of topic.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(body.topics.kherson.matches.map((m: { start: number }) => m.start)).toEqual([
      text.indexOf('Kherson on Friday'),
      text.indexOf('Kherson.\r\n'),
    ]);
    expect(body.topics.negotiations.matches[0].text).toBe('Peace talks');
    expect(body.entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Kherson', type: 'place' })]),
    );
  });

  it('analyses with the topics given, phrases spelt as text spells them', async () => {
    const res = await post({
      text: "U.S. officials met O'Rourke. Kherson's mayor and US officials did not.",
      topics: [
        { id: 'officials', label: 'US officials', terms: ['U.S. officials'] },
        { id: 'rourke', label: "O'Rourke", terms: ["O'Rourke", "Kherson's"] },
      ],
    });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(Object.keys(body.topics).sort()).toEqual(['officials', 'rourke']);
    expect(body.topics.officials.matches.map((m: { text: string }) => m.text)).toEqual(['U.S. officials']);
    expect(body.topics.rourke.matches.map((m: { text: string }) => m.text)).toEqual([
      "O'Rourke",
      "Kherson's",
    ]);
  });

  it('answers a bad body or topic definition with a 400 that names the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x', language: 'x'.repeat(50) }, 'language'],
      [{ text: 'x', topics: [] }, 'topics'],
      [{ text: 'x', topics: [{ id: 'Bad Id', label: 'B', terms: ['b'] }] }, 'topics.0.id'],
      [{ text: 'x', topics: [{ id: 'a', label: 'A', terms: [] }] }, 'topics.0.terms'],
      [{ text: 'x', topics: [{ id: 'a', label: 'A', terms: ['...'] }] }, 'topics.0.terms.0'],
      [
        {
          text: 'x',
          topics: [
            { id: 'a', label: 'A', terms: ['a'] },
            { id: 'a', label: 'B', terms: ['b'] },
          ],
        },
        'topics.1.id',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await readJson(res);
      expect(problem.parameter, JSON.stringify(body)).toBe(field);
      expect(problem.detail).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
    }
  });

  it('answers malformed JSON and other content with a 4xx problem, never a 500', async () => {
    for (const [body, headers] of [
      ['{"text": ', { 'content-type': 'application/json' }],
      ['text=hello', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['hello', { 'content-type': 'text/plain' }],
    ] as const) {
      const res = await post(body, headers);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('refuses a text over the size limit of an article with a 413 naming it', async () => {
    const res = await post({ text: 'Kherson. '.repeat(600) });
    expect(res.status).toBe(413);
    expect((await readJson(res)).parameter).toBe('text');
    const huge = await post({ text: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await readJson(await app.request('/openapi.json'));
    expect(Object.keys(doc.paths['/analyse'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/articles/{id}/text'])).toEqual(['get']);
    const article = JSON.stringify(doc.components.schemas.Article);
    expect(article).toContain('"matches"');
    expect(article).toContain('#/components/schemas/ArticleMatch');
  });
});
