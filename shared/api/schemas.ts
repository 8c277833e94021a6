import { z } from '@hono/zod-openapi';
import { EntityType, SentimentLabel } from '../analysis/data-schemas.js';
import { MAX_TOPICS, TopicDefinition, uniqueTopicIds } from '../topics/schema.js';
import { TREND_GRANULARITIES } from '../trends/periods.js';

/** Response and query schemas of the HTTP API: they validate requests and generate /openapi.json. */

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');

export const TopicSummary = z
  .object({
    id: z.string().openapi({ example: 'kherson' }),
    label: z.string().openapi({ example: 'Kherson' }),
    articles: z.number().int(),
    mentions: z.number().int(),
    complete: z.boolean().openapi({
      description:
        'false while a recount after this topic was added or changed is still running: its history is partial',
    }),
  })
  .openapi('TopicSummary');
export const TopicList = z
  .object({
    topics: z.array(TopicSummary),
    recount: z
      .object({ id: z.string(), status: z.string(), processed: z.number().int(), total: z.number().int() })
      .nullable()
      .openapi({ description: 'The newest recount, if one is running.' }),
  })
  .openapi('TopicList');

export const Bucket = z
  .object({
    start: z.string().openapi({ example: '2022-11-10T00:00:00Z' }),
    articles: z.number().int(),
    mentions: z.number().int(),
    share: z.number().nullable().openapi({
      description: "The topic's articles over all articles of the bucket; null when it has none.",
    }),
    unique: z.number().int().openapi({
      description:
        "Distinct stories among the bucket's articles: syndicated copies of one story (one copy cluster) count once. A week's or month's unique counts each story once in that period, so it is not the sum of its days'. Counts articles ingested or recounted since unique counts were added (contribution rules 3).",
    }),
    sentiment: z.object({
      mean: z
        .number()
        .nullable()
        .openapi({ description: 'Mean per-topic sentiment in [-1, 1]; null when empty.' }),
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
    }),
  })
  .openapi('TrendBucket');

export const Trend = z
  .object({
    topic: z.string(),
    granularity: z.enum(TREND_GRANULARITIES),
    from: z.string(),
    to: z.string(),
    buckets: z.array(Bucket),
  })
  .openapi('Trend');

export const Trends = z
  .object({
    granularity: z.enum(TREND_GRANULARITIES),
    from: z.string(),
    to: z.string(),
    series: z.array(z.object({ topic: z.string(), buckets: z.array(Bucket) })),
  })
  .openapi('Trends');

const Sentiment = z.object({ score: z.number().min(-1).max(1), label: SentimentLabel }).openapi('Sentiment');

export const ArticleSummary = z
  .object({
    id: z.string(),
    key: z.string().openapi({ description: 'The S3 object key of the article.' }),
    title: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string(),
    sentiment: Sentiment,
    topics: z.record(z.string(), z.object({ mentions: z.number().int(), sentiment: Sentiment })),
  })
  .openapi('ArticleSummary');

const offsets = {
  start: z.number().int().openapi({ description: 'Offset of the first character (UTF-16 code units).' }),
  end: z.number().int().openapi({ description: 'Offset after the last character.' }),
};

export const ArticleMatch = z
  .object({
    text: z.string(),
    ...offsets,
    sentence: z.string().openapi({ description: 'The sentence that holds the match.' }),
  })
  .openapi('ArticleMatch');

export const ArticleDetail = ArticleSummary.extend({
  topics: z.record(
    z.string(),
    z.object({
      mentions: z.number().int(),
      sentiment: Sentiment,
      matches: z.array(ArticleMatch).nullable().openapi({
        description:
          'Each counted mention, as offsets into GET /articles/{id}/text; null when the text cannot be shown (see evidence).',
      }),
    }),
  ),
  evidence: z.string().nullable().openapi({
    description:
      'Why matches are null (the object is gone or changed since it was analysed); null when they are shown.',
  }),
  publishedAtAssumedZone: z.string().nullable().openapi({
    description:
      'The time zone publishedAt was read in because the article gave a time without one (the configured default zone); null when the article gave its zone, or no time.',
  }),
  language: z.string(),
  entities: z.array(z.object({ name: z.string(), type: EntityType, mentions: z.number().int() })),
  bytes: z.number().int().nullable(),
  fingerprint: z.string().nullable().openapi({ description: 'SHA-256 of the normalised body.' }),
  cluster: z.string().nullable().openapi({
    description:
      'Its cluster of syndicated copies: the id of the article that founded it (its own id when no earlier copy was found); null for an article analysed before copies were detected, until the next recount.',
  }),
  clusterSize: z.number().int().nullable().openapi({
    description:
      'How many articles of its cluster are found through its copy-index keys within 7 days of it, itself included (a copy that shares none of its keys is not counted); null when it has no cluster.',
  }),
  copies: z.array(z.object({ id: z.string(), publishedAt: z.string() })).openapi({
    description: 'Those other articles of its cluster, newest first.',
  }),
  updatedAt: z.string(),
  analysis: z
    .string()
    .nullable()
    .openapi({ description: 'The analysis that made the record: analyser revision, data and topic set.' }),
}).openapi('Article');

