import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StackConfig } from '../config.js';
import { TrendwireFunction } from './node-function.js';

export type IngestionProps = {
  readonly articles: Bucket;
  readonly table: TableV2;
  readonly config: StackConfig;
};

const FUNCTION_TIMEOUT = Duration.seconds(30);

/**
 * S3 → SQS → ingest Lambda. The queue buffers and batches events, a failing record is retried
 * alone (ReportBatchItemFailures) and after maxReceiveCount lands in the dead-letter queue.
 */
export class Ingestion extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly handler: TrendwireFunction;

  constructor(scope: Construct, id: string, props: IngestionProps) {
    super(scope, id);
    const { config } = props;

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // S3 can only deliver to a queue encrypted with SQS-managed keys or a customer key it may use,
    // not the AWS-managed alias/aws/sqs key.
    this.queue = new Queue(this, 'ArticleEvents', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(FUNCTION_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: config.maxReceiveCount },
    });

    const destination = new SqsDestination(this.queue);
    props.articles.addEventNotification(EventType.OBJECT_CREATED, destination);
    props.articles.addEventNotification(EventType.OBJECT_REMOVED, destination);

    this.handler = new TrendwireFunction(this, 'Ingest', {
      handlerFile: 'ingest.ts',
      serviceName: 'trendwire-ingest',
      description: 'Analyses uploaded articles and commits their counts to DynamoDB',
      timeout: FUNCTION_TIMEOUT,
      environment: {
        TABLE_NAME: props.table.tableName,
        MAX_ARTICLE_BYTES: String(config.maxArticleBytes),
      },
    });
    this.handler.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: config.batchSize,
        maxBatchingWindow: Duration.seconds(config.maxBatchingWindowSeconds),
        maxConcurrency: config.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    // Least privilege: read article objects (any version), read and write the table's items.
    props.articles.grantRead(this.handler, '*');
    props.table.grant(
      this.handler,
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:ConditionCheckItem',
    );
  }
}
