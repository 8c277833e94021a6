import { z } from 'zod';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../shared/config.js';

/**
 * Deployment settings, from CDK context (`cdk deploy -c stage=prod -c alarmEmail=ops@example.org`)
 * or the `trendwire` object in cdk.json. Validated: a typo fails the synth with the key named.
 */
export const StackConfig = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/)
    .default('dev'),
  /** Largest article object ingested; larger ones are rejections. */
  maxArticleBytes: z.coerce.number().int().positive().default(DEFAULT_MAX_ARTICLE_BYTES),
  /** SQS → ingest batching. */
  batchSize: z.coerce.number().int().min(1).max(100).default(10),
  maxBatchingWindowSeconds: z.coerce.number().int().min(0).max(300).default(1),
  /** Concurrent ingest invocations at most: keeps DynamoDB counter items from a thundering herd. */
  maxConcurrency: z.coerce.number().int().min(2).max(1000).default(5),
  /** Deliveries before a message goes to the dead-letter queue. */
  maxReceiveCount: z.coerce.number().int().min(1).max(100).default(5),
  /** HTTP API default-route throttling. */
  apiRateLimit: z.coerce.number().int().positive().default(50),
  apiBurstLimit: z.coerce.number().int().positive().default(100),
  alarmEmail: z.email().optional(),
});
export type StackConfig = z.infer<typeof StackConfig>;

/** Stages whose data must survive a `cdk destroy`. */
export const isProductionStage = (stage: string) => stage === 'prod' || stage === 'production';

export function configFromContext(get: (key: string) => unknown, fileConfig: unknown): StackConfig {
  const fromFile = (fileConfig ?? {}) as Record<string, unknown>;
  const keys = Object.keys(StackConfig.shape);
  const fromContext = Object.fromEntries(keys.map((k) => [k, get(k)]).filter(([, v]) => v !== undefined));
  const parsed = StackConfig.safeParse({ ...fromFile, ...fromContext });
  if (!parsed.success) throw new Error(`invalid trendwire configuration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
