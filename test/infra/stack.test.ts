import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '#shared/storage/clients.js';
import { configFromContext } from '../../infra/config.js';
import { defineTrendwireApp } from '../../infra/trendwire-app.js';
import { ensureTable, startDynamoLocal } from '../../local/dynamodb.js';
import { freePort } from '../../local/ports.js';
import type { Json } from '../support/json.js';
import { cdkJsonContext, lockedDown, projectRoot, type Synthesised, synth } from './synth.js';

type Resources = Record<string, Json>;

const only = (resources: Resources): [string, Json] => {
  const entries = Object.entries(resources);
  expect(entries).toHaveLength(1);
  return entries[0] as [string, Json];
};

type Which = 'ingest' | 'api' | 'spikes' | 'recount';
const DESCRIPTIONS: Record<Which, string> = {
  ingest: '^Analyses',
  api: '^Serves',
  spikes: '^Hourly: announces',
  recount: '^Steps of the recount',
};

/** The Lambda function whose description matches, with its logical id. */
const functionOf = (template: Template, which: Which): [string, Json] =>
  only(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp(DESCRIPTIONS[which]) },
    }),
  );

/** Every IAM statement granted to the function's role. */
function statementsOf(template: Template, which: Which): Json[] {
  const [, fn] = functionOf(template, which);
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const role = template.toJSON().Resources[roleId];
  expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Json[];
  return policies
    .filter((p) => p.Properties.Roles.some((r: Json) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const actionsOf = (statements: Json[]): string[] => statements.flatMap((s) => [s.Action].flat());

const logicalIdOf = (template: Template, type: string, props: Json): string =>
  only(template.findResources(type, { Properties: props }))[0];

/** The bundled code of a function, as the asset CloudFormation would upload. */
function bundleOf({ template, assembly }: Synthesised, which: 'ingest' | 'api'): string {
  const [, fn] = functionOf(template, which);
  const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
  return join(assembly.directory, `asset.${hash}`, 'index.mjs');
}

type ApiHandler = (event: Json, context: Json) => Promise<{ statusCode: number; body: string }>;

/**
 * Loads a bundled API function as Lambda would. The AWS SDK is not bundled (the runtime has it),
 * so the bundle runs from a directory whose node_modules is the project's.
 */
async function importApiBundle(
  bundle: string,
  table = { name: 'not-used', endpoint: 'http://127.0.0.1:9' },
): Promise<ApiHandler> {
  const dir = mkdtempSync(join(tmpdir(), 'trendwire-bundle-'));
  copyFileSync(bundle, join(dir, 'index.mjs'));
  copyFileSync(`${bundle}.map`, join(dir, 'index.mjs.map'));
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const env = { TABLE_NAME: table.name, AWS_REGION: 'eu-west-1', DYNAMODB_ENDPOINT: table.endpoint };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return (await import(pathToFileURL(join(dir, 'index.mjs')).href)).handler;
  } finally {
    unlinkSync(join(dir, 'node_modules'));
    rmSync(dir, { recursive: true });
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** An API Gateway HTTP API (payload 2.0) GET request. */
const getRequest = (rawPath: string, rawQueryString = ''): Json => ({
  version: '2.0',
  routeKey: 'GET /{proxy+}',
  rawPath,
  rawQueryString,
  headers: { host: 'api.example.org' },
  requestContext: {
    http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
    domainName: 'api.example.org',
    stage: '$default',
    requestId: 'test',
    routeKey: 'GET /{proxy+}',
    accountId: '123456789012',
    apiId: 'test',
    time: '',
    timeEpoch: 0,
  },
  isBase64Encoded: false,
});

describe('TrendwireStack, default settings', () => {
  let template: Template;
  let articlesId: string;
  let tableId: string;
  beforeAll(async () => {
    ({ template } = await synth());
    articlesId = logicalIdOf(template, 'AWS::S3::Bucket', { VersioningConfiguration: Match.anyValue() });
    tableId = logicalIdOf(template, 'AWS::DynamoDB::GlobalTable', {});
  });

  it('blocks public access to both buckets, encrypts them and owns their objects', () => {
    const buckets = Object.values(template.findResources('AWS::S3::Bucket')) as Json[];
    expect(buckets).toHaveLength(2);
    for (const bucket of buckets) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(bucket.Properties.AccessControl).toBeUndefined();
    }
  });

  it('versions the articles bucket and expires replaced versions after 30 days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('writes the articles bucket’s access logs to the log bucket, which S3 logging may write to', () => {
    const [logsId] = only(
      template.findResources('AWS::S3::Bucket', {
        Properties: { LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] } },
      }),
    );
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'articles/' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: Match.objectLike({
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [articlesId, 'Arn'] } },
            }),
          }),
        ]),
      },
    });
  });

  it('denies non-TLS requests to every bucket, queue and topic', () => {
    for (const [policyType, targetKey] of [
      ['AWS::S3::BucketPolicy', 'Bucket'],
      ['AWS::SQS::QueuePolicy', 'Queues'],
      ['AWS::SNS::TopicPolicy', 'Topics'],
    ] as const) {
      const policies = Object.values(template.findResources(policyType)) as Json[];
      const resourceType = policyType.replace(/Policy$/, '');
      expect(policies.length).toBe(Object.keys(template.findResources(resourceType)).length);
      for (const policy of policies) {
        expect(policy.Properties[targetKey]).toBeDefined();
        expect(policy.Properties.PolicyDocument.Statement).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        );
      }
    }
  });

  it('sends every object created and removed event to the queue, unfiltered', () => {
    const [queueId] = only(
      template.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.anyValue() } }),
    );
    const [, notifications] = only(template.findResources('Custom::S3BucketNotifications'));
    expect(notifications.Properties.NotificationConfiguration.QueueConfigurations).toEqual([
      { Events: ['s3:ObjectCreated:*'], QueueArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      { Events: ['s3:ObjectRemoved:*'], QueueArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    ]);
    // Only S3, and only for this bucket, may send to the queue.
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [articlesId, 'Arn'] } } },
          }),
        ]),
      },
    });
  });

  it('buffers events in an SQS-encrypted queue whose visibility is six ingest timeouts, with a DLQ', () => {
    const [, ingest] = functionOf(template, 'ingest');
    const [dlqId] = only(
      template.findResources('AWS::SQS::Queue', { Properties: { MessageRetentionPeriod: 14 * 86400 } }),
    );
    const [, queue] = only(
      template.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.anyValue() } }),
    );
    expect(queue.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
    });
    expect(queue.Properties.KmsMasterKeyId).toBeUndefined();
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * ingest.Properties.Timeout + 1);
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 86400,
    });
  });

  it('runs both functions on Node.js 22, arm64, traced, logging JSON to their own log groups', () => {
    for (const which of ['ingest', 'api'] as const) {
      const [, fn] = functionOf(template, which);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 1024,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
        Environment: {
          Variables: expect.objectContaining({
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: `trendwire-${which}`,
            TABLE_NAME: { Ref: tableId },
            ...(which === 'ingest' ? { COPY_DETECTION: 'on' } : {}),
          }),
        },
      });
      const logGroup = template.toJSON().Resources[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    }
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('feeds the ingest function in batches with partial failures and bounded concurrency', () => {
    const [ingestId] = functionOf(template, 'ingest');
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: ingestId },
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it('lets the ingest function read article objects, consume its queue and commit to its table, only', () => {
    const statements = statementsOf(template, 'ingest');
    const [queueId] = only(
      template.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.anyValue() } }),
    );
    const [logsRef] = [functionOf(template, 'ingest')[1].Properties.LoggingConfig.LogGroup.Ref];
    const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(statements.map(({ Action, Resource }) => ({ Action, Resource }))).toEqual(
      expect.arrayContaining([
        { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arn(logsRef) },
        { Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
        {
          Action: [
            'sqs:ChangeMessageVisibility',
            'sqs:DeleteMessage',
            'sqs:GetQueueAttributes',
            'sqs:GetQueueUrl',
            'sqs:ReceiveMessage',
          ],
          Resource: arn(queueId),
        },
        {
          Action: ['s3:GetObject', 's3:GetObjectVersion'],
          Resource: { 'Fn::Join': ['', [arn(articlesId), '/*']] },
        },
        { Action: 's3:ListBucket', Resource: arn(articlesId) },
        {
          Action: [
            'dynamodb:BatchGetItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:ConditionCheckItem',
            'dynamodb:DeleteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          Resource: arn(tableId),
        },
        // After a deploy that changed the analysis, the first ingest starts the recount.
        { Action: 'states:StartExecution', Resource: { Ref: recountMachineId() } },
      ]),
    );
    expect(statements).toHaveLength(7);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('lets the API function read the table by key and article objects, write only the topic set and recounts, and start a recount', () => {
    const statements = statementsOf(template, 'api');
    const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toEqual([
      expect.objectContaining({
        Action: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
      }),
      expect.objectContaining({
        Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['META', 'RECOUNT'] } },
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
      }),
    ]);
    expect(statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('states:')))).toEqual([
      expect.objectContaining({ Action: 'states:StartExecution', Resource: { Ref: recountMachineId() } }),
    ]);
    const actions = actionsOf(statements);
    // GET /articles/{id}/text reads the object again; nothing of S3 is written, no queue is touched.
    expect(actions.filter((a) => /^(s3|sqs):/.test(a)).sort()).toEqual([
      's3:GetObject',
      's3:GetObjectVersion',
      's3:ListBucket',
    ]);
    const objects = statements.find((s) => actionsOf([s]).includes('s3:GetObject'));
    expect(JSON.stringify(objects?.Resource)).toContain('/*');
    expect(actions).not.toContain('dynamodb:Scan');
  });

  const recountMachineId = () => only(template.findResources('AWS::StepFunctions::StateMachine'))[0];

  it('recounts with a Distributed Map over the bucket listing, batches in Express children, traced and logged', () => {
    const [, machine] = only(template.findResources('AWS::StepFunctions::StateMachine'));
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL' },
    });
    const definition = JSON.parse(
      (machine.Properties.DefinitionString['Fn::Join'][1] as unknown[])
        .map((p) => (typeof p === 'string' ? p : 'REF'))
        .join(''),
    );
    expect(definition.StartAt).toBe('Begin');
    const map = definition.States.EveryObject;
    expect(map).toMatchObject({
      Type: 'Map',
      ItemReader: { Resource: expect.stringMatching(/:states:::s3:listObjectsV2$/) },
      ItemBatcher: { MaxItemsPerBatch: 100 },
      MaxConcurrency: 5, // and no tolerated failure (the default 0 is left out)
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
      Next: 'Finish',
      Catch: [expect.objectContaining({ Next: 'RecordFailure' })],
    });
    expect(definition.States.RecordFailure.Next).toBe('Failed');
    // Its role lists the bucket (the Map's reader) and invokes the one step function.
    const role = machine.Properties.RoleArn['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => (p as Json).Properties.Roles.some((r: Json) => r.Ref === role))
      .flatMap((p) => (p as Json).Properties.PolicyDocument.Statement as Json[]);
    expect(actionsOf(statements)).toEqual(
      expect.arrayContaining(['s3:ListBucket', 'lambda:InvokeFunction', 'states:StartExecution']),
    );
    expect(actionsOf(statements).filter((a) => /^(s3:(Put|Delete)|dynamodb:)/.test(a))).toEqual([]);
  });

  it('routes PUT and DELETE /topics/{id} through IAM authorization, whatever the read routes use', () => {
    for (const method of ['PUT', 'DELETE']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${method} /topics/{id}`,
        AuthorizationType: 'AWS_IAM',
      });
    }
  });

  it('grants "*" resources to no function except for the X-Ray actions, which have no resource scope', () => {
    for (const which of ['ingest', 'api'] as const) {
      const wildcard = statementsOf(template, which).filter((s) => [s.Resource].flat().includes('*'));
      expect(actionsOf(wildcard)).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });

  it('keeps one on-demand, encrypted table with point-in-time recovery, destroyed with a dev stage', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        // Every read is by key: no secondary index to pay for.
        GlobalSecondaryIndexes: Match.absent(),
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: false,
          }),
        ],
      }),
    });
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
  });

  it('serves the public API on the $default route, throttled, with JSON access logs and no CORS', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      Name: 'trendwire-dev',
      CorsConfiguration: Match.absent(),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      AuthorizationType: 'NONE',
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    const [, stage] = only(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('alarms on dead letters, ingest errors, backlog, API 5xx rate, throttles and failed recounts, to the alarm topic', () => {
    const [topicId] = only(template.findResources('AWS::SNS::Topic'));
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Json[];
    const byMetric = (name: string) =>
      alarms.find(
        (a) =>
          a.Properties.MetricName === name ||
          (a.Properties.Metrics ?? []).some((m: Json) => m.MetricStat?.Metric.MetricName === name),
      );
    expect(byMetric('ApproximateNumberOfMessagesVisible')?.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(byMetric('Errors')?.Properties).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 0 });
    expect(byMetric('ApproximateAgeOfOldestMessage')?.Properties.Threshold).toBe(900);
    const serverErrors = byMetric('5xx')?.Properties;
    expect(serverErrors.Threshold).toBe(5);
    expect(serverErrors.Metrics[0].Expression).toBe('IF(requests >= 10, 100 * errors / requests, 0)');
    expect(byMetric('Throttles')?.Properties.Metrics[0].Expression).toBe('ingest + api');
    expect(byMetric('ExecutionsFailed')?.Properties).toMatchObject({ Namespace: 'AWS/States', Threshold: 1 });
    expect(alarms).toHaveLength(6);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: {
              ArnLike: { 'aws:SourceArn': Match.anyValue() },
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          }),
        ]),
      },
    });
  });

  it('draws a dashboard of the pipeline and of each default topic’s ingestion', () => {
    const [, dashboard] = only(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const metric of [
      'ArticlesCounted',
      'ArticlesRejected',
      'ArticlesStale',
      'ArticlesDeleted',
      'ArticlesMissing',
    ])
      expect(body).toContain(`\\"trendwire\\",\\"${metric}\\",\\"service\\",\\"trendwire-ingest\\"`);
    for (const topic of ['kherson', 'negotiations'])
      expect(body).toContain(
        `\\"TopicArticles\\",\\"service\\",\\"trendwire-ingest\\",\\"topic\\",\\"${topic}\\"`,
      );
    expect(body).toContain('ApproximateAgeOfOldestMessage');
    expect(body).toContain('AWS/ApiGateway');
  });

  it('checks for spikes at five past every hour; the function reads the table, writes only spike claims and puts only trendwire events', () => {
    const [fnId, fn] = functionOf(template, 'spikes');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: tableId },
      SPIKE_THRESHOLD: '3',
      SPIKE_BASELINE_DAYS: '28',
      SPIKE_MIN_ARTICLES: '3',
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(5 * * * ? *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })],
    });
    const statements = statementsOf(template, 'spikes');
    const writes = statements.filter((st) =>
      actionsOf([st]).some((a) => /^(dynamodb|events):(Put|Update|Delete|Write)/.test(a)),
    );
    expect(writes.map((st) => [st.Action, st.Condition])).toEqual([
      [
        ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['SPIKE'] } },
      ],
      ['events:PutEvents', { StringEquals: { 'events:source': 'trendwire' } }],
    ]);
    // Without an alarm e-mail, no rule forwards spikes anywhere: they stay on the bus for the user's rules.
    expect(
      Object.keys(
        template.findResources('AWS::Events::Rule', { Properties: { EventPattern: Match.anyValue() } }),
      ),
    ).toEqual([]);
  });

  it('matches the reviewed template (asset hashes aside)', () => {
    const normalised = JSON.stringify(template.toJSON(), null, 1).replace(/[0-9a-f]{64}/g, '<asset-hash>');
    expect(JSON.parse(normalised)).toMatchSnapshot();
  });
});

describe('TrendwireStack, locked down for production', () => {
  let synthesised: Synthesised;
  let template: Template;
  beforeAll(async () => {
    synthesised = await synth(lockedDown);
    template = synthesised.template;
  });

  it('retains and protects the table and retains both buckets', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('filters the notifications by key prefix and suffix, and lets the ingest role read that prefix only', () => {
    const rules = {
      Key: {
        FilterRules: [
          { Name: 'suffix', Value: '.json' },
          { Name: 'prefix', Value: 'incoming/' },
        ],
      },
    };
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({ Events: ['s3:ObjectCreated:*'], Filter: rules }),
          Match.objectLike({ Events: ['s3:ObjectRemoved:*'], Filter: rules }),
        ],
      },
    });
    const read = statementsOf(template, 'ingest').find((s) => s.Sid === 'ReadArticleObjects');
    expect(read.Resource['Fn::Join'][1][1]).toBe('/incoming/*');
  });

  it('takes the batching and concurrency settings from the context, and keeps the queue’s visibility above them', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 25,
      MaximumBatchingWindowInSeconds: 5,
      ScalingConfig: { MaximumConcurrency: 3 },
    });
    const [, ingest] = functionOf(template, 'ingest');
    const [, queue] = only(
      template.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.anyValue() } }),
    );
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * ingest.Properties.Timeout + 5);
  });

  it('requires a JWT from the configured issuer and audience on every read route, and IAM to change topics', () => {
    const [authorizerId] = only(
      template.findResources('AWS::ApiGatewayV2::Authorizer', {
        Properties: {
          AuthorizerType: 'JWT',
          IdentitySource: ['$request.header.Authorization'],
          JwtConfiguration: {
            Issuer: 'https://auth.example.org/',
            Audience: ['trendwire-api', 'trendwire-dashboard'],
          },
        },
      }),
    );
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Json[];
    const byKey = (r: Json) => String(r.RouteKey);
    expect(routes.map((r) => r.Properties).sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual([
      expect.objectContaining({ RouteKey: 'DELETE /topics/{id}', AuthorizationType: 'AWS_IAM' }),
      ...['GET /', 'GET /{proxy+}', 'POST /analyse'].map((RouteKey) =>
        expect.objectContaining({ RouteKey, AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } }),
      ),
      expect.objectContaining({ RouteKey: 'PUT /topics/{id}', AuthorizationType: 'AWS_IAM' }),
    ]);
  });

  it('answers CORS preflights for the configured origins only', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://news.example.org', 'https://desk.example.org'],
        AllowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
        AllowHeaders: ['authorization', 'content-type'],
        MaxAge: 3600,
      },
    });
  });

  it('e-mails the alarms to the configured address', () => {
    const [topicId] = only(template.findResources('AWS::SNS::Topic'));
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: topicId },
    });
  });

  it('turns copy detection off for the functions that ingest and recount (-c copyDetection=false)', () => {
    for (const which of ['ingest', 'recount'] as const) {
      const [, fn] = functionOf(template, which);
      expect(fn.Properties.Environment.Variables.COPY_DETECTION).toBe('off');
    }
  });

  it('sends topic spikes to the alarm topic too, with the spike method of the context', () => {
    const [topicId] = only(template.findResources('AWS::SNS::Topic'));
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['trendwire'], 'detail-type': ['Topic spike'] },
      Targets: [Match.objectLike({ Arn: { Ref: topicId } })],
    });
    const [, fn] = functionOf(template, 'spikes');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      SPIKE_THRESHOLD: '4',
      SPIKE_MIN_ARTICLES: '5',
    });
  });

  it('charts the topics of the configured topic file', () => {
    const [, dashboard] = only(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    expect(body).toContain('\\"topic\\",\\"grain-corridor\\"');
    expect(body).toContain('Black Sea grain corridor');
    expect(body).not.toContain('\\"topic\\",\\"negotiations\\"');
  });

  it('bundles the configured topic file into both functions', () => {
    for (const which of ['ingest', 'api'] as const) {
      const bundle = readFileSync(bundleOf(synthesised, which), 'utf8');
      expect(bundle).toContain('Black Sea grain corridor');
      expect(bundle).not.toMatch(/\bTRENDWIRE_TOPICS\b/);
    }
  });

  it('deploys an API that seeds the table with the configured topics and knows no others', async () => {
    // Topics are run-time data in the table: the bundled file seeds it on first use.
    const port = await freePort();
    const dynamo = await startDynamoLocal(port, undefined);
    try {
      const endpoint = `http://127.0.0.1:${port}`;
      await ensureTable(createDynamoClient({ dynamoEndpoint: endpoint }), 'bundle');
      const handler = await importApiBundle(bundleOf(synthesised, 'api'), { name: 'bundle', endpoint });
      const unknown = await handler(getRequest('/topics/negotiations/trend'), {});
      expect(unknown.statusCode).toBe(404);
      expect(JSON.parse(unknown.body).detail).toContain('no topic "negotiations"');
      // A configured topic gets past the topic lookup to parameter validation.
      const known = await handler(getRequest('/topics/grain-corridor/trend', 'granularity=fortnight'), {});
      expect(known.statusCode).toBe(400);
      expect(known.body).toContain('granularity');
      const stored = await handler(getRequest('/topics/grain-corridor'), {});
      expect(JSON.parse(stored.body)).toMatchObject({
        definition: { label: 'Black Sea grain corridor' },
        version: 1,
      });
    } finally {
      await dynamo.stop();
    }
  }, 180_000);
});

