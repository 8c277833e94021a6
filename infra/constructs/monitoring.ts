import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type GraphWidgetProps,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_METRICS } from '../../shared/observability/metrics.js';
import type { TopicFile } from '../../shared/topics/schema.js';

export type MonitoringProps = {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly ingest: IFunction;
  readonly api: IFunction;
  readonly httpApi: HttpApi;
  readonly topics: TopicFile;
  readonly alarmEmail?: string | undefined;
};

/** What functions/ingest.ts publishes (Powertools EMF): namespace and its `service` dimension. */
/** An event older than this in the queue means ingestion has stalled or cannot keep up. */
const BACKLOG_AGE = Duration.minutes(15);
/** Share of API requests answered 5xx (per 5 minutes, with at least MIN_REQUESTS) that pages. */
const SERVER_ERROR_PERCENT = 5;
const MIN_REQUESTS = 10;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms on what needs a person, all to one SNS topic (e-mail optional), and one dashboard:
 * the pipeline's health (queue, dead letters, ingest, API) and the per-topic ingestion counts.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { queue, deadLetterQueue, ingest, api, httpApi } = props;

    const stack = Stack.of(this);
    this.alarmTopic = new Topic(this, 'Alarms', { displayName: 'trendwire alarms', enforceSSL: true });
    // The topic policy CDK writes (TLS only) replaces SNS's default one: say explicitly that
    // CloudWatch alarms of this account and region may publish, and nobody else's.
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisAccountsAlarms',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { 'aws:SourceAccount': stack.account },
        },
      }),
    );
    if (props.alarmEmail) {
      this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
      Validations.of(this.alarmTopic).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'The one subscription is an e-mail address. An undelivered alarm e-mail has no consumer ' +
          'to redrive to; the alarm state itself stays on the dashboard and in the console.',
      });
    }

    const ingestErrors = ingest.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' });
    const requests = httpApi.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const serverErrors = httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const serverErrorRate = new MathExpression({
      expression: `IF(requests >= ${MIN_REQUESTS}, 100 * errors / requests, 0)`,
      usingMetrics: { requests, errors: serverErrors },
      label: 'API 5xx (% of requests)',
      period: FIVE_MINUTES,
    });
    const throttles = new MathExpression({
      expression: 'ingest + api',
      usingMetrics: {
        ingest: ingest.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        api: api.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
      },
      label: 'Lambda throttles (ingest + api)',
      period: FIVE_MINUTES,
    });

    const alarm = (id: string, description: string, o: Omit<AlarmSpec, 'description'>) =>
      new Alarm(this, id, {
        alarmDescription: description,
        metric: o.metric,
        threshold: o.threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: o.evaluationPeriods ?? 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    this.alarms = [
      alarm(
        'DeadLetters',
        'Article events failed every retry and wait in the dead-letter queue: read the ingest logs, fix, redrive.',
        {
          metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(1),
            statistic: 'Maximum',
          }),
          threshold: 0,
        },
      ),
      alarm('IngestErrors', 'The ingest function crashed or timed out on a batch (not a rejected article).', {
        metric: ingestErrors,
        threshold: 0,
      }),
      alarm(
        'IngestBacklog',
        `An article event has waited in the queue longer than ${BACKLOG_AGE.toMinutes()} minutes: ingestion stalls or cannot keep up.`,
        {
          metric: queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum' }),
          threshold: BACKLOG_AGE.toSeconds(),
        },
      ),
      alarm(
        'ApiServerErrorRate',
        `More than ${SERVER_ERROR_PERCENT}% of API requests answered 5xx in 5 minutes (with at least ${MIN_REQUESTS} requests).`,
        { metric: serverErrorRate, threshold: SERVER_ERROR_PERCENT },
      ),
      alarm(
        'Throttles',
        'Lambda throttled the ingest or the API function: account concurrency is exhausted.',
        {
          metric: throttles,
          threshold: 0,
        },
      ),
    ];
    const action = new SnsAction(this.alarmTopic);
    for (const a of this.alarms) {
      a.addAlarmAction(action);
      a.addOkAction(action);
    }

    const ingestMetric = (metricName: string, label: string, topic?: string) =>
      new Metric({
        namespace: INGEST_METRICS.namespace,
        metricName,
        dimensionsMap: { service: INGEST_METRICS.service, ...(topic ? { topic } : {}) },
        statistic: 'Sum',
        period: FIVE_MINUTES,
        label,
      });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      // Dashboards are global to the account: the region keeps one stage in two regions apart.
      dashboardName: `${stack.stackName}-${stack.region}`,
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new TextWidget({
            markdown:
              '## trendwire\nS3 → SQS → ingest → DynamoDB; API Gateway → api. Alarms go to the SNS topic in the stack outputs.',
            width: 12,
            height: 3,
          }),
          new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12, height: 3 }),
        ],
        [
          graph('Queue: waiting events and oldest age', 8, {
            left: [queue.metricApproximateNumberOfMessagesVisible({ label: 'waiting' })],
            right: [queue.metricApproximateAgeOfOldestMessage({ label: 'oldest (s)' })],
          }),
          graph('Dead letters', 8, {
            left: [deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'dead letters' })],
          }),
          graph('Ingest function', 8, {
            left: [
              ingest.metricInvocations({ label: 'invocations' }),
              ingest.metricErrors({ label: 'errors' }),
              ingest.metricThrottles({ label: 'throttles' }),
              // Records failed back to SQS: partial batch failures never reach Lambda's Errors.
              ingestMetric(INGEST_METRICS.recordsFailed, 'records failed (retried)'),
            ],
            right: [ingest.metricDuration({ statistic: 'p99', label: 'duration p99' })],
          }),
        ],
        [
          graph('Ingestion outcomes', 12, {
            left: Object.entries(INGEST_METRICS.outcomes).map(([outcome, name]) =>
              ingestMetric(name, outcome),
            ),
            stacked: true,
          }),
          graph('Articles counted per topic', 12, {
            left: props.topics.topics.map((t) => ingestMetric(INGEST_METRICS.topicArticles, t.label, t.id)),
          }),
        ],
        [
          graph('API requests and errors', 12, {
            left: [
              httpApi.metricCount({ label: 'requests', statistic: 'Sum' }),
              httpApi.metricClientError({ label: '4xx (incl. 429 throttled)', statistic: 'Sum' }),
              httpApi.metricServerError({ label: '5xx', statistic: 'Sum' }),
            ],
          }),
          graph('API latency', 12, {
            left: ['p50', 'p99'].map((statistic) => httpApi.metricLatency({ statistic, label: statistic })),
            right: [api.metricErrors({ label: 'function errors' })],
          }),
        ],
      ],
    });
  }
}

/** A graph of the operations dashboard: a title, a width in grid units and its metrics. */
function graph(title: string, width: number, props: Omit<GraphWidgetProps, 'title' | 'width'>): GraphWidget {
  return new GraphWidget({ title, width, ...props });
}

type AlarmSpec = {
  readonly metric: Metric | MathExpression;
  readonly threshold: number;
  readonly evaluationPeriods?: number;
  readonly description: string;
};
