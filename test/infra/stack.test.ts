import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { configFromContext, StackConfig } from '../../infra/config.js';
import { TrendwireStack } from '../../infra/trendwire-stack.js';
import type { Json } from '../support/json.js';

const synth = (overrides: Record<string, unknown> = {}) => {
  const app = new App();
  const stack = new TrendwireStack(app, 'Test', { config: StackConfig.parse(overrides) });
  return Template.fromStack(stack);
};

/** Every IAM action granted to the role of the function whose environment matches `marker`. */
function actionsOf(template: Template, handlerFile: 'ingest' | 'api'): string[] {
  const functions = template.findResources('AWS::Lambda::Function', {
    Properties: {
      Description:
        handlerFile === 'ingest' ? Match.stringLikeRegexp('Analyses') : Match.stringLikeRegexp('Serves'),
    },
  });
  const [fn] = Object.values(functions) as Json[];
  const roleRef = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Json[];
  return policies
    .filter((p) => p.Properties.Roles.some((r: Json) => r.Ref === roleRef))
    .flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s: Json) => [s.Action].flat()));
}

describe('TrendwireStack', () => {
  let template: Template;
  beforeAll(() => {
    template = synth();
  });

  it('blocks public access to the articles bucket, encrypts it and versions it', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('denies non-TLS access to the bucket', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('sends object created and removed events to the queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: Match.arrayWith([
          Match.objectLike({ Events: ['s3:ObjectCreated:*'] }),
          Match.objectLike({ Events: ['s3:ObjectRemoved:*'] }),
        ]),
      },
    });
  });

  it('buffers events in an SQS-managed-encrypted queue with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 180,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 86400,
    });
  });

  it('runs both functions on Node.js 22, arm64', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { TABLE_NAME: Match.anyValue() } } },
    });
    expect(Object.keys(functions)).toHaveLength(2);
    for (const fn of Object.values(functions) as Json[]) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
    }
  });

  it('feeds the ingest function in batches with partial failures and bounded concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it('creates one on-demand table with point-in-time recovery and the shared key schema', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      // Every read is by key: no secondary index to pay for.
      GlobalSecondaryIndexes: Match.absent(),
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });

  it('serves an HTTP API with throttling and access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('lets the ingest function read objects and write items, and nothing broader', () => {
    const actions = actionsOf(template, 'ingest');
    expect(actions).toEqual(
      expect.arrayContaining(['s3:GetObject*', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
    );
    expect(actions).not.toContain('s3:PutObject');
    expect(actions).not.toContain('s3:DeleteObject*');
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('dynamodb:DeleteItem');
  });

  it('lets the API function read by key only', () => {
    const actions = actionsOf(template, 'api');
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Scan']) {
      expect(actions).not.toContain(write);
    }
    expect(actions.some((a) => a.startsWith('s3:'))).toBe(false);
  });

  it('alarms when messages reach the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('destroys data with a development stage', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});

describe('TrendwireStack in a production stage', () => {
  it('retains and protects the table and the bucket', () => {
    const template = synth({ stage: 'prod' });
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
  });
});

describe('configFromContext', () => {
  it('takes context over the cdk.json defaults', () => {
    const config = configFromContext((k) => ({ batchSize: '25' })[k], { stage: 'staging', batchSize: 10 });
    expect(config).toMatchObject({ stage: 'staging', batchSize: 25, maxConcurrency: 5 });
  });

  it('names the setting that is wrong', () => {
    expect(() => configFromContext((k) => ({ batchSize: '500' })[k], {})).toThrow(/batchSize/);
  });
});
