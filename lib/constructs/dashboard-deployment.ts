import { DefaultStackSynthesizer, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** What the page reads from /config.json at boot to sign in and call the API (dashboard/src). */
export interface DashboardRuntimeConfig {
  auth: 'cognito';
  apiUrl: string;
  cognitoDomain: string;
  clientId: string;
  redirectUri: string;
}

export interface DashboardDeploymentProps {
  build: ISource;
  bucket: Bucket;
  distribution: IDistribution;
  config: DashboardRuntimeConfig;
  logRetention: RetentionDays;
}

/* Vite names every file under assets/ by its content hash, so those never change and are
   cached for a year; index.html and config.json name the current ones and are revalidated on
   every load. */
const HASHED = 'assets/*';
const IMMUTABLE = [CacheControl.fromString('public, max-age=31536000, immutable')];
const REVALIDATE = [CacheControl.noCache()];

/**
 * Uploads the built app and writes config.json with the values of this deployment. Hashed
 * assets go first and are never pruned, so a page already open (or an index.html still in a
 * cache) keeps finding the files it names; then the page and its config, then an
 * invalidation so the new index.html is served at once.
 */
export class DashboardDeployment extends Construct {
  /** The role of CDK's deployment function, shared by both uploads. */
  readonly handlerRole: IRole;

  constructor(scope: Construct, id: string, props: DashboardDeploymentProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    const assets = new BucketDeployment(this, 'Assets', {
      logGroup,
      sources: [props.build],
      destinationBucket: props.bucket,
      exclude: ['*'],
      include: [HASHED],
      prune: false,
      cacheControl: IMMUTABLE,
    });
    const page = new BucketDeployment(this, 'Page', {
      logGroup,
      sources: [props.build, Source.jsonData('config.json', props.config)],
      destinationBucket: props.bucket,
      exclude: [HASHED],
      cacheControl: REVALIDATE,
      distribution: props.distribution,
      distributionPaths: ['/index.html', '/config.json'],
    });
    page.node.addDependency(assets);
    this.handlerRole = page.handlerRole;
    acknowledgeDeploymentHandler(page, props.bucket);
  }
}

/* Both deployments share one CDK-owned singleton function; its role and runtime are CDK's. */
function acknowledgeDeploymentHandler(deployment: BucketDeployment, site: Bucket): void {
  const handler = deployment.handlerRole.node.scope;
  if (handler === undefined) return;
  const stack = Stack.of(site);
  const siteArn = `<${stack.getLogicalId(site.node.defaultChild as CfnBucket)}.Arn>`;
  const staging = `arn:${stack.partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-${stack.region}`;
  const acks = Validations.of(handler);
  const because = (reason: string) => `CDK's BucketDeployment function: ${reason}`;
  acks.acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: because('the basic execution policy lets it write its own logs and nothing else.'),
  });
  for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*']) {
    acks.acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: because('it reads the zipped build from the CDK staging bucket and syncs it into the site bucket, pruning old files.') });
  }
  acks.acknowledge({ id: `AwsSolutions-IAM5[Resource::${staging}/*]`, reason: because('the built app arrives as an asset in the CDK staging bucket.') });
  acks.acknowledge({ id: `AwsSolutions-IAM5[Resource::${siteArn}/*]`, reason: because('it writes every file of the app into the site bucket, which holds nothing else.') });
  acks.acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: because('cloudfront:CreateInvalidation and GetInvalidation do not support resource-level permissions here.') });
  acks.acknowledge({ id: 'AwsSolutions-L1', reason: because('CDK pins the Python runtime of its deployment function together with the AWS CLI layer it ships.') });
}
