import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createIngestHandler } from './lib/ingest-handler.js';
import { configFromEnv, createIngestRuntime } from './lib/runtime.js';
import { deployedTopics } from './lib/topics.js';

/** Lambda entry: S3 notifications from SQS → articles and counters in DynamoDB. */
const logger = new Logger({ serviceName: 'trendwire-ingest' });
const metrics = new Metrics({ namespace: 'trendwire', serviceName: 'trendwire-ingest' });
const runtime = createIngestRuntime(configFromEnv(), deployedTopics());

const handleBatch = createIngestHandler({
  ...runtime,
  logger,
  onFailure: () => metrics.addMetric('RecordsFailed', MetricUnit.Count, 1),
  onOutcome: (_event, outcome) => {
    metrics.addMetric(
      `Articles${outcome.result[0]?.toUpperCase()}${outcome.result.slice(1)}`,
      MetricUnit.Count,
      1,
    );
    if (outcome.result === 'counted') {
      for (const topic of outcome.topics) {
        const single = metrics.singleMetric();
        single.addDimension('topic', topic);
        single.addMetric('TopicArticles', MetricUnit.Count, 1);
      }
    }
  },
});

export const handler: typeof handleBatch = async (event, context) => {
  logger.addContext(context);
  try {
    return await handleBatch(event, context);
  } finally {
    metrics.publishStoredMetrics();
  }
};
