import { CfnOutput } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DashboardClient } from './dashboard-client.ts';
import { dashboardBuild } from './dashboard-bundle.ts';
import { DashboardDeployment } from './dashboard-deployment.ts';
import { DashboardSite } from './dashboard-site.ts';
import type { DashboardUsers } from './dashboard-users.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { UploadCors } from './upload-cors.ts';

export interface DashboardProps {
  users: DashboardUsers;
  snapshots: SnapshotStore;
  /** The department's own address for the dashboard, if it points one at the distribution. */
  dashboardUrl: string | undefined;
  accessLogDays: number;
  /** For the logs of CDK's deployment and custom-resource functions, like every other log group. */
  logRetention: RetentionDays;
}

/**
 * The dashboard on AWS: the site behind CloudFront, the app client users sign in with, and,
 * once the API exists, the API on the same origin, the built app with its config.json, and
 * the snapshot bucket's CORS rule for uploads from the page.
 */
export class Dashboard extends Construct {
  readonly site: DashboardSite;
  readonly client: DashboardClient;
  /** What users open, emails link to and sign-in returns to: the given dashboardUrl, else the CloudFront URL. */
  readonly url: string;
  private readonly origin: string;

  constructor(scope: Construct, id: string, private readonly props: DashboardProps) {
    super(scope, id);
    this.site = new DashboardSite(this, 'Site', {
      signInUrl: props.users.signInUrl,
      uploadUrl: `https://${props.snapshots.bucket.bucketRegionalDomainName}`,
      accessLogDays: props.accessLogDays,
    });
    this.url = props.dashboardUrl ?? `${this.site.origin}/`;
    this.origin = props.dashboardUrl === undefined ? this.site.origin : new URL(props.dashboardUrl).origin;
    this.client = new DashboardClient(this, 'Client', { userPool: props.users.userPool, dashboardUrl: this.url });

    // What an operator needs after `cdk deploy`: where to open the dashboard and where to create its users.
    for (const [name, value, description] of [
      ['DashboardUrl', this.url, 'Where users open the dashboard'],
      ['DashboardCloudFrontUrl', `${this.site.origin}/`, 'The distribution itself, for pointing a custom domain at it'],
      ['UserPoolId', props.users.userPool.userPoolId, 'The dashboard user pool, for `aws cognito-idp admin-create-user`'],
      ['SignInUrl', props.users.signInUrl, 'The hosted sign-in page'],
    ] as const) {
      new CfnOutput(this, name, { value, description }).overrideLogicalId(name);
    }
  }

  /** Puts the API under /api/* of the site and deploys the app configured to sign in and call it there. */
  serve(api: IHttpApi): void {
    this.site.serveApi(api);
    new DashboardDeployment(this, 'Deployment', {
      build: dashboardBuild(),
      bucket: this.site.bucket,
      distribution: this.site.distribution,
      logRetention: this.props.logRetention,
      config: {
        auth: 'cognito',
        apiUrl: this.origin,
        cognitoDomain: this.props.users.signInUrl,
        clientId: this.client.userPoolClientId,
        redirectUri: this.url,
      },
    });
    new UploadCors(this, 'UploadCors', { bucket: this.props.snapshots.bucket, dashboardOrigin: this.origin, logRetention: this.props.logRetention });
  }
}
