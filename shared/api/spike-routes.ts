import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { TrendStore } from '../ports.js';
import { DEFAULT_SPIKE_METHOD, SpikeMethod, topicSpikes } from '../trends/spikes.js';
import { isoSeconds } from '../trends/time.js';
import { parseRange } from '../trends/trend.js';
import { topicRouteProblems } from './problem.js';
import { RangeParams, TopicParams } from './schemas.js';
import { Spikes } from './spike-schemas.js';

export type SpikeRouteDeps = {
  readonly store: TrendStore;
  readonly now: () => number;
  /** The topic id if it is one of the configured topics; a NotFoundError otherwise. */
  readonly knownTopic: (id: string) => Promise<string>;
};

const SpikesQuery = z.object({
  ...RangeParams,
  granularity: z
    .enum(['day', 'hour'])
    .optional()
    .openapi({ description: 'day (default) or hour; at most 366 days or 744 hours.' }),
  threshold: SpikeMethod.shape.threshold
    .unwrap()
    .optional()
    .openapi({
      description: `The score a bucket must reach, in deviations above its baseline's mean (default ${DEFAULT_SPIKE_METHOD.threshold}).`,
      type: 'number',
    }),
  baselineDays: SpikeMethod.shape.baselineDays
    .unwrap()
    .optional()
    .openapi({
      description: `Days of baseline before each bucket, 7 to 56 (default ${DEFAULT_SPIKE_METHOD.baselineDays}).`,
      type: 'integer',
    }),
  minArticles: SpikeMethod.shape.minArticles
    .unwrap()
    .optional()
    .openapi({
      description: `Articles a bucket needs to be a spike at all (default ${DEFAULT_SPIKE_METHOD.minArticles}).`,
      type: 'integer',
    }),
});

const route = createRoute({
  method: 'get',
  path: '/topics/{id}/spikes',
  request: { params: TopicParams, query: SpikesQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: Spikes } },
      description:
        "Buckets where the topic's article count leaves its recent band: a z-score against the same " +
        'hour (or the days) of the trailing baseline, the deviation floored at the square root of the mean.',
    },
    ...topicRouteProblems(),
  },
});

/** GET /topics/{id}/spikes: where coverage of a topic jumped (docs/spikes.md). */
export function registerSpikeRoutes(app: OpenAPIHono, deps: SpikeRouteDeps): void {
  app.openapi(route, async (c) => {
    const topic = await deps.knownTopic(c.req.valid('param').id);
    const { threshold, baselineDays, minArticles, ...query } = c.req.valid('query');
    const range = parseRange(query, deps.now());
    const method = SpikeMethod.parse({ threshold, baselineDays, minArticles });
    const granularity = query.granularity ?? 'day';
    const spikes = await topicSpikes(deps.store, topic, { ...range, granularity }, method);
    return c.json(
      { topic, granularity, from: isoSeconds(range.from), to: isoSeconds(range.to), method, spikes },
      200,
    );
  });
}