const nextCursor = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` for the next page; null on the last.' });

export const ArticleList = z.object({ items: z.array(ArticleSummary), nextCursor }).openapi('ArticleList');

export const EntityList = z
  .object({
    entities: z.array(
      z.object({
        name: z.string(),
        type: EntityType,
        articles: z.number().int(),
        mentions: z.number().int(),
      }),
    ),
    nextCursor,
  })
  .openapi('EntityList');

export const RejectionList = z
  .object({ items: z.array(z.object({ key: z.string(), reason: z.string(), at: z.string() })), nextCursor })
  .openapi('RejectionList');

export const Recount = z
  .object({
    id: z.string(),
    reason: z.string().openapi({ example: 'topics changed (added grain)' }),
    status: z.enum(['running', 'done', 'failed']),
    analysis: z.string().openapi({ description: 'The analysis version it brings every article to.' }),
    total: z.number().int().openapi({ description: 'Keys listed so far (final once the listing is read).' }),
    processed: z.number().int(),
    recounted: z.number().int().openapi({ description: 'Keys analysed again (the others were current).' }),
    failed: z.number().int(),
    startedAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
    error: z.string().optional(),
  })
  .openapi('Recount');

export const RecountList = z.object({ items: z.array(Recount), nextCursor }).openapi('RecountList');

const from = z.string().optional().openapi({
  description: 'Inclusive start: a date (2022-11-10) or a date-time with a zone.',
  example: '2022-11-01',
});
const to = z
  .string()
  .optional()
  .openapi({ description: 'Inclusive end: a date or a date-time.', example: '2022-11-30' });
const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: 'Page size, 1 to 100 (default 20).', type: 'integer' });
/** The path of a route under /topics/{id}. */
export const TopicParams = z.object({ id: z.string().max(100).openapi({ example: 'kherson' }) });
/** The inclusive ends of a range, as every ranged route takes them. */
export const RangeParams = { from, to };
const cursor = z
  .string()
  .max(2000)
  .optional()
  .openapi({ description: 'The nextCursor of the previous page.' });

export const TrendQuery = z.object({
  from,
  to,
  granularity: z.enum(TREND_GRANULARITIES).optional().openapi({
    description:
      'Bucket size (default day): day, hour, week (ISO weeks, Monday 00:00 UTC) or month (calendar months, UTC). At most 366 days, 744 hours, 262 weeks or 240 months.',
  }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (default) or csv.' }),
});

export const TrendsQuery = TrendQuery.extend({
  topics: z.string().max(1000).optional().openapi({
    description: 'Comma-separated topic ids (default: every topic).',
    example: 'kherson,negotiations',
  }),
});

export const ArticleQuery = z.object({
  topic: z.string().max(100).optional().openapi({ description: 'Only articles that mention this topic.' }),
  unique: z.enum(['true', 'false']).optional().openapi({
    description:
      'true: one article per story (copy cluster), its newest in the range; needs topic. The count of such articles in a bucket is its `unique`.',
  }),
  from,
  to,
  limit,
  cursor,
});

export const EntityQuery = z.object({
  from,
  to,
  type: EntityType.optional(),
  limit,
  cursor,
});

export const PageQuery = z.object({ limit, cursor });

const Entity = z.object({ name: z.string(), type: EntityType, mentions: z.number().int() });

export const AnalyseRequest = z
  .object({
    text: z
      .string()
      .refine((t) => t.trim() !== '', 'must not be empty')
      .openapi({
        description:
          'The article body, as an article object would hold it (the size limit of articles applies).',
      }),
    title: z
      .string()
      .max(1000)
      .optional()
      .openapi({ description: 'The headline: read for tone, never counted.' }),
    language: z.string().max(35).optional().openapi({ description: 'ISO 639-1 code; detected when absent.' }),
    topics: z
      .array(TopicDefinition)
      .min(1)
      .max(MAX_TOPICS)
      .superRefine((topics, ctx) => uniqueTopicIds(topics, ctx))
      .optional()
      .openapi({
        description: "Topic definitions in the topic file's schema; the configured topics when absent.",
      }),
  })
  .openapi('AnalyseRequest');

export const AnalyseResponse = z
  .object({
    language: z.string(),
    sentiment: Sentiment,
    topics: z.record(
      z.string(),
      z.object({
        mentions: z.number().int(),
        sentiment: Sentiment,
        matches: z.array(z.object({ text: z.string(), ...offsets })).openapi({
          description: "Each counted mention, as offsets into the request's text.",
        }),
      }),
    ),
    entities: z.array(Entity),
  })
  .openapi('Analysis');
