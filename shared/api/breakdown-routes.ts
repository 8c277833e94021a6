import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { BreakdownReader } from '../ports.js';
import { BREAKDOWN_BY, type BreakdownBy, topicBreakdown } from '../trends/breakdown.js';
import { isoSeconds } from '../trends/time.js';
import { parseRange } from '../trends/trend.js';
import { Breakdown } from './breakdown-schemas.js';
import { breakdownCsv, csv } from './csv.js';
import { decodeCursor, encodeCursor, OffsetCursor } from './cursor.js';
import { topicRouteProblems } from './problem.js';
import { PageQuery, RangeParams, TopicParams } from './schemas.js';

export type BreakdownRouteDeps = {
  readonly store: BreakdownReader;
  readonly now: () => number;
  /** The topic id if it is one of the configured topics; a NotFoundError otherwise. */
  readonly knownTopic: (id: string) => Promise<string>;
};

const DEFAULT_LIMIT = 20;

const BreakdownQuery = z.object({
  by: z
    .enum(Object.keys(BREAKDOWN_BY) as [BreakdownBy, ...BreakdownBy[]])
    .openapi({ description: "source (the article's outlet) or language (the analysed language)." }),
  ...RangeParams,
  ...PageQuery.shape,
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'json (default) or csv: every value of the range, limit and cursor aside.' }),
});

/** The 200: JSON by default, CSV with format=csv. */
const BREAKDOWN_OK = {
  content: { 'application/json': { schema: Breakdown }, 'text/csv': { schema: z.string() } },
  description:
    "The topic's articles, mentions and mean sentiment per outlet or language over whole days " +
    '(UTC, at most 366), most articles first (then by value).',
};

const route = createRoute({
  method: 'get',
  path: '/topics/{id}/breakdown',
  request: { params: TopicParams, query: BreakdownQuery },
  responses: { 200: BREAKDOWN_OK, ...topicRouteProblems() },
});

/** GET /topics/{id}/breakdown: a topic by outlet or by language (shared/trends/breakdown.ts). */
export function registerBreakdownRoutes(app: OpenAPIHono, deps: BreakdownRouteDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const topic = await deps.knownTopic(id);
    const query = c.req.valid('query');
    const range = parseRange({ from: query.from, to: query.to, granularity: 'day' }, deps.now());
    const out = { topic, by: query.by, from: isoSeconds(range.from), to: isoSeconds(range.to) };
    const cursorQuery = { route: 'breakdown', ...out };
    const offset = query.cursor ? decodeCursor(query.cursor, cursorQuery, OffsetCursor).o : 0;
    const all = await topicBreakdown(deps.store, topic, query.by, range);
    if (query.format === 'csv') return csv(c, breakdownCsv(out, all));
    const limit = query.limit ?? DEFAULT_LIMIT;
    const nextCursor = offset + limit < all.length ? encodeCursor({ o: offset + limit }, cursorQuery) : null;
    return c.json({ ...out, items: all.slice(offset, offset + limit), nextCursor }, 200);
  });
}
