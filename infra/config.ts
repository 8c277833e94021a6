import * as z from 'zod';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../shared/config.js';
import { DEFAULT_ARTICLE_SUFFIXES, SUFFIX_KINDS, timeZoneName } from '../shared/ingest/formats.js';
import { SpikeMethod } from '../shared/trends/spikes.js';

/** `-c key=a,b` arrives as one string; the cdk.json object may hold a real array. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : v,
    z.array(item),
  );

/** A browser origin: scheme, host and optional port, nothing after. `*` allows any origin. */
const Origin = z.union([
  z.literal('*'),
  z.string().regex(/^https?:\/\/[^/\s?#]+$/, 'an origin: https://host[:port]'),
]);

/** An S3 key prefix or suffix for the event notifications (no wildcards: S3 filters are literal). */
const KeyFilter = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[^*]*$/, 'S3 key filters are literal: no *');

/**
 * Deployment settings, from CDK context (`cdk deploy -c stage=prod -c alarmEmail=ops@example.org`)
 * or the `trendwire` object in cdk.json. Validated (strictly: an unknown key in cdk.json is an error),
 * so a typo fails the synth with the key named.
 */
export const StackConfig = z
  .strictObject({
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,19}$/)
      .default('dev'),
    /**
     * JSON topic file (see shared/topics/schema.ts), relative to the directory `cdk` runs in.
     * Validated at synth and bundled into both functions. Default: the shipped topics.
     */
    topicFile: z.string().min(1).optional(),
    /** Largest article object ingested; larger ones are rejections. */
    maxArticleBytes: z.coerce.number().int().positive().default(DEFAULT_MAX_ARTICLE_BYTES),
    /**
     * Key suffixes read as articles (`-c articleSuffixes=.txt,.json,.html`); a key may add `.gz`.
     * Default: .txt, .text, .json, .html, .htm (.md is off: a swept-up README became an article).
     */
    articleSuffixes: list(
      z.string().refine((s) => Object.hasOwn(SUFFIX_KINDS, s.startsWith('.') ? s : `.${s}`), {
        message: `an article suffix: one of ${Object.keys(SUFFIX_KINDS).join(', ')}`,
      }),
    )
      .refine((l) => l.length > 0, 'at least one suffix')
      .default([...DEFAULT_ARTICLE_SUFFIXES]),
    /** IANA zone in which an article's date-time without a zone is read (`-c defaultTimezone=Europe/Kyiv`). */
    defaultTimezone: z
      .string()
      .refine(
        (zone) => {
          try {
            timeZoneName(zone, 'defaultTimezone');
            return true;
          } catch {
            return false;
          }
        },
        { message: 'an IANA time zone name (e.g. UTC, Europe/Kyiv, America/New_York)' },
      )
      .default('UTC'),
    /** SQS → ingest batching. */
    batchSize: z.coerce.number().int().min(1).max(100).default(10),
    maxBatchingWindowSeconds: z.coerce.number().int().min(0).max(300).default(1),
    /** Concurrent ingest invocations at most: keeps DynamoDB counter items from a thundering herd. */
    maxConcurrency: z.coerce.number().int().min(2).max(1000).default(5),
    /**
     * Items each topic's counters are spread over. One topic-day item takes ~500 transactional
     * updates/s; raise this for hotter topics. Both functions get the same value; only ever raise it.
     */
    counterShards: z.coerce.number().int().min(1).max(32).default(1),
    /**
     * Recounts (after a topic or analyser change): batches of keys recounted at once by the state
     * machine's Distributed Map, and the share of failed batches it tolerates before it stops.
     */
    recountConcurrency: z.coerce.number().int().min(1).max(1000).default(5),
    recountToleratedFailurePercent: z.coerce.number().min(0).max(100).default(0),
    /** Deliveries before a message goes to the dead-letter queue. */
    maxReceiveCount: z.coerce.number().int().min(1).max(100).default(5),
    /** Only objects whose keys start / end with these raise events (and only those the ingest role may read). */
    articlePrefix: KeyFilter.optional(),
    articleSuffix: KeyFilter.optional(),
    /** HTTP API default-route throttling. */
    apiRateLimit: z.coerce.number().int().positive().default(50),
    apiBurstLimit: z.coerce.number().int().positive().default(100),
    /**
     * Who may call the API: `none` (the public read API), `iam` (SigV4-signed requests from
     * principals allowed `execute-api:Invoke`) or `jwt` (a bearer token from `jwtIssuer`).
     */
    authMode: z.enum(['none', 'iam', 'jwt']).default('none'),
    jwtIssuer: z.url({ protocol: /^https$/ }).optional(),
    jwtAudience: list(z.string().min(1)).default([]),
    /** Browser origins allowed to call the API (CORS). Empty: none, same-origin only. */
    corsAllowOrigins: list(Origin).default([]),
    alarmEmail: z.email().optional(),
    /**
     * Syndicated copies found and clustered at ingest (docs/how-it-works.md, "Copies"). Off
     * (`-c copyDetection=false`) saves the copy index's four writes and queries per article
     * (docs/cost.md); `cluster` is then null.
     */
    copyDetection: z.union([z.boolean(), z.stringbool()]).default(true),
    /** Spike detection (docs/spikes.md): the score a bucket must reach, the baseline, the articles it needs. */
    spikeThreshold: SpikeMethod.shape.threshold,
    spikeBaselineDays: SpikeMethod.shape.baselineDays,
    spikeMinArticles: SpikeMethod.shape.minArticles,
  })
  .superRefine((c, ctx) => {
    if (c.authMode === 'jwt' && !c.jwtIssuer)
      ctx.addIssue({ code: 'custom', path: ['jwtIssuer'], message: 'authMode jwt needs jwtIssuer' });
    if (c.authMode === 'jwt' && c.jwtAudience.length === 0)
      ctx.addIssue({ code: 'custom', path: ['jwtAudience'], message: 'authMode jwt needs jwtAudience' });
  });
