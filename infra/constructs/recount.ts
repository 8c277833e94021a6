import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  DistributedMap,
  Fail,
  ItemBatcher,
  JsonPath,
  LogLevel,
  S3ObjectsItemReader,
  StateMachine,
  StateMachineType,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { type AnalysisResources, analysingFunction } from './analysing-function.js';
import { FUNCTIONS, type TrendwireFunction } from './node-function.js';

export type RecountProps = AnalysisResources;

/** Keys per child execution: one Lambda invocation recounts them, their commits grouped. */
export const RECOUNT_BATCH_KEYS = 100;

/**
 * The recount of the archive after a topic or analyser change: a Standard state machine whose
 * Distributed Map reads the bucket listing (S3ObjectsItemReader) and hands batches of keys to
 * Express child workflows, each one invocation of the recount function, which runs the same
 * domain code as ingestion (exactly-once commits conditioned on the article record and the topic
 * set's version). Started by PUT/DELETE /topics/{id}, by the first ingest after a deploy that
 * changed the analysis, or by hand (`aws stepfunctions start-execution`, docs/deploy.md).
 */
export class Recount extends Construct {
  readonly handler: TrendwireFunction;
  readonly stateMachine: StateMachine;
  readonly failedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: RecountProps) {
    super(scope, id);
    this.handler = analysingFunction(this, 'Step', props, {
      ...FUNCTIONS.recount,
      tableSid: 'RecountArticlesAndCounters',
    });
    Validations.of(this.handler).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by Step Functions only: a failure is the task’s error, retried by the ' +
        'state machine and visible in the execution; there are no asynchronous invocations to catch.',
    });

    const invoke = (name: string, payload: Record<string, unknown>) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: this.handler,
        payload: TaskInput.fromObject(payload),
        payloadResponseOnly: true,
        retryOnServiceExceptions: true,
        resultPath: JsonPath.DISCARD,
      });
    const begin = invoke('Begin', {
      step: 'begin',
      id: JsonPath.stringAt('$.id'),
      reason: JsonPath.stringAt('$.reason'),
    });
    const batch = invoke('RecountBatch', {
      step: 'batch',
      Items: JsonPath.listAt('$.Items'),
      BatchInput: JsonPath.objectAt('$.BatchInput'),
    });
    // A batch that lost races with ingestion all along, or met DynamoDB throttling, tries again.
    batch.addRetry({
      errors: ['States.TaskFailed'],
      maxAttempts: 3,
      interval: Duration.seconds(5),
      backoffRate: 2,
    });
    const everyObject = new DistributedMap(this, 'EveryObject', {
      itemReader: new S3ObjectsItemReader({
        bucket: props.articles,
        ...(props.config.articlePrefix ? { prefix: props.config.articlePrefix } : {}),
      }),
      itemBatcher: new ItemBatcher({
        maxItemsPerBatch: RECOUNT_BATCH_KEYS,
        batchInput: { id: JsonPath.stringAt('$.id'), bucket: props.articles.bucketName },
      }),
      maxConcurrency: props.config.recountConcurrency,
      toleratedFailurePercentage: props.config.recountToleratedFailurePercent,
      mapExecutionType: StateMachineType.EXPRESS,
      resultPath: JsonPath.DISCARD,
    });
    everyObject.itemProcessor(batch);
    const failed = invoke('RecordFailure', {
      step: 'fail',
      id: JsonPath.stringAt('$.id'),
      error: JsonPath.objectAt('$.error'),
    }).next(
      new Fail(this, 'Failed', {
        error: 'RecountFailed',
        cause: 'a batch of keys failed; see the execution and GET /recounts/{id}',
      }),
    );
    everyObject.addCatch(failed, { resultPath: '$.error' });
    const finish = invoke('Finish', { step: 'finish', id: JsonPath.stringAt('$.id') });

    const logs = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'Machine', {
      definitionBody: DefinitionBody.fromChainable(begin.next(everyObject).next(finish)),
      stateMachineType: StateMachineType.STANDARD,
      timeout: Duration.hours(24),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    // The Distributed Map lists the bucket itself and starts its child executions.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        sid: 'ListArticles',
        actions: ['s3:ListBucket'],
        resources: [props.articles.bucketArn],
      }),
    );

    const machineId = logicalIdOf(this.stateMachine);
    const execution = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machineId}"}]}]}`;
    Validations.of(this.stateMachine.role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(this.handler)}.Arn>:*]`,
        reason:
          'lambda:InvokeFunction on the recount function and its versions (CDK grants both); one function.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Only the actions that support no resource-level permissions: X-Ray tracing (xray:PutTraceSegments, ' +
          'PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery (logs:CreateLogDelivery and friends).',
      },
    );
    // The Distributed Map's own policy hangs under the state machine, not its role.
    Validations.of(this.stateMachine).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::${execution}:*]`,
        reason:
          'The Distributed Map starts, describes and stops the child executions of this state machine only; ' +
          'their names are generated, so the ARN ends in a wildcard.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${execution}/*:*]`,
        reason: 'Same as above: the Map Run and child executions of this state machine only.',
      },
    );

    this.failedAlarm = new Alarm(this, 'FailedAlarm', {
      alarmDescription:
        'A recount failed: counts are partly from the old analysis. See GET /recounts and the execution.',
      metric: this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

function logicalIdOf(c: Construct): string {
  return Stack.of(c).getLogicalId(c.node.defaultChild as CfnElement);
}
