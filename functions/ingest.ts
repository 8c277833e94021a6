import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { INGEST_METRICS } from '#shared/observability/metrics.js';
import { DynamoRecountLog } from '#shared/storage/recount-log.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { LiveTopics } from '#shared/topics/live.js';
import { createIngestHandler } from './lib/ingest-handler.js';
import { recountIfStale, stepFunctionsRecounts } from './lib/recounts.js';
import { configFromEnv, createIngestRuntime } from './lib/runtime.js';
import { deployedTopics } from './lib/topics.js';

/** Lambda entry: S3 notifications from SQS → articles and counters in DynamoDB. */
const logger = new Logger({ serviceName: INGEST_METRICS.service });
const metrics = new Metrics({ namespace: INGEST_METRICS.namespace, serviceName: INGEST_METRICS.service });
const config = configFromEnv();
const runtime = createIngestRuntime(config, deployedTopics());
// The topic set is the table's (PUT /topics/{id}); the deployed file seeds it.
const topics = new LiveTopics(new DynamoTopicStore(runtime.db, config.tableName), () => runtime.analyser, {
  seed: deployedTopics(),
});
const recountLog = new DynamoRecountLog(runtime.db, config.tableName);
const stateMachineArn = process.env.RECOUNT_STATE_MACHINE_ARN;
let staleChecked: Promise<void> | undefined;

const handleBatch = createIngestHandler({
  ...runtime,
  topics,
  logger,
  onFailure: () => metrics.addMetric(INGEST_METRICS.recordsFailed, MetricUnit.Count, 1),
  onOutcome: (_event, outcome) => {
    metrics.addMetric(INGEST_METRICS.outcomes[outcome.result], MetricUnit.Count, 1);
    if (outcome.result === 'counted') {
      for (const topic of outcome.topics) {
        const single = metrics.singleMetric();
        single.addDimension('topic', topic);
        single.addMetric(INGEST_METRICS.topicArticles, MetricUnit.Count, 1);
      }
    }
  },
});

export const handler: typeof handleBatch = async (event, context) => {
  logger.addContext(context);
  // Once per container: after a deploy that changed the analyser or the topic file, the first
  // container to claim it starts the recount of the archive.
  staleChecked ??= stateMachineArn
    ? recountIfStale({
        topics,
        log: recountLog,
        store: runtime.store,
        start: stepFunctionsRecounts(stateMachineArn, recountLog).start,
      }).then(
        (id) => {
          if (id) logger.info('recount started: the stored counts were made by another analysis', { id });
        },
        (err: unknown) => logger.error('could not check whether a recount is needed', err as Error),
      )
    : Promise.resolve();
  await staleChecked;
  try {
    return await handleBatch(event, context);
  } finally {
    metrics.publishStoredMetrics();
  }
};
