import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { Analyser } from '../analysis/analyse.js';
import { listArticles } from '../articles/list.js';
import { listUniqueArticles } from '../articles/unique-list.js';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../config.js';
import { topEntities } from '../entities/top.js';
import { BadParameterError, NotFoundError } from '../errors.js';
import { ALL_TOPIC } from '../ingest/contribution.js';
import type { ArticleFormats } from '../ingest/formats.js';
import type {
  ArticleReader,
  BreakdownReader,
  ClusterReader,
  ObjectSource,
  RejectionReader,
  TrendStore,
} from '../ports.js';
import type { RecountLog } from '../recount/job.js';
import type { LiveTopics } from '../topics/live.js';
import type { TopicFile } from '../topics/schema.js';
import { isoSeconds } from '../trends/time.js';
import { parseRange, parseTime, topicTrend, topicTrends } from '../trends/trend.js';
import { articleSummary, registerArticleRoutes } from './article-routes.js';
import { registerBreakdownRoutes } from './breakdown-routes.js';
import { csv, trendCsv } from './csv.js';
import { decodeCursor, encodeCursor, ListCursor, OffsetCursor, RejectionCursor } from './cursor.js';
import { dashboardRoutes } from './dashboard.js';
import { problem, problemOf, problemResponse } from './problem.js';
import { registerRecountRoutes } from './recount-routes.js';
import * as S from './schemas.js';
import { registerSpikeRoutes } from './spike-routes.js';
import { type RecountStarter, registerTopicRoutes } from './topic-routes.js';

export type ApiStore = TrendStore & ArticleReader & RejectionReader & BreakdownReader & ClusterReader;

export type ApiDeps = {
  readonly store: ApiStore;
  readonly topics: TopicFile;
  readonly now?: () => number;
  /** Origins allowed to call the API from a browser; none (same origin only) by default. */
  readonly corsOrigins?: readonly string[];
  /** The configured analyser (POST /analyse, matches); built from `topics` on first use when absent. */
  readonly analyser?: Analyser;
  /** Article size limit, for POST /analyse (default DEFAULT_MAX_ARTICLE_BYTES). */
  readonly maxArticleBytes?: number;
  /** The formats ingestion reads articles with, to read them again the same way. */
  readonly articleFormats?: ArticleFormats | undefined;
  /** Reads article objects again to show an article's text and matches; not shown without it. */
  readonly objects?: ObjectSource;
  /** Recounts of the archive (GET /recounts); the routes answer an empty list without it. */
  readonly recounts?: Pick<RecountLog, 'getRecount' | 'listRecounts' | 'getAnalysisState'>;
  /** Topics as run-time data (they replace `topics`): GET, PUT and DELETE /topics/{id}. */
  readonly liveTopics?: LiveTopics;
  /** Starts the recount a topic change needs; the write routes exist only with it and liveTopics. */
  readonly startRecount?: RecountStarter;
  /** Logs unexpected errors; the client only sees a generic 500. */
  readonly onError?: (err: unknown) => void;
};

const DEFAULT_LIMIT = 20;
const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const badRequest = { 400: problemResponse('A parameter is invalid; the problem names it.') };
const notFound = (what: string) => ({ 404: problemResponse(`No such ${what}.`) });

/** A topic series: JSON or CSV, a 400 naming the bad parameter, a 404 naming an unknown topic. */
const seriesResponses = (schema: z.ZodType, description: string) => ({
  200: { content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } }, description },
  ...badRequest,
  ...notFound('topic'),
});

