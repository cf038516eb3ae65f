import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { grantReportRead, grantSnapshotUpload } from '../grants/snapshot-access.ts';
import { grantTableRead } from '../grants/table-access.ts';
import { DondocFunction } from './dondoc-function.ts';
import type { DondocTable } from './dondoc-table.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import type { WorkerProps } from './worker-props.ts';

export interface DashboardApiProps extends WorkerProps {
  userPool: IUserPool;
  /** The dashboard's app client: only its tokens open the API. */
  client: IUserPoolClient;
  table: DondocTable;
  snapshots: SnapshotStore;
}

/* A province has a few hundred dashboard users; these limits absorb a morning rush and stop
   a runaway client long before it costs anything. */
const THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * The dashboard's HTTP API: every route needs a Cognito access or ID token of the dashboard
 * client, reads go to the table (and to the validation reports of rejected uploads), and an
 * upload is a presigned POST the browser sends to S3 itself, so no snapshot ever passes
 * through the function. The browser reaches it through the dashboard's CloudFront origin
 * (DashboardSite.serveApi), so it admits no cross-origin call: no CORS configuration.
 */
export class DashboardApi extends Construct {
  readonly fn: DondocFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: DashboardApiProps) {
    super(scope, id);
    this.fn = new DondocFunction(this, 'Function', {
      handler: 'api',
      description: 'Dashboard API: statuses, rollups and presigned snapshot uploads',
      environment: props.environment,
      logRetention: props.logRetention,
    });
    grantTableRead(this.fn, props.table);
    grantSnapshotUpload(this.fn.role, props.snapshots);
    grantReportRead(this.fn.role, props.snapshots);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'dondoc dashboard API',
      createDefaultStage: false,
      defaultAuthorizer: new HttpUserPoolAuthorizer('DashboardUsers', props.userPool, { userPoolClients: [props.client] }),
    });
    const integration = new HttpLambdaIntegration('Api', this.fn);
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.GET], integration });
    this.httpApi.addRoutes({ path: '/api/uploads', methods: [HttpMethod.POST], integration });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat() },
    });
  }
}

/* JSON, one line per request, with the caller's Cognito user id and source IP so an operator
   can trace a request to an account; never the token, never the email address. */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      time: '$context.requestTime',
      method: '$context.httpMethod',
      path: '$context.path',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latencyMs: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
      authorizerError: '$context.authorizer.error',
      user: '$context.authorizer.claims.sub',
      sourceIp: '$context.identity.sourceIp',
    }),
  );
}
