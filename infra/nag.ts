import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { Construct } from 'constructs';

/**
 * cdk-nag's AWS Solutions and Serverless packs as CDK policy-validation plugins: any finding
 * that is not acknowledged where it arises (`Validations.of(construct).acknowledge`, each with its
 * rule id and a reason) fails the synthesis, errors and warnings alike.
 */
export function applyNagChecks(app: Construct): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
  );
}
