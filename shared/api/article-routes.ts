import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Analyser, LocatedMentions } from '../analysis/analyse.js';
import { type EvidenceDeps, evidenceOf } from '../articles/evidence.js';
import { NotFoundError } from '../errors.js';
import type { ArticleRecord } from '../ingest/article.js';
import type { ArticleFormats } from '../ingest/formats.js';
import type { ArticleReader, ClusterReader, ObjectSource } from '../ports.js';
import { TopicFile } from '../topics/schema.js';
import { ProblemError, problem, problemResponse } from './problem.js';
import * as S from './schemas.js';

export type ArticleRouteDeps = {
  readonly store: ArticleReader & ClusterReader;
  /** The configured analyser, built on first use: POST /analyse runs it, matches are found with it. */
  readonly analyser: () => Promise<Analyser>;
  readonly maxArticleBytes: number;
  readonly formats?: ArticleFormats | undefined;
  /** Where article objects are read again to show their text and matches; without it, they are not shown. */
  readonly objects?: ObjectSource | undefined;
};

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const idParam = z.object({ id: z.string().max(100) });

const routes = {
  article: createRoute({
    method: 'get',
    path: '/articles/{id}',
    request: { params: idParam },
    responses: {
      200: json(S.ArticleDetail, 'One article with its analysis and the evidence of its counts.'),
      404: problemResponse('No such article.'),
    },
  }),
  text: createRoute({
    method: 'get',
    path: '/articles/{id}/text',
    request: { params: idParam },
    responses: {
      200: {
        content: { 'text/plain': { schema: z.string() } },
        description: 'The text the analysis read: the body normalised, boilerplate removed, title excluded.',
      },
      404: problemResponse('No such article, or its object is no longer in the bucket.'),
      409: problemResponse('The object has changed since it was analysed.'),
    },
  }),
  analyse: createRoute({
    method: 'post',
    path: '/analyse',
    request: { body: { content: { 'application/json': { schema: S.AnalyseRequest } }, required: true } },
    responses: {
      200: json(S.AnalyseResponse, 'The analysis of the text; nothing is stored.'),
      400: problemResponse('The body or a topic definition is invalid; the problem names the field.'),
      413: problemResponse('The text is over the size limit of an article.'),
    },
  }),
};

/** GET /articles/{id}, GET /articles/{id}/text and POST /analyse, on the app of createApp. */
export function registerArticleRoutes(app: OpenAPIHono, deps: ArticleRouteDeps): void {
  const active = async (id: string) => {
    const record = /^[0-9a-f]{24}$/.test(id) ? await deps.store.getArticleById(id) : undefined;
    if (record?.status !== 'active') throw new NotFoundError(`no article "${id}"`);
    return record;
  };
  const evidence = async (record: ArticleRecord) =>
    deps.objects
      ? evidenceOf(record, {
          source: deps.objects,
          analyser: await deps.analyser(),
          maxArticleBytes: deps.maxArticleBytes,
          formats: deps.formats,
        } satisfies EvidenceDeps)
      : { ok: false as const, gone: true, why: 'this API cannot read article objects' };

  app.openapi(routes.article, async (c) => {
    const record = await active(c.req.valid('param').id);
    const [shown, copies] = await Promise.all([evidence(record), copiesOf(record)]);
    return c.json(
      {
        ...articleDetail(record, shown.ok ? shown.located : shown.why),
        clusterSize: record.copy ? copies.length + 1 : null,
        copies,
      },
      200,
    );
  });

  /** The other articles of its cluster found through its copy-index keys, newest first. */
  const copiesOf = async (r: ArticleRecord) => {
    if (!r.copy || r.copy.keys.length === 0 || !r.publishedAt) return [];
    const near = await deps.store.copiesNear(r.copy.keys, r.publishedAt);
    return near
      .filter((e) => e.cluster === r.copy?.cluster && e.id !== r.id)
      .map((e) => ({ id: e.id, publishedAt: e.publishedAt }))
      .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
  };

  app.openapi(routes.text, async (c) => {
    const record = await active(c.req.valid('param').id);
    const shown = await evidence(record);
    if (!shown.ok) throw new ProblemError(shown.gone ? 404 : 409, shown.why);
    return c.text(shown.located.text, 200);
  });

  // The text's own limit is checked below; the body may also carry topics and JSON escapes.
  const maxBody = 2 * deps.maxArticleBytes + 256 * 1024;
  app.use(
    '/analyse',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => problem(c, 413, `the request body is over ${maxBody} bytes`),
    }),
  );
  app.openapi(routes.analyse, async (c) => {
    const body = c.req.valid('json');
    const bytes = Buffer.byteLength(body.text, 'utf8');
    if (bytes > deps.maxArticleBytes) {
      const limit = `over the ${deps.maxArticleBytes}-byte limit of an article`;
      throw new ProblemError(413, `text: is ${bytes} bytes, ${limit}`, 'text');
    }
    const configured = await deps.analyser();
    const analyser = body.topics
      ? configured.withTopics(TopicFile.parse({ version: 1, topics: body.topics }))
      : configured;
    const { analysis, matches, toInput } = analyser.explain({
      body: body.text,
      title: body.title,
      language: body.language,
    });
    const topics = Object.fromEntries(
      Object.entries(matches).map(([id, spans]) => [
        id,
        {
          mentions: spans.length,
          sentiment: analysis.topics[id]?.sentiment ?? { score: 0, label: 'neutral' as const },
          matches: spans.map((m) => {
            const [start, end] = toInput(m.start, m.end);
            return { text: body.text.slice(start, end), start, end };
          }),
        },
      ]),
    );
    return c.json(
      {
        language: analysis.language,
        sentiment: analysis.sentiment,
        topics,
        entities: analysis.entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
      },
      200,
    );
  });
}

const neutral = { score: 0, label: 'neutral' as const };

export function articleSummary(r: ArticleRecord) {
  return {
    id: r.id,
    key: r.key,
    title: r.title ?? null,
    source: r.source ?? null,
    url: r.url ?? null,
    publishedAt: r.publishedAt ?? r.updatedAt,
    sentiment: r.sentiment ?? neutral,
    topics: { ...(r.topics ?? {}) },
  };
}

/** The record, with each topic's matches when the text could be read again (else why not). */
function articleDetail(r: ArticleRecord, shown: LocatedMentions | string) {
  const topics = Object.fromEntries(
    Object.entries(r.topics ?? {}).map(([id, t]) => [
      id,
      {
        ...t,
        matches:
          typeof shown === 'string'
            ? null
            : (shown.matches[id] ?? []).map((m) => ({
                text: shown.text.slice(m.start, m.end),
                start: m.start,
                end: m.end,
                sentence: shown.text.slice(m.sentence.start, m.sentence.end).trim(),
              })),
      },
    ]),
  );
  return {
    ...articleSummary(r),
    topics,
    evidence: typeof shown === 'string' ? shown : null,
    publishedAtAssumedZone: r.publishedAtAssumedZone ?? null,
    language: r.language ?? 'und',
    entities: (r.entities ?? []).map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
    bytes: r.bytes ?? null,
    fingerprint: r.fingerprint ?? null,
    cluster: r.copy?.cluster ?? null,
    updatedAt: r.updatedAt,
    analysis: r.analysis ?? null,
  };
}
