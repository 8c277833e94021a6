import type { IngestOutcome } from '../ingest/process.js';
import { SERVICES } from './services.js';

/**
 * The names of the ingest function's CloudWatch metrics, used by the function that emits them
 * (functions/ingest.ts) and by the dashboard and alarms that read them
 * (infra/constructs/monitoring.ts): one source, so a rename cannot leave a graph empty.
 */
export const INGEST_METRICS = {
  namespace: 'trendwire',
  service: SERVICES.ingest,
  /** A record that failed and goes back to SQS. */
  recordsFailed: 'RecordsFailed',
  /** Articles counted per topic, with a `topic` dimension. */
  topicArticles: 'TopicArticles',
  /** One metric per ingest outcome; a new outcome cannot be added without a name here. */
  outcomes: {
    counted: 'ArticlesCounted',
    rejected: 'ArticlesRejected',
    stale: 'ArticlesStale',
    deleted: 'ArticlesDeleted',
    missing: 'ArticlesMissing',
  } satisfies Record<IngestOutcome['result'], string>,
} as const;
