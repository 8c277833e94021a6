import { Analyser } from '#shared/analysis/analyse.js';
import { DEFAULT_MAX_ARTICLE_BYTES, intFromEnv, requireEnv, switchFromEnv } from '#shared/config.js';
import { articleFormatsFromEnv } from '#shared/ingest/formats.js';
import type { IngestSettings } from '#shared/ingest/process.js';
import { createDynamoClient, createS3Client } from '#shared/storage/clients.js';
import { DynamoCopyIndex } from '#shared/storage/copy-index.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';
import { S3ObjectSource } from '#shared/storage/s3-source.js';
import type { TopicFile } from '#shared/topics/schema.js';

/** Settings of both functions, read once at cold start; a missing one throws. */
export type RuntimeConfig = Required<IngestSettings> & {
  readonly tableName: string;
  /** Whether copies are found and clustered (COPY_DETECTION, on by default). */
  readonly copyDetection?: boolean | undefined;
  readonly s3Endpoint?: string | undefined;
  readonly dynamoEndpoint?: string | undefined;
};

export function configFromEnv(env: Record<string, string | undefined> = process.env): RuntimeConfig {
  return {
    tableName: requireEnv('TABLE_NAME', env),
    maxArticleBytes: intFromEnv('MAX_ARTICLE_BYTES', DEFAULT_MAX_ARTICLE_BYTES, env),
    counterShards: intFromEnv('COUNTER_SHARDS', 1, env),
    copyDetection: switchFromEnv('COPY_DETECTION', true, env),
    formats: articleFormatsFromEnv(env, { suffixes: 'ARTICLE_SUFFIXES', timeZone: 'DEFAULT_TIMEZONE' }),
    s3Endpoint: env.S3_ENDPOINT || undefined,
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
  };
}

/** What the API needs: the store over one DynamoDB client, and the article objects. */
export function createApiRuntime(config: RuntimeConfig) {
  const db = createDynamoClient({ dynamoEndpoint: config.dynamoEndpoint });
  const s3 = createS3Client({ s3Endpoint: config.s3Endpoint });
  return {
    db,
    s3,
    source: new S3ObjectSource(s3),
    store: new DynamoStore(db, config.tableName, { counterShards: config.counterShards }),
  };
}

/** What ingestion needs besides: S3, the analyser built once, the size limit. */
export function createIngestRuntime(config: RuntimeConfig, topics: TopicFile) {
  const api = createApiRuntime(config);
  return {
    ...api,
    copies: config.copyDetection === false ? undefined : new DynamoCopyIndex(api.db, config.tableName),
    analyser: new Analyser(topics),
    maxArticleBytes: config.maxArticleBytes,
    counterShards: config.counterShards,
    formats: config.formats,
  };
}
