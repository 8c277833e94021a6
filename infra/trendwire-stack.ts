import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Construct } from 'constructs';
import type { TopicFile } from '../shared/topics/schema.js';
import { isProductionStage, type StackConfig } from './config.js';
import { ArticleStorage } from './constructs/article-storage.js';
import { TrendsApi } from './constructs/http-api.js';
import { Ingestion } from './constructs/ingestion.js';
import { Monitoring } from './constructs/monitoring.js';
import { Recount } from './constructs/recount.js';
import { Spikes } from './constructs/spikes.js';

export type TrendwireStackProps = StackProps & {
  readonly config: StackConfig;
  /** The validated topic file (infra/app.ts loads `config.topicFile`). */
  readonly topics: TopicFile;
};

/** The AWS version of the local stack: storage, ingestion, API and monitoring. */
export class TrendwireStack extends Stack {
  readonly storage: ArticleStorage;
  readonly ingestion: Ingestion;
  readonly trendsApi: TrendsApi;
  readonly monitoring: Monitoring;
  readonly recount: Recount;
  readonly spikes: Spikes;

  constructor(scope: Construct, id: string, props: TrendwireStackProps) {
    super(scope, id, props);
    const { config, topics } = props;
    this.storage = new ArticleStorage(this, 'Storage', { production: isProductionStage(config.stage) });
    this.ingestion = new Ingestion(this, 'Ingestion', {
      articles: this.storage.articles,
      table: this.storage.table,
      topics,
      config,
    });
    this.recount = new Recount(this, 'Recount', {
      articles: this.storage.articles,
      table: this.storage.table,
      topics,
      config,
    });
    this.trendsApi = new TrendsApi(this, 'Api', {
      table: this.storage.table,
      articles: this.storage.articles,
      topics,
      config,
      recount: this.recount.stateMachine,
    });
    this.ingestion.startsRecounts(this.recount.stateMachine);
    this.monitoring = new Monitoring(this, 'Monitoring', {
      queue: this.ingestion.queue,
      deadLetterQueue: this.ingestion.deadLetterQueue,
      ingest: this.ingestion.handler,
      api: this.trendsApi.handler,
      httpApi: this.trendsApi.api,
      topics,
      alarmEmail: config.alarmEmail,
    });
    this.recount.failedAlarm.addAlarmAction(new SnsAction(this.monitoring.alarmTopic));
    this.spikes = new Spikes(this, 'Spikes', {
      table: this.storage.table,
      topics,
      config,
      alarmTopic: this.monitoring.alarmTopic,
    });
    this.acknowledgeCdkProvidedFunctions();

    new CfnOutput(this, 'ArticlesBucketName', {
      value: this.storage.articles.bucketName,
      description: 'Upload articles here: aws s3 cp article.txt s3://<bucket>/…',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.trendsApi.url, description: 'curl <url>topics' });
    if (config.authMode === 'iam') {
      new CfnOutput(this, 'ApiInvokeArn', {
        value: this.trendsApi.api.arnForExecuteApi('*', '/*', '$default'),
        description: 'Allow execute-api:Invoke on this ARN to the principals that may call the API',
      });
    }
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'RecountStateMachineArn', {
      value: this.recount.stateMachine.stateMachineArn,
      description: 'Recount by hand: aws stepfunctions start-execution --state-machine-arn <arn> --input …',
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.ingestion.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.monitoring.alarmTopic.topicArn,
      description: 'Subscribe to receive alarms (or deploy with -c alarmEmail=…)',
    });
  }

  /**
   * The Lambda function the CDK itself adds to configure the bucket notifications (a singleton
   * per stack). Its role is CDK's, not ours to shape; say why each finding on it is accepted.
   */
  private acknowledgeCdkProvidedFunctions(): void {
    const handler = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (!handler) throw new Error('the S3 bucket notifications handler the CDK adds was not found');
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-provided deploy-time function (BucketNotificationsHandler) that writes the bucket ' +
        'notification configuration; it runs only during deployments and logs with the basic role.',
    });
  }
}