const routes = {
  health: createRoute({
    method: 'get',
    path: '/health',
    responses: { 200: json(S.Health, 'The API is up.') },
  }),
  trend: createRoute({
    method: 'get',
    path: '/topics/{id}/trend',
    request: {
      params: z.object({ id: z.string().max(100).openapi({ example: 'kherson' }) }),
      query: S.TrendQuery,
    },
    responses: seriesResponses(S.Trend, 'Zero-filled buckets of the topic over the range.'),
  }),
  trends: createRoute({
    method: 'get',
    path: '/trends',
    request: { query: S.TrendsQuery },
    responses: seriesResponses(S.Trends, 'One series of buckets per topic.'),
  }),
  articles: createRoute({
    method: 'get',
    path: '/articles',
    request: { query: S.ArticleQuery },
    responses: { 200: json(S.ArticleList, 'Articles, newest first.'), ...badRequest, ...notFound('topic') },
  }),
  entities: createRoute({
    method: 'get',
    path: '/entities',
    request: { query: S.EntityQuery },
    responses: { 200: json(S.EntityList, 'Entities of the range, most mentioned first.'), ...badRequest },
  }),
  rejections: createRoute({
    method: 'get',
    path: '/rejections',
    request: { query: S.PageQuery },
    responses: { 200: json(S.RejectionList, 'Rejected objects, newest first.'), ...badRequest },
  }),
};

