import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SecurityHeaders } from './security-headers.ts';
import { SpaFallback } from './spa-fallback.ts';

export interface DashboardSiteProps {
  /** The hosted sign-in page's origin: the page exchanges its authorization code there. */
  signInUrl: string;
  /** Where the browser posts presigned uploads (the snapshot bucket's regional endpoint). */
  uploadUrl: string;
  accessLogDays: number;
}

/**
 * The dashboard's one origin: the built app from a private bucket that only this distribution
 * may read (Origin Access Control), and, once `serveApi` is called, the HTTP API under /api/*.
 * One origin for both means the CSP names no API host and the API needs no CORS, and it is
 * what breaks the cycle a cross-origin API would make (the CSP would name the API, the API's
 * CORS the distribution).
 */
export class DashboardSite extends Construct {
  readonly bucket: Bucket;
  readonly logs: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution>.cloudfront.net, no trailing slash */
  readonly origin: string;
  private readonly headers: SecurityHeaders;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    this.logs = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront's standard logs are delivered with an ACL grant, which an owner-enforced bucket refuses.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(props.accessLogDays) }],
    });
    Validations.of(this.logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the site and its distribution; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'site-bucket/',
      // Deployed files outlive a deployment (old hashed assets keep serving open pages), so the bucket is never empty to delete.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.headers = new SecurityHeaders(this, 'SecurityHeaders', { connectTo: [props.signInUrl, props.uploadUrl] });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'dondoc dashboard',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [{ function: new SpaFallback(this, 'SpaFallback'), eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    const acks = Validations.of(this.distribution);
    acks.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Schools, offices and the department sign in from anywhere, phones included; access is decided by Cognito and the API, not by country.',
    });
    acks.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'Every API route needs a Cognito token and is throttled at the stage; the static files are public by nature. A WAF web ACL would be billed for no rule we need.',
    });
    acks.acknowledge({
      id: 'AwsSolutions-CFR4',
      reason: 'CloudFront fixes the security policy of its default *.cloudfront.net certificate; pinning TLS 1.2 needs a custom domain with an ACM certificate in us-east-1, which this app does not manage.',
    });
  }

  /** Forwards /api/* to the HTTP API, uncached, with every viewer header but Host (API Gateway routes on its own host name). */
  serveApi(api: IHttpApi): void {
    const domain = `${api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
    this.distribution.addBehavior('/api/*', new HttpOrigin(domain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [OriginSslPolicy.TLS_V1_2] }), {
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Caching off is also what lets CloudFront forward the Authorization header through an origin request policy.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.headers,
    });
  }
}
