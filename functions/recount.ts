import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICES } from '#shared/observability/services.js';
import { DynamoRecountLog } from '#shared/storage/recount-log.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { LiveTopics } from '#shared/topics/live.js';
import { runRecountStep } from './lib/recount-steps.js';
import { configFromEnv, createIngestRuntime } from './lib/runtime.js';
import { deployedTopics } from './lib/topics.js';

/** Lambda entry: the steps of the recount state machine (begin, a batch of keys, finish, fail). */
const logger = new Logger({ serviceName: SERVICES.recount });
const config = configFromEnv();
const runtime = createIngestRuntime(config, deployedTopics());
const topics = new LiveTopics(new DynamoTopicStore(runtime.db, config.tableName), () => runtime.analyser, {
  seed: deployedTopics(),
});
const log = new DynamoRecountLog(runtime.db, config.tableName);

export const handler = async (event: unknown): Promise<Record<string, unknown>> => {
  const result = await runRecountStep(event, { log, topics, ingest: runtime });
  logger.info('recount step', { step: (event as { step?: string })?.step, ...result });
  return result;
};
