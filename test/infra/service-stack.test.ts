import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from './app-fixture.ts';

let built: BuiltApp;
let service: Template;
let data: Template;

beforeAll(() => {
  built = buildApp({ adminEmails: 'ops@sgd.edu.vn,it@sgd.edu.vn' });
  service = built.serviceTemplate;
  data = built.dataTemplate;
});

function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  return Stack.of(construct as never).getLogicalId(construct.node.defaultChild as never);
}

/** dondoc's own functions; CDK adds its deployment and custom-resource helpers beside them. */
function dondocFunctions(template: Template): [string, { Properties: Record<string, unknown> }][] {
  const found = template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: Match.anyValue() } } } });
  return Object.entries(found).map(([id, fn]) => [id, { Properties: fn.Properties as Record<string, unknown> }]);
}

const SITE_URL = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] }, '/']] };

describe('queues', () => {
  it('gives every work queue a dead-letter queue after five receives, and every queue SSE and TLS only', () => {
    for (const template of [data, service]) {
      const queues = template.findResources('AWS::SQS::Queue');
      for (const [id, queue] of Object.entries(queues)) {
        expect(queue.Properties.SqsManagedSseEnabled, id).toBe(true);
        if (queue.Properties.RedrivePolicy) expect(queue.Properties.RedrivePolicy.maxReceiveCount, id).toBe(5);
        else expect(queue.Properties.MessageRetentionPeriod, `${id} is a dead-letter queue`).toBe(14 * 24 * 3600);
      }
      for (const policy of Object.values(template.findResources('AWS::SQS::QueuePolicy'))) {
        expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        );
      }
      expect(Object.keys(template.findResources('AWS::SQS::QueuePolicy'))).toHaveLength(Object.keys(queues).length);
    }
  });

  it('feeds the ingest one object at a time and the sender ten messages at a time, both reporting partial failures', () => {
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(built.service.ingest.fn) },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(built.service.sender.fn) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(built.service.notifyQueue.queue), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const mappings = Object.values(service.findResources('AWS::Lambda::EventSourceMapping'));
    // the ingest, the sender and the plan worker (test/infra/plan-fanout.test.ts)
    expect(mappings).toHaveLength(3);
    for (const mapping of mappings) expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it("sets each queue's visibility timeout to six times its consumer's timeout", () => {
    data.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.anyValue(), VisibilityTimeout: 6 * 300 });
    service.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.anyValue(), VisibilityTimeout: 6 * 30 });
  });
});

describe('functions', () => {
  it('run Node 22 on arm64 with JSON logs into their own log group', () => {
    const functions = dondocFunctions(service);
    expect(functions).toHaveLength(6);
    for (const [id, fn] of functions) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  it('receive the environment contract', () => {
    service.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          BUCKET_NAME: Match.anyValue(),
          NOTIFY_QUEUE_URL: { Ref: logicalId(built.service.notifyQueue.queue) },
          SENDER_ADDRESS: 'dondoc@example.gov.vn',
          CONFIGURATION_SET: { Ref: logicalId(built.service.mail.configurationSet) },
          DEPARTMENT_CODE: 'SGDHP',
          DASHBOARD_URL: SITE_URL,
          DONDOC_DISPATCHES_DIR: '/var/task/dispatches',
          POWERTOOLS_SERVICE_NAME: 'dondoc-sender',
        }),
      },
    });
  });

  it('keep every log group, in both stacks, for the configured retention', () => {
    const groups = { ...data.findResources('AWS::Logs::LogGroup'), ...service.findResources('AWS::Logs::LogGroup') };
    // the six functions', the API's access logs, and CDK's deployment and custom-resource functions'
    expect(Object.keys(groups)).toHaveLength(9);
    for (const [id, group] of Object.entries(groups)) expect(group.Properties.RetentionInDays, id).toBe(90);
  });
});

describe('schedules', () => {
  it('run the daily job at 08:00 and the digest on Monday at 08:00, Vietnam time, with retries and a dead-letter queue', () => {
    for (const [expression, run] of [
      ['cron(0 8 * * ? *)', 'daily'],
      ['cron(0 8 ? * MON *)', 'digest'],
    ] as const) {
      service.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: expression,
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        State: 'ENABLED',
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(built.service.planner.fn), 'Arn'] },
          Input: JSON.stringify({ run }),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(built.service.planner.deadLetterQueue), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        }),
      });
    }
    expect(Object.keys(service.findResources('AWS::Scheduler::Schedule'))).toHaveLength(2);
  });
});

describe('outbound mail', () => {
  it('publishes bounces and complaints to an encrypted topic the ses-events function is subscribed to', () => {
    service.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: { TopicARN: { Ref: logicalId(built.service.mail.eventsTopic) } },
      }),
    });
    service.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: logicalId(built.service.mail.eventsTopic) },
      Endpoint: { 'Fn::GetAtt': [logicalId(built.service.sesEvents.fn), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(built.service.sesEvents.deadLetterQueue), 'Arn'] } },
    });
  });
});

