import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId, type AwsSdkCall } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface UploadCorsProps {
  /** The snapshot bucket, in the data stack. */
  bucket: IBucket;
  /** The one origin whose pages may read the answer to a presigned POST. */
  dashboardOrigin: string;
  logRetention: RetentionDays;
}

/* The page posts a presigned form straight to the snapshot bucket, so the bucket must name the
   dashboard's origin in a CORS rule. The origin is the CloudFront domain, created in the service
   stack; written on the bucket in the data stack it would make the data stack depend on the
   service stack, which depends on it. So the service stack sets the rule with one S3 call once
   the distribution exists, and takes it away again when it goes. The bucket's own template
   declares no CORS, so a data-stack update never resets it. */
function putCors(props: UploadCorsProps): AwsSdkCall {
  return {
    service: 'S3',
    action: 'putBucketCors',
    parameters: {
      Bucket: props.bucket.bucketName,
      CORSConfiguration: {
        // A form POST with a file is a simple request: no preflight, no custom headers to allow.
        CORSRules: [{ AllowedOrigins: [props.dashboardOrigin], AllowedMethods: ['POST'], ExposeHeaders: ['ETag', 'Location'], MaxAgeSeconds: 3600 }],
      },
    },
    physicalResourceId: PhysicalResourceId.of(`${props.bucket.bucketName}-upload-cors`),
  };
}

/** Lets the dashboard's origin, and no other, read the result of a presigned upload to the snapshot bucket. */
export class UploadCors extends Construct {
  readonly resource: AwsCustomResource;

  constructor(scope: Construct, id: string, props: UploadCorsProps) {
    super(scope, id);
    this.resource = new AwsCustomResource(this, 'Rule', {
      onCreate: putCors(props),
      onUpdate: putCors(props),
      onDelete: { service: 'S3', action: 'deleteBucketCors', parameters: { Bucket: props.bucket.bucketName } },
      // PutBucketCors and DeleteBucketCors are both authorised by s3:PutBucketCORS.
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['s3:PutBucketCORS'], resources: [props.bucket.bucketArn] })]),
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN }),
    });
    const handler = this.resource.grantPrincipal instanceof Construct ? this.resource.grantPrincipal.node.scope : undefined;
    if (handler !== undefined) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's AwsCustomResource function: the basic execution policy lets it write its own logs; its one S3 permission is the statement above.",
      });
    }
  }
}
