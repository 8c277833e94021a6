import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { BadParameterError, NotFoundError } from '../errors.js';
import type { TrendStore } from '../ports.js';
import { observedStatus, type RecountLog } from '../recount/job.js';
import { canonicalJson } from '../topics/canonical.js';
import { type LiveTopics, withoutTopic, withTopic } from '../topics/live.js';
import { TopicDefinition, type TopicFile, TopicId } from '../topics/schema.js';
import { problemResponse } from './problem.js';
import * as S from './schemas.js';

/** Starts the recount a topic change needs (locally in-process; on AWS a state machine). */
export type RecountStarter = (reason: string) => Promise<{ id: string; status: string }>;

export type TopicRouteDeps = {
  /** The topic set in force. */
  readonly topics: () => Promise<TopicFile>;
  readonly totals: TrendStore['totals'];
  /** Recounts and the analysis state: which topics' histories are complete. */
  readonly recounts?: Pick<RecountLog, 'getAnalysisState' | 'listRecounts'> | undefined;
  /** Topics as run-time data: PUT and DELETE /topics/{id} exist only with both. */
  readonly live?: LiveTopics | undefined;
  readonly startRecount?: RecountStarter | undefined;
  readonly now: () => number;
};

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const params = z.object({ id: TopicId });

const StoredTopic = z
  .object({
    definition: TopicDefinition,
    version: z.number().int().openapi({ description: 'The version of the topic set that holds it.' }),
    updatedAt: z.string().nullable().openapi({ description: 'null for topics fixed at deploy time.' }),
  })
  .openapi('StoredTopic');

const TopicChange = z
  .object({
    topic: z.string(),
    version: z.number().int(),
    recount: z.object({ id: z.string(), status: z.string() }).nullable(),
  })
  .openapi('TopicChange');

const accepted = json(
  TopicChange,
  'The topic set changed; a recount gives every stored article the new counts (GET /recounts/{id}).',
);
const routes = {
  list: createRoute({
    method: 'get',
    path: '/topics',
    responses: {
      200: json(S.TopicList, 'The topics with their all-time article and mention counts.'),
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/topics/{id}',
    request: { params },
    responses: { 200: json(StoredTopic, 'The topic as stored.'), 404: problemResponse('No such topic.') },
  }),
  put: createRoute({
    method: 'put',
    path: '/topics/{id}',
    request: {
      params,
      body: { content: { 'application/json': { schema: TopicDefinition } }, required: true },
    },
    responses: {
      202: accepted,
      200: json(TopicChange, 'The topic was already stored with this definition: nothing to recount.'),
      400: problemResponse(
        'The definition is invalid, its id differs from the path, or there are too many topics.',
      ),
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/topics/{id}',
    request: { params },
    responses: {
      202: accepted,
      400: problemResponse('The topic is the only one.'),
      404: problemResponse('No such topic.'),
    },
  }),
};

/**
 * GET, PUT and DELETE /topics/{id}: topics as run-time data. A change raises the topic set's
 * version and starts a recount; until it is done, GET /topics marks the topics it changes.
 */
export function registerTopicRoutes(app: OpenAPIHono, deps: TopicRouteDeps): void {
  app.openapi(routes.list, async (c) => {
    const [file, state, newest] = await Promise.all([
      deps.topics(),
      deps.recounts?.getAnalysisState(),
      deps.recounts?.listRecounts(1, undefined),
    ]);
    // A topic's history is complete once a recount finished with its present definition.
    const counted = new Set((state?.topics.topics ?? []).map((t) => canonicalJson(t)));
    const topics = await Promise.all(
      file.topics.map(async (t) => ({
        id: t.id,
        label: t.label,
        ...(await deps.totals(t.id)),
        complete: !state || counted.has(canonicalJson(t)),
      })),
    );
    const latest = newest?.items[0] && observedStatus(newest.items[0], deps.now());
    const recount =
      latest?.status === 'running'
        ? { id: latest.id, status: latest.status, processed: latest.processed, total: latest.total }
        : null;
    return c.json({ topics, recount }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid('param');
    const stored = await deps.live?.current();
    const definition = (stored?.topics ?? (await deps.topics())).topics.find((t) => t.id === id);
    if (!definition) throw new NotFoundError(`no topic "${id}"; GET /topics lists them`);
    const updatedAt = stored ? (stored.updated[id] ?? stored.updatedAt) : null;
    return c.json({ definition, version: stored?.version ?? 1, updatedAt }, 200);
  });

  const { live, startRecount } = deps;
  if (!live || !startRecount) return;
  const change = async (reason: string, touched: string[], f: Parameters<LiveTopics['update']>[0]) => {
    const done = await live.update(f, touched, new Date(deps.now()).toISOString());
    if (!done) return undefined;
    return { version: done.after.version, recount: await startRecount(reason) };
  };

  app.openapi(routes.put, async (c) => {
    const { id } = c.req.valid('param');
    const definition = c.req.valid('json');
    if (definition.id !== id)
      throw new BadParameterError('id', `is "${definition.id}", but the path says "${id}"`);
    const existed = (await live.current()).topics.topics.some((t) => t.id === id);
    const done = await change(`topic ${id} ${existed ? 'replaced' : 'added'}`, [id], (file) =>
      withTopic(file, definition),
    );
    if (!done) return c.json({ topic: id, version: (await live.current()).version, recount: null }, 200);
    return c.json({ topic: id, ...done }, 202);
  });

  app.openapi(routes.delete, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await live.current()).topics.topics.some((t) => t.id === id))
      throw new NotFoundError(`no topic "${id}"; GET /topics lists them`);
    const done = await change(`topic ${id} deleted`, [], (file) => withoutTopic(file, id));
    if (!done) throw new NotFoundError(`no topic "${id}"; GET /topics lists them`);
    return c.json({ topic: id, ...done }, 202);
  });
}
