import { Logger } from '@aws-lambda-powertools/logger';
import { handle } from 'hono/aws-lambda';
import { createApp } from '#shared/api/app.js';
import { configFromEnv, createApiRuntime } from './lib/runtime.js';
import { deployedTopics } from './lib/topics.js';

/** Lambda entry: API Gateway HTTP API → the Hono app. */
const logger = new Logger({ serviceName: 'trendwire-api' });
const runtime = createApiRuntime(configFromEnv());

export const handler = handle(
  createApp({
    store: runtime.store,
    topics: deployedTopics(),
    onError: (err) => logger.error('unhandled error', err as Error),
  }),
);
