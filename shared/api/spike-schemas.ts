import { z } from '@hono/zod-openapi';

/**
 * The answer of GET /topics/{id}/spikes (shared/api/spike-routes.ts). In a module of its own, with
 * nothing but zod, so the dashboard can infer its types from it (web/types.ts) without reading the
 * domain behind the route.
 */

export const Spike = z
  .object({
    start: z.string(),
    value: z.number().int().openapi({ description: "The topic's articles in the bucket." }),
    mean: z.number().openapi({ description: "The baseline's mean." }),
    deviation: z.number().openapi({ description: 'The deviation the score divides by, after its floors.' }),
    score: z.number().openapi({ description: '(value - mean) / deviation.' }),
  })
  .openapi('Spike');

export const Spikes = z
  .object({
    topic: z.string(),
    granularity: z.enum(['day', 'hour']),
    from: z.string(),
    to: z.string(),
    method: z.object({
      baselineDays: z.number().int(),
      threshold: z.number(),
      minArticles: z.number().int(),
      minDeviation: z.number(),
    }),
    spikes: z.array(Spike),
  })
  .openapi('Spikes');
