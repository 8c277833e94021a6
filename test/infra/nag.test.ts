import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineTrendwireApp } from '../../infra/trendwire-app.js';
import type { Json } from '../support/json.js';
import { cdkJsonContext, lockedDown, type Synthesised, synth } from './synth.js';

type Acknowledgement = { readonly rule: string; readonly path: string; readonly reason: string };
type Finding = { readonly rule: string; readonly path: string };

/** Every `Validations.of(x).acknowledge(...)` in the app: the rule, where, and why. */
function acknowledgementsIn(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((c: IConstruct) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          rule: id.replace(/^annotation::/i, ''),
          path: c.node.path,
          reason,
        })),
      ),
  );
}

/**
 * What cdk-nag would report if nothing were acknowledged. cdk-nag 3 has no switch for that, so the
 * packs' private acknowledgement check is replaced (if a cdk-nag release renames it, every
 * acknowledgement below looks stale and the test fails: it cannot pass vacuously).
 */
function findingsIgnoringAcknowledgements(app: App): Finding[] {
  const packs: NagPack[] = [new AwsSolutionsChecks(), new ServerlessChecks()];
  return packs.flatMap((pack) => {
    (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    return pack
      .validateScope(app)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })),
      );
  });
}

const covers = (ack: Acknowledgement, finding: Finding) =>
  finding.rule === ack.rule && (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`));

/** The recount state machine's child executions, as cdk-nag prints their ARN. */
const RECOUNT_EXECUTIONS = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"RecountMachineEEE7653C"}]}]}`;

/** The reviewed acknowledgements, per deployment. Adding one means adding it here, with its reason in code. */
const everyDeployment = [
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole] @ BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
  'AwsSolutions-IAM5[Resource::*] @ Api/HandlerRole',
  'AwsSolutions-IAM5[Resource::*] @ Ingestion/IngestRole',
  'AwsSolutions-L1 @ Api/Handler',
  'AwsSolutions-L1 @ Ingestion/Ingest',
  'Serverless-LambdaDLQ @ Api/Handler',
  'Serverless-LambdaDLQ @ Ingestion/Ingest',
  'Serverless-LambdaEventSourceMappingDestination @ Ingestion/Ingest',
  'Serverless-LambdaLatestVersion @ Api/Handler',
  'Serverless-LambdaLatestVersion @ Ingestion/Ingest',
  'Serverless-SQSRedrivePolicy @ Ingestion/DeadLetters',
  'AwsSolutions-IAM5[Resource::*] @ Recount/Machine/Role',
  'AwsSolutions-IAM5[Resource::*] @ Recount/StepRole',
  'AwsSolutions-IAM5[Resource::<RecountStep24B31F87.Arn>:*] @ Recount/Machine/Role',
  `AwsSolutions-IAM5[Resource::${RECOUNT_EXECUTIONS}/*:*] @ Recount/Machine`,
  `AwsSolutions-IAM5[Resource::${RECOUNT_EXECUTIONS}:*] @ Recount/Machine`,
  'AwsSolutions-L1 @ Recount/Step',
  'Serverless-LambdaDLQ @ Recount/Step',
  'Serverless-LambdaLatestVersion @ Recount/Step',
  'AwsSolutions-IAM5[Resource::*] @ Spikes/WatchRole',
  'AwsSolutions-L1 @ Spikes/Watch',
  'Serverless-EventBusDLQ @ Spikes/Hourly',
  'Serverless-LambdaDLQ @ Spikes/Watch',
  'Serverless-LambdaLatestVersion @ Spikes/Watch',
];
const cases = [
  {
    name: 'default settings',
    settings: {},
    expected: [
      ...everyDeployment,
      'AwsSolutions-APIG4 @ Api/Http',
      'AwsSolutions-IAM5[Resource::<StorageArticles861864AA.Arn>/*] @ Api/HandlerRole',
      'AwsSolutions-IAM5[Resource::<StorageArticles861864AA.Arn>/*] @ Ingestion/IngestRole',
      'AwsSolutions-IAM5[Resource::<StorageArticles861864AA.Arn>/*] @ Recount/StepRole',
    ],
  },
  {
    name: 'locked down for production',
    settings: lockedDown,
    expected: [
      ...everyDeployment,
      'AwsSolutions-IAM5[Resource::<StorageArticles861864AA.Arn>/incoming/*] @ Api/HandlerRole',
      'AwsSolutions-IAM5[Resource::<StorageArticles861864AA.Arn>/incoming/*] @ Recount/StepRole',
      'AwsSolutions-IAM5[Resource::<StorageArticles861864AA.Arn>/incoming/*] @ Ingestion/IngestRole',
      'Serverless-SNSRedrivePolicy @ Monitoring/Alarms',
      'Serverless-EventBusDLQ @ Spikes/ToAlarmTopic',
    ],
  },
];

describe.each(cases)('cdk-nag, $name', ({ settings, expected }) => {
  let synthesised: Synthesised;
  let acknowledgements: Acknowledgement[];
  beforeAll(async () => {
    synthesised = await synth(settings);
    acknowledgements = acknowledgementsIn(synthesised.app);
  });

  it('synthesises with no unacknowledged error or warning from the AwsSolutions and Serverless packs', () => {
    // synth() would have thrown; the report the CLI prints says the same.
    const report = JSON.parse(
      readFileSync(join(synthesised.assembly.directory, 'validation-report.json'), 'utf8'),
    );
    expect(report.pluginReports.flatMap((r: Json) => r.violations)).toEqual([]);
  });

  it('acknowledges exactly the reviewed findings, each with a reason', () => {
    const stackPath = `${synthesised.stack.node.path}/`;
    expect(acknowledgements.map((a) => `${a.rule} @ ${a.path.replace(stackPath, '')}`).sort()).toEqual(
      [...expected].sort(),
    );
    for (const ack of acknowledgements) expect(ack.reason.length, ack.rule).toBeGreaterThan(60);
  });

  it('acknowledges no finding that does not occur (no stale acknowledgement)', () => {
    const findings = findingsIgnoringAcknowledgements(synthesised.app);
    const stale = acknowledgements.filter((ack) => !findings.some((f) => covers(ack, f)));
    expect(stale).toEqual([]);
  });
});

describe('cdk-nag in the app', () => {
  it('fails the synthesis on a finding nobody acknowledged', async () => {
    // No bundling: the check is about the validation, not the functions' code.
    const app = new App({ context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [] } });
    const stack = await defineTrendwireApp(app);
    new Bucket(stack, 'Unreviewed');
    expect(() => app.synth()).toThrow(
      /Unreviewed\/Resource[\s\S]*Acknowledge with 'AwsSolutions::AwsSolutions-S1'/,
    );
  });
});