/** The HTTP API: one Hono app, served by Lambda and by the local stack alike. */
export function createApp(deps: ApiDeps) {
  const now = deps.now ?? Date.now;
  const currentTopics = async () =>
    deps.liveTopics ? (await deps.liveTopics.current()).topics : deps.topics;
  const topicIdsNow = async () => (await currentTopics()).topics.map((t) => t.id);
  const knownTopic = async (id: string) => {
    if (!(await topicIdsNow()).includes(id))
      throw new NotFoundError(`no topic "${id}"; GET /topics lists them`);
    return id;
  };

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      // A query or path parameter by name; a field of a JSON body by its path (topics.0.terms).
      const path = result.target === 'json' ? issue?.path.join('.') : issue?.path[0];
      const parameter = String(path || (result.target === 'json' ? 'body' : 'request'));
      // A repeated query parameter (?limit=1&limit=2) arrives as an array: say so, not "NaN".
      const repeated = (c.req.queries(parameter)?.length ?? 0) > 1;
      return problem(
        c,
        400,
        `${parameter}: ${repeated ? 'is given more than once' : issue?.message}`,
        parameter,
      );
    },
  });

  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    app.use(
      '*',
      cors({
        origin: [...deps.corsOrigins],
        allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
        maxAge: 600,
      }),
    );
  }
  app.use('*', compress());
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.has('cache-control')) return;
    const cacheable = c.req.method === 'GET' && c.res.status === 200 && c.req.path !== '/health';
    c.res.headers.set('cache-control', cacheable ? 'public, max-age=60' : 'no-store');
  });

  app.openapi(routes.health, (c) => c.json({ status: 'ok' as const }, 200));

  registerTopicRoutes(app, {
    topics: currentTopics,
    totals: (id) => deps.store.totals(id),
    recounts: deps.recounts,
    live: deps.liveTopics,
    startRecount: deps.startRecount,
    now,
  });

  app.openapi(routes.trend, async (c) => {
    const id = await knownTopic(c.req.valid('param').id);
    const query = c.req.valid('query');
    const range = parseRange(query, now());
    const buckets = await topicTrend(deps.store, id, range);
    if (query.format === 'csv') return csv(c, trendCsv([{ topic: id, buckets }]));
    return c.json({ topic: id, granularity: range.granularity, ...rangeOut(range), buckets }, 200);
  });

  app.openapi(routes.trends, async (c) => {
    const query = c.req.valid('query');
    const ids =
      query.topics === undefined
        ? await topicIdsNow()
        : [...new Set(query.topics.split(',').map((t) => t.trim()))];
    if (ids.length === 0 || ids.some((t) => t === '')) {
      throw new BadParameterError('topics', 'must be comma-separated topic ids, e.g. kherson,negotiations');
    }
    for (const id of ids) await knownTopic(id);
    const range = parseRange(query, now());
    const trends = await topicTrends(deps.store, ids, range);
    const series = ids.map((topic, i) => ({ topic, buckets: trends[i] ?? [] }));
    if (query.format === 'csv') return csv(c, trendCsv(series));
    return c.json({ granularity: range.granularity, ...rangeOut(range), series }, 200);
  });

  app.openapi(routes.articles, async (c) => {
    const query = c.req.valid('query');
    const topic = query.topic === undefined ? ALL_TOPIC : await knownTopic(query.topic);
    const from = query.from === undefined ? undefined : parseTime(query.from, 'from', 'start');
    const to = query.to === undefined ? undefined : parseTime(query.to, 'to', 'end');
    if (from !== undefined && to !== undefined && from > to)
      throw new BadParameterError('from', 'is after to');
    const unique = query.unique === 'true';
    if (unique && topic === ALL_TOPIC)
      throw new BadParameterError('unique', 'unique=true lists one article per story of a topic: give topic');
    const cursorQuery = { route: 'articles', topic, from, to, ...(unique ? { unique } : {}) };
    const position = query.cursor ? decodeCursor(query.cursor, cursorQuery, ListCursor).p : undefined;
    const page = await (unique ? listUniqueArticles : listArticles)(deps.store, {
      topic,
      from,
      to,
      limit: query.limit ?? DEFAULT_LIMIT,
      position: position ? { month: position[0], after: position[1] } : undefined,
    });
    const nextCursor = page.next
      ? encodeCursor({ p: [page.next.month, page.next.after] }, cursorQuery)
      : null;
    return c.json({ items: page.items.map(articleSummary), nextCursor }, 200);
  });

  let analyser: Analyser | undefined;
  registerArticleRoutes(app, {
    store: deps.store,
    // Built on first use: a cold start that serves trends never pays for the analyser.
    analyser: async () => {
      if (deps.liveTopics) return (await deps.liveTopics.analyser()).analyser;
      analyser ??= deps.analyser ?? new Analyser(deps.topics);
      return analyser;
    },
    maxArticleBytes: deps.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES,
    formats: deps.articleFormats,
    objects: deps.objects,
  });

  registerSpikeRoutes(app, { store: deps.store, now, knownTopic });
  registerBreakdownRoutes(app, { store: deps.store, now, knownTopic });

  registerRecountRoutes(app, {
    recounts: deps.recounts ?? {
      getRecount: async () => undefined,
      listRecounts: async () => ({ items: [], next: undefined }),
    },
    now,
  });

  app.openapi(routes.entities, async (c) => {
    const query = c.req.valid('query');
    const range = parseRange({ from: query.from, to: query.to, granularity: 'day' }, now());
    const cursorQuery = { route: 'entities', type: query.type, ...rangeOut(range) };
    const offset = query.cursor ? decodeCursor(query.cursor, cursorQuery, OffsetCursor).o : 0;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const all = await topEntities(deps.store, range, query.type);
    const entities = all.slice(offset, offset + limit);
    const nextCursor = offset + limit < all.length ? encodeCursor({ o: offset + limit }, cursorQuery) : null;
    return c.json({ entities, nextCursor }, 200);
  });

  app.openapi(routes.rejections, async (c) => {
    const query = c.req.valid('query');
    const cursorQuery = { route: 'rejections' };
    const after = query.cursor ? decodeCursor(query.cursor, cursorQuery, RejectionCursor).a : undefined;
    const page = await deps.store.listRejections(query.limit ?? DEFAULT_LIMIT, after);
    const nextCursor = page.next ? encodeCursor({ a: page.next }, cursorQuery) : null;
    return c.json({ items: page.items, nextCursor }, 200);
  });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'trendwire',
      version: '1',
      description:
        'Per-topic trends of news coverage: articles, mentions, share of voice and sentiment. ' +
        'Errors are RFC 9457 problem details (application/problem+json).',
    },
  });

  app.route('/', dashboardRoutes());
  app.notFound((c) => problem(c, 404, `no route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => problemOf(err, c, deps.onError));
  return app;
}

const rangeOut = (range: { from: number; to: number }) => ({
  from: isoSeconds(range.from),
  to: isoSeconds(range.to),
});