describe('TrendwireStack with IAM authorization', () => {
  it('requires SigV4-signed requests and outputs the ARN to allow execute-api:Invoke on', async () => {
    const { template } = await synth({ authMode: 'iam' });
    for (const RouteKey of [
      'GET /',
      'GET /{proxy+}',
      'POST /analyse',
      'PUT /topics/{id}',
      'DELETE /topics/{id}',
    ]) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey, AuthorizationType: 'AWS_IAM' });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 5);
    template.hasOutput('ApiInvokeArn', {
      Value: { 'Fn::Join': ['', Match.arrayWith([':execute-api:', '/$default/*/*'])] },
    });
  });
});

describe('the context', () => {
  it('fails the synth on an unknown or misspelled key, naming it and the nearest valid key', async () => {
    for (const [key, nearest] of [
      ['stag', 'stage'],
      ['maxConcurency', 'maxConcurrency'],
    ]) {
      const app = new App({
        context: { ...cdkJsonContext, [key as string]: '3', 'aws:cdk:bundling-stacks': [] },
      });
      await expect(defineTrendwireApp(app)).rejects.toThrow(
        `unknown context key "${key}" (did you mean "${nearest}"?)`,
      );
    }
  });
});

describe('the topic file', () => {
  it('fails the synth, naming the file and the problem, when it is invalid', async () => {
    const file = join(projectRoot, 'test/fixtures/topics/duplicate-ids.json');
    const app = new App({ context: { ...cdkJsonContext, topicFile: file } });
    await expect(defineTrendwireApp(app)).rejects.toThrow(
      /duplicate-ids\.json[\s\S]*duplicate topic id "kherson"/,
    );
  });
});

