import { Duration, Validations } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type NotificationKeyFilter } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { type AnalysisResources, analysingFunction } from './analysing-function.js';
import { FUNCTIONS, type TrendwireFunction } from './node-function.js';

export type IngestionProps = AnalysisResources;

const FUNCTION_TIMEOUT = FUNCTIONS.ingest.timeout;

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
    const { config, articles } = props;

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The maximum: two weeks to notice the alarm, fix the cause and redrive.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This is the dead-letter queue, the end of the redrive chain; its messages wait for a person.',
    });
    // S3 can only deliver to a queue encrypted with SQS-managed keys or a customer key it may use,
    // not the AWS-managed alias/aws/sqs key.
    this.queue = new Queue(this, 'ArticleEvents', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's guidance for an SQS event source: six function timeouts, so a throttled batch can be
      // retried before the messages reappear; plus the batching window, during which the
      // messages Lambda has already received are in flight too.
      visibilityTimeout: Duration.seconds(6 * FUNCTION_TIMEOUT.toSeconds() + config.maxBatchingWindowSeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: config.maxReceiveCount },
    });

    const filter: NotificationKeyFilter = {
      ...(config.articlePrefix ? { prefix: config.articlePrefix } : {}),
      ...(config.articleSuffix ? { suffix: config.articleSuffix } : {}),
    };
    const filters = Object.keys(filter).length > 0 ? [filter] : [];
    const destination = new SqsDestination(this.queue);
    articles.addEventNotification(EventType.OBJECT_CREATED, destination, ...filters);
    articles.addEventNotification(EventType.OBJECT_REMOVED, destination, ...filters);

    // Least privilege: read article objects; read an article record and commit it with its
    // counters and listing entries in one transaction (a listing entry is deleted when the
    // article leaves a topic or a month). The event source mapping grants receive/delete on this
    // queue only.
    this.handler = analysingFunction(this, 'Ingest', props, {
      ...FUNCTIONS.ingest,
      tableSid: 'CommitArticlesAndCounters',
    });
    this.handler.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: config.batchSize,
        maxBatchingWindow: Duration.seconds(config.maxBatchingWindowSeconds),
        maxConcurrency: config.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    Validations.of(this.handler).acknowledge(
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by the SQS event source mapping, never asynchronously: a function DLQ ' +
          'would receive nothing. Failed records go to the source queue’s dead-letter queue (redrive).',
      },
      {
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          'SQS event source mappings do not support on-failure destinations (only streams and Kafka do); ' +
          'the queue’s redrive policy moves failing messages to the dead-letter queue instead.',
      },
    );
  }

  /** After a deploy that changed the analysis, the first ingest starts the recount. */
  startsRecounts(machine: StateMachine): void {
    this.handler.addEnvironment('RECOUNT_STATE_MACHINE_ARN', machine.stateMachineArn);
    machine.grantStartExecution(this.handler);
  }
}