export type StackConfig = z.infer<typeof StackConfig>;

/** Stages whose data must survive a `cdk destroy`. */
export const isProductionStage = (stage: string) => stage === 'prod' || stage === 'production';

/**
 * Context keys that are not trendwire's and not the CDK's own (feature flags `@aws-cdk/…`,
 * `aws:cdk:…` and lookups hold ':' or '/'): a misspelled `-c stag=prod` would otherwise build the
 * default stage silently. Each is named with the nearest valid key.
 */
export function unknownContextKeys(context: Record<string, unknown>): string[] {
  const valid = [...Object.keys(StackConfig.shape), 'trendwire'];
  return Object.keys(context)
    .filter((k) => !valid.includes(k) && !/[:/@]/.test(k))
    .map((k) => {
      const nearest = [...valid].sort((a, b) => distance(k, a) - distance(k, b))[0];
      return `unknown context key "${k}"${nearest ? ` (did you mean "${nearest}"?)` : ''}`;
    });
}

/** Edit distance, case-insensitive: how far a typo is from a key. */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

export function configFromContext(get: (key: string) => unknown, fileConfig: unknown): StackConfig {
  const fromFile = (fileConfig ?? {}) as Record<string, unknown>;
  const keys = Object.keys(StackConfig.shape);
  const fromContext = Object.fromEntries(keys.map((k) => [k, get(k)]).filter(([, v]) => v !== undefined));
  const parsed = StackConfig.safeParse({ ...fromFile, ...fromContext });
  if (!parsed.success) throw new Error(`invalid trendwire configuration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The article formats every function reads (functions/lib/runtime.ts). */
export const articleFormatEnvironment = (c: StackConfig): Record<string, string> => ({
  ARTICLE_SUFFIXES: c.articleSuffixes.join(','),
  DEFAULT_TIMEZONE: c.defaultTimezone,
});