describe('configFromContext', () => {
  it('takes context over the cdk.json defaults', () => {
    const config = configFromContext((k) => ({ batchSize: '25' })[k], { stage: 'staging', batchSize: 10 });
    expect(config).toMatchObject({ stage: 'staging', batchSize: 25, maxConcurrency: 5, authMode: 'none' });
  });

  it('names the setting that is wrong', () => {
    expect(() => configFromContext((k) => ({ batchSize: '500' })[k], {})).toThrow(/batchSize/);
  });

  it('refuses an unknown key in cdk.json', () => {
    expect(() => configFromContext(() => undefined, { batchsize: 10 })).toThrow(/batchsize/);
  });

  it('refuses jwt authorization without an issuer and an audience', () => {
    expect(() => configFromContext((k) => ({ authMode: 'jwt' })[k], {})).toThrow(
      /jwtIssuer[\s\S]*jwtAudience/,
    );
  });

  it('reads comma-separated origins from the command line and refuses one with a path', () => {
    const config = configFromContext(
      (k) => ({ corsAllowOrigins: 'https://a.example, http://localhost:5173' })[k],
      {},
    );
    expect(config.corsAllowOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(() => configFromContext((k) => ({ corsAllowOrigins: 'https://a.example/app' })[k], {})).toThrow(
      /corsAllowOrigins/,
    );
  });
});
