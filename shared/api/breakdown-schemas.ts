import { z } from '@hono/zod-openapi';

/**
 * The answer of GET /topics/{id}/breakdown (shared/api/breakdown-routes.ts). In a module of its
 * own, with nothing but zod, so the dashboard can infer its types from it (web/types.ts).
 */

export const BreakdownRow = z
  .object({
    value: z.string().openapi({
      description:
        'The outlet (the article\'s `source`) or the analysed language; "(unknown)" when the article has none.',
      example: 'Reuters',
    }),
    articles: z.number().int().openapi({ description: "The topic's articles with this value in the range." }),
    mentions: z.number().int().openapi({ description: 'Their mentions of the topic.' }),
    sentiment: z.object({
      mean: z
        .number()
        .nullable()
        .openapi({ description: 'Mean per-topic sentiment of these articles, in [-1, 1].' }),
    }),
  })
  .openapi('BreakdownRow');

export const Breakdown = z
  .object({
    topic: z.string(),
    by: z.enum(['source', 'language']),
    from: z.string().openapi({ description: 'Start of the first day counted.' }),
    to: z.string().openapi({ description: 'Start of the last day counted (the whole day is).' }),
    items: z.array(BreakdownRow),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('Breakdown');
