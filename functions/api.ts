import { Logger } from '@aws-lambda-powertools/logger';
import { handle } from 'hono/aws-lambda';
import { createApp } from '#shared/api/app.js';
import { configFromEnv, createApiRuntime } from './lib/runtime.js';
import { deployedTopics } from './lib/topics.js';

/** Lambda entry: API Gateway HTTP API → the Hono app. */
const logger = new Logger({ serviceName: 'trendwire-api' });
const config = configFromEnv();
const runtime = createApiRuntime(config);
const topics = deployedTopics();

export const handler = handle(
  createApp({
    store: runtime.store,
    topics,
    objects: runtime.source,
    maxArticleBytes: config.maxArticleBytes,
    onError: (err) => logger.error('unhandled error', err as Error),
  }),
);
