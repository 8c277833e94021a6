import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export type MonitoringProps = {
  readonly deadLetterQueue: Queue;
  readonly ingest: IFunction;
  readonly api: IFunction;
  readonly alarmEmail?: string | undefined;
};

/** Alarms on what needs a person (dead letters, ingest errors) and a dashboard of the pipeline. */
export class Monitoring extends Construct {
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const alarmTopic = new Topic(this, 'Alarms', { enforceSSL: true });
    if (props.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    const deadLetters = new Alarm(this, 'DeadLetters', {
      alarmDescription: 'Article events failed every retry and wait in the dead-letter queue',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const ingestErrors = new Alarm(this, 'IngestErrors', {
      alarmDescription: 'The ingest function is failing invocations',
      metric: props.ingest.metricErrors({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [deadLetters, ingestErrors];
    for (const alarm of this.alarms) alarm.addAlarmAction(new SnsAction(alarmTopic));

    new Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new GraphWidget({
            title: 'Ingest invocations and errors',
            left: [props.ingest.metricInvocations(), props.ingest.metricErrors()],
          }),
          new GraphWidget({
            title: 'Dead letters',
            left: [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible()],
          }),
          new GraphWidget({
            title: 'API invocations and errors',
            left: [props.api.metricInvocations(), props.api.metricErrors()],
          }),
        ],
      ],
    });
  }
}
