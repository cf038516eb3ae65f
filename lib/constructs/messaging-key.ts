import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * The key of the SNS topics. CloudWatch (alarm actions) and SES (event publishing) write to
 * encrypted topics only if the key policy lets them, which AWS-managed `alias/aws/sns` never
 * does; hence a customer key, usable by those two services from this account only.
 */
export function messagingKey(scope: Construct, id: string): Key {
  const key = new Key(scope, id, {
    description: 'dondoc SNS topics',
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'AllowPublishingServices',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com'), new ServicePrincipal('ses.amazonaws.com')],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  );
  return key;
}
