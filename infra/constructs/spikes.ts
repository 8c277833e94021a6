import { Stack, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { SPIKE_EVENT } from '../../shared/storage/spike-events.js';
import type { TopicFile } from '../../shared/topics/schema.js';
import type { StackConfig } from '../config.js';
import { FUNCTIONS, type TrendwireFunction } from './node-function.js';
import { grantPartitionWrites, readingFunction } from './table-grants.js';

export type SpikesProps = {
  readonly table: TableV2;
  readonly topics: TopicFile;
  readonly config: StackConfig;
  /** Where spike events also go when an alarm e-mail is configured. */
  readonly alarmTopic: Topic;
};

/**
 * Spike announcements: a function run at five past every hour checks the last complete hours of
 * every topic (shared/trends/spike-watch.ts) and puts each new spike once on the default event bus
 * (`source: trendwire`, `detail-type: Topic spike`), for any rule to route; with an alarm e-mail
 * configured, a rule sends them to the alarm topic too.
 */
export class Spikes extends Construct {
  readonly handler: TrendwireFunction;
  readonly eventPattern = { source: [SPIKE_EVENT.source], detailType: [SPIKE_EVENT.detailType] };

  constructor(scope: Construct, id: string, props: SpikesProps) {
    super(scope, id);
    this.handler = readingFunction(this, 'Watch', props, {
      ...FUNCTIONS.spikes,
      readSid: 'ReadCountersAndTopics',
      environment: {
        SPIKE_THRESHOLD: String(props.config.spikeThreshold),
        SPIKE_BASELINE_DAYS: String(props.config.spikeBaselineDays),
        SPIKE_MIN_ARTICLES: String(props.config.spikeMinArticles),
      },
    });
    Validations.of(this.handler).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked by an hourly EventBridge schedule: a failed run leaves its spike claims unconfirmed ' +
        'and the next run (the lookback overlaps three hours) announces them; nothing to dead-letter.',
    });
    // Reads counters and the topic set; writes nothing but its spike claims (partition SPIKE).
    grantPartitionWrites(this.handler, props.table, 'ClaimSpikes', ['SPIKE']);
    const stack = Stack.of(this);
    this.handler.addToRolePolicy(
      new PolicyStatement({
        sid: 'PutSpikeEvents',
        actions: ['events:PutEvents'],
        resources: [stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: 'default' })],
        conditions: { StringEquals: { 'events:source': SPIKE_EVENT.source } },
      }),
    );

    const hourly = new Rule(this, 'Hourly', {
      description: 'Checks the last complete hours of every topic for spikes',
      schedule: Schedule.cron({ minute: '5' }),
      targets: [new LambdaFunction(this.handler, { retryAttempts: 2 })],
    });
    Validations.of(hourly).acknowledge({
      id: 'Serverless-EventBusDLQ',
      reason:
        'A scheduled tick carries no data: a lost one is made good by the next, whose lookback covers ' +
        'the same hours; an invocation error shows in the function errors on the dashboard.',
    });
    if (props.config.alarmEmail) {
      const toAlarms = new Rule(this, 'ToAlarmTopic', {
        description: 'Sends topic spikes to the alarm topic (its e-mail subscription)',
        eventPattern: this.eventPattern,
        targets: [new SnsTopic(props.alarmTopic)],
      });
      Validations.of(toAlarms).acknowledge({
        id: 'Serverless-EventBusDLQ',
        reason:
          'A copy for e-mail: the spike itself stays on the event bus for other rules, in the ' +
          'function log and in GET /topics/{id}/spikes, so an undelivered e-mail loses nothing.',
      });
    }
  }
}