describe('dashboard API', () => {
  it('authorises every route with a JWT from the dashboard user pool client', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: logicalId(built.service.dashboard.client) }], Issuer: Match.anyValue() },
    });
    const routes = service.findResources('AWS::ApiGatewayV2::Route');
    expect(Object.values(routes).map((r) => r.Properties.RouteKey).sort()).toEqual(['GET /api/{proxy+}', 'POST /api/uploads']);
    for (const route of Object.values(routes)) expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: expect.any(String) } });
  });

  it('admits no cross-origin call: the dashboard reaches it on its own origin, through CloudFront', () => {
    const [api] = Object.values(service.findResources('AWS::ApiGatewayV2::Api'));
    expect(api?.Properties.CorsConfiguration).toBeUndefined();
  });

  it('throttles and writes JSON access logs to a log group with retention', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logicalId(built.service.api.accessLogs), 'Arn'] }, Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
  });
});

describe('operations', () => {
  it('has an encrypted, TLS-only topic with the admin addresses subscribed', () => {
    service.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'dondoc operations', KmsMasterKeyId: Match.anyValue() });
    service.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalId(built.service.operations.topic) }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    for (const address of ['ops@sgd.edu.vn', 'it@sgd.edu.vn']) {
      service.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: address, TopicArn: { Ref: logicalId(built.service.operations.topic) } });
    }
  });

  it('alarms on every dead-letter queue of both stacks', () => {
    const local = [built.service.notifyQueue.deadLetterQueue, built.service.planner.deadLetterQueue, built.service.sesEvents.deadLetterQueue];
    for (const queue of local) {
      service.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue), 'QueueName'] } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        AlarmActions: [{ Ref: logicalId(built.service.operations.topic) }],
      });
    }
    // The ingest queue lives in the data stack; its dead-letter queue reaches the alarm as a stack output.
    const ingestDlq = logicalId(built.data.ingestQueue.deadLetterQueue);
    const crossStack = Object.values(service.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'ApproximateNumberOfMessagesVisible' } }))
      .map((alarm) => JSON.stringify(alarm.Properties.Dimensions))
      .filter((dimensions) => dimensions.includes(ingestDlq));
    expect(crossStack).toHaveLength(1);

    const deadLetterQueues =
      Object.values(service.findResources('AWS::SQS::Queue')).filter((q) => !q.Properties.RedrivePolicy).length +
      Object.values(data.findResources('AWS::SQS::Queue')).filter((q) => !q.Properties.RedrivePolicy).length;
    expect(Object.keys(service.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'ApproximateNumberOfMessagesVisible' } }))).toHaveLength(deadLetterQueues);
  });

  it('alarms on errors of every function', () => {
    for (const [fn] of dondocFunctions(service)) {
      service.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: logicalId(built.service.operations.topic) }],
      });
    }
  });

  it('alarms on the SES bounce and complaint rates', () => {
    for (const [metric, threshold] of [
      ['Reputation.BounceRate', 0.05],
      ['Reputation.ComplaintRate', 0.001],
    ] as const) {
      service.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SES',
        MetricName: metric,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: logicalId(built.service.operations.topic) }],
      });
    }
  });

  it('lets CloudWatch and SES use the topic key', () => {
    service.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowPublishingServices',
            Principal: { Service: ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'] },
          }),
        ]),
      },
    });
  });
});

describe('context overrides (`cdk deploy -c key=value`)', () => {
  let custom: Template;

  beforeAll(() => {
    custom = buildApp({
      logRetentionDays: '365',
      dailyRunTime: '06:30',
      digestWeekday: 'FRI',
      digestRunTime: '15:00',
      dashboardUrl: 'https://sgd.haiphong.gov.vn/dondoc/',
    }).serviceTemplate;
  });

  it('move the schedules', () => {
    custom.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(30 6 * * ? *)', ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh' });
    custom.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 15 ? * FRI *)', ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh' });
  });

  it('change the retention of every log group', () => {
    for (const group of Object.values(custom.findResources('AWS::Logs::LogGroup'))) expect(group.Properties.RetentionInDays).toBe(365);
  });

  it("link emails and return sign-in to the department's own dashboard address", () => {
    for (const [id, fn] of dondocFunctions(custom)) {
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.DASHBOARD_URL, id).toBe('https://sgd.haiphong.gov.vn/dondoc/');
    }
    custom.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://sgd.haiphong.gov.vn/dondoc/'],
      LogoutURLs: ['https://sgd.haiphong.gov.vn/dondoc/'],
    });
  });
});
