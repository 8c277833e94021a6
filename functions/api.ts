import { Logger } from '@aws-lambda-powertools/logger';
import { handle } from 'hono/aws-lambda';
import { Analyser } from '#shared/analysis/analyse.js';
import { createApp } from '#shared/api/app.js';
import { SERVICES } from '#shared/observability/services.js';
import { DynamoRecountLog } from '#shared/storage/recount-log.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { LiveTopics } from '#shared/topics/live.js';
import { stepFunctionsRecounts } from './lib/recounts.js';
import { configFromEnv, createApiRuntime } from './lib/runtime.js';
import { deployedTopics } from './lib/topics.js';

/** Lambda entry: API Gateway HTTP API → the Hono app. */
const logger = new Logger({ serviceName: SERVICES.api });
const config = configFromEnv();
const runtime = createApiRuntime(config);
const topics = deployedTopics();
const recounts = new DynamoRecountLog(runtime.db, config.tableName);
let analyser: Analyser | undefined;
// The topic set is the table's; PUT and DELETE /topics/{id} change it and start a recount.
const liveTopics = new LiveTopics(
  new DynamoTopicStore(runtime.db, config.tableName),
  () => {
    analyser ??= new Analyser(topics);
    return analyser;
  },
  { seed: topics },
);
const stateMachineArn = process.env.RECOUNT_STATE_MACHINE_ARN;

export const handler = handle(
  createApp({
    store: runtime.store,
    topics,
    liveTopics,
    recounts,
    ...(stateMachineArn ? { startRecount: stepFunctionsRecounts(stateMachineArn, recounts).start } : {}),
    objects: runtime.source,
    maxArticleBytes: config.maxArticleBytes,
    articleFormats: config.formats,
    onError: (err) => logger.error('unhandled error', err as Error),
  }),
);
