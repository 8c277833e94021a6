import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { intFromEnv, requireEnv } from '#shared/config.js';
import { SERVICES } from '#shared/observability/services.js';
import { createDynamoClient } from '#shared/storage/clients.js';
import { DynamoCounterReads } from '#shared/storage/counter-reads.js';
import { DynamoSpikeClaims } from '#shared/storage/spike-claims.js';
import { eventBridgeAnnouncer } from '#shared/storage/spike-events.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { announceNewSpikes } from '#shared/trends/spike-watch.js';
import { SpikeMethod } from '#shared/trends/spikes.js';
import { deployedTopics } from './lib/topics.js';

/** Lambda entry, on an hourly schedule: announces each new spike of every topic once (EventBridge). */
const logger = new Logger({ serviceName: SERVICES.spikes });
const tableName = requireEnv('TABLE_NAME');
const db = createDynamoClient();
const deps = {
  store: new DynamoCounterReads(db, tableName, { counterShards: intFromEnv('COUNTER_SHARDS', 1) }),
  claims: new DynamoSpikeClaims(db, tableName),
  announce: eventBridgeAnnouncer(new EventBridgeClient({})),
};
/** The method's parameters (CDK context spikeThreshold, spikeBaselineDays, spikeMinArticles). */
const method = SpikeMethod.parse({
  threshold: process.env.SPIKE_THRESHOLD,
  baselineDays: process.env.SPIKE_BASELINE_DAYS,
  minArticles: process.env.SPIKE_MIN_ARTICLES,
});
const topicStore = new DynamoTopicStore(db, tableName);

export const handler = async (): Promise<{ announced: number }> => {
  const topics = (await topicStore.getTopics())?.topics ?? deployedTopics();
  const announced = await announceNewSpikes(deps, topics.topics, Date.now(), method);
  for (const a of announced) logger.info('topic spike', { ...a });
  return { announced: announced.length };
};
