import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { BadParameterError, NotFoundError } from '../errors.js';
import type { TopicFile } from '../topics/schema.js';
import { isoSeconds } from '../trends/time.js';
import { parseRange, type TrendBucket, type TrendStore, topicTrend } from '../trends/trend.js';
import { problem, problemResponse } from './problem.js';

export type ApiDeps = {
  readonly store: TrendStore;
  readonly topics: TopicFile;
  readonly now?: () => number;
  /** Logs unexpected errors; the client only sees a generic 500. */
  readonly onError?: (err: unknown) => void;
};

const Health = z.object({ status: z.literal('ok') }).openapi('Health');

const TopicSummary = z
  .object({
    id: z.string().openapi({ example: 'kherson' }),
    label: z.string().openapi({ example: 'Kherson' }),
    articles: z.number().int(),
    mentions: z.number().int(),
  })
  .openapi('TopicSummary');

const Bucket = z
  .object({
    start: z.string().openapi({ example: '2022-11-10T00:00:00Z' }),
    articles: z.number().int(),
    mentions: z.number().int(),
    share: z
      .number()
      .nullable()
      .openapi({ description: "The topic's articles over all articles of the bucket." }),
    sentiment: z.object({
      mean: z.number().nullable(),
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
    }),
  })
  .openapi('TrendBucket');

const Trend = z
  .object({
    topic: z.string(),
    granularity: z.enum(['day', 'hour']),
    from: z.string(),
    to: z.string(),
    buckets: z.array(Bucket),
  })
  .openapi('Trend');

const TrendQuery = z.object({
  from: z
    .string()
    .optional()
    .openapi({ description: 'Inclusive start: a date or a date-time (UTC).', example: '2022-11-01' }),
  to: z
    .string()
    .optional()
    .openapi({ description: 'Inclusive end: a date or a date-time.', example: '2022-11-30' }),
  granularity: z.enum(['day', 'hour']).optional().openapi({ description: 'Bucket size (default day).' }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (default) or csv.' }),
});

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  responses: { 200: { content: { 'application/json': { schema: Health } }, description: 'The API is up.' } },
});

const topicsRoute = createRoute({
  method: 'get',
  path: '/topics',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ topics: z.array(TopicSummary) }) } },
      description: 'The configured topics with their all-time article and mention counts.',
    },
  },
});

const trendRoute = createRoute({
  method: 'get',
  path: '/topics/{id}/trend',
  request: {
    params: z.object({ id: z.string().max(100).openapi({ example: 'kherson' }) }),
    query: TrendQuery,
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: Trend },
        'text/csv': { schema: z.string() },
      },
      description: 'Zero-filled buckets of the topic over the range.',
    },
    400: problemResponse('A parameter is invalid.'),
    404: problemResponse('No such topic.'),
  },
});

/** The HTTP API: one Hono app, served by Lambda and by the local stack alike. */
export function createApp(deps: ApiDeps) {
  const now = deps.now ?? Date.now;
  const topicById = new Map(deps.topics.topics.map((t) => [t.id, t]));

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const parameter = String(issue?.path[0] ?? 'request');
      const why =
        issue?.code === 'invalid_type' && issue.message.includes('array')
          ? 'is given more than once'
          : issue?.message;
      return problem(c, 400, `${parameter}: ${why ?? 'invalid'}`, parameter);
    },
  });

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));

  app.openapi(topicsRoute, async (c) => {
    const topics = await Promise.all(
      deps.topics.topics.map(async (t) => ({ id: t.id, label: t.label, ...(await deps.store.totals(t.id)) })),
    );
    return c.json({ topics }, 200);
  });

  app.openapi(trendRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    if (!topicById.has(id)) throw new NotFoundError(`no topic "${id}"; GET /topics lists them`);
    const range = parseRange(query, now());
    const buckets = await topicTrend(deps.store, id, range);
    const body = {
      topic: id,
      granularity: range.granularity,
      from: isoSeconds(range.from),
      to: isoSeconds(range.to),
      buckets,
    };
    if (query.format === 'csv') {
      return c.body(trendCsv(buckets), 200, { 'content-type': 'text/csv; charset=utf-8' });
    }
    return c.json(body, 200);
  });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'trendwire',
      version: '1',
      description: 'Per-topic trends of news coverage: articles, mentions, share of voice and sentiment.',
    },
  });

  app.notFound((c) => problem(c, 404, `no route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((err, c) => {
    if (err instanceof BadParameterError)
      return problem(c, 400, `${err.parameter}: ${err.message}`, err.parameter);
    if (err instanceof NotFoundError) return problem(c, 404, err.message);
    deps.onError?.(err);
    return problem(c, 500, 'the request could not be completed; it has been logged');
  });
  return app;
}

function trendCsv(buckets: readonly TrendBucket[]): string {
  const header = 'start,articles,mentions,share,sentiment_mean,positive,neutral,negative';
  const rows = buckets.map((b) =>
    [
      b.start,
      b.articles,
      b.mentions,
      b.share ?? '',
      b.sentiment.mean ?? '',
      b.sentiment.positive,
      b.sentiment.neutral,
      b.sentiment.negative,
    ].join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}
