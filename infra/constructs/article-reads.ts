import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { TrendwireFunction } from './node-function.js';

/**
 * Lets a function read article objects (any version) under the configured prefix, and nothing
 * else of the bucket: the ingest function analyses them, the API reads one again to show its
 * text and matches.
 */
export function grantArticleReads(fn: TrendwireFunction, articles: Bucket, prefix: string | undefined): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      sid: 'ReadArticleObjects',
      actions: ['s3:GetObject', 's3:GetObjectVersion'],
      resources: [articles.arnForObjects(`${prefix ?? ''}*`)],
    }),
  );
  // Without s3:ListBucket, S3 answers a GET of a key deleted meanwhile with 403 AccessDenied
  // instead of 404 NoSuchKey, and the function could not tell "gone" from "forbidden".
  fn.addToRolePolicy(
    new PolicyStatement({
      sid: 'TellMissingArticlesFromForbidden',
      actions: ['s3:ListBucket'],
      resources: [articles.bucketArn],
    }),
  );
  Validations.of(fn.role ?? fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(articles)}.Arn>/${prefix ?? ''}*]`,
    reason:
      'Reading article objects: any key under the configured prefix can be an article. ' +
      'Only s3:GetObject and s3:GetObjectVersion, on objects of this one bucket.',
  });
}

function logicalIdOf(bucket: Bucket): string {
  return Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement);
}
