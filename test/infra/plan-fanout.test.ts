import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from './app-fixture.ts';

let built: BuiltApp;
let service: Template;

beforeAll(() => {
  built = buildApp();
  service = built.serviceTemplate;
});

const logicalId = (construct: { node: { defaultChild?: unknown } }): string => Stack.of(built.service).getLogicalId(construct.node.defaultChild as never);

/** Every statement of the inline policies on this role. */
function statementsOf(role: { node: { defaultChild?: unknown } }): Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> {
  const id = Stack.of(built.service).getLogicalId(role.node.defaultChild as CfnRole);
  return Object.values(service.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: id }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const sendsTo = (role: { node: { defaultChild?: unknown } }, queue: { node: { defaultChild?: unknown } }): boolean =>
  statementsOf(role).some((s) => [s.Action].flat().includes('sqs:SendMessage') && JSON.stringify(s.Resource).includes(logicalId(queue)));

describe('the daily run fanned out through the plan queue', () => {
  it('has a plan queue that parks a part failing five times in its dead-letter queue, with an alarm on it', () => {
    const { planQueue, operations } = built.service;
    service.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(planQueue.deadLetterQueue), 'Arn'] }, maxReceiveCount: 5 },
      /* six times the plan worker's three minutes */
      VisibilityTimeout: 6 * 180,
      SqsManagedSseEnabled: true,
    });
    service.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(planQueue.deadLetterQueue), 'QueueName'] } }],
      AlarmActions: [{ Ref: logicalId(operations.topic) }],
    });
  });

  it('feeds the plan worker one part per invocation, reporting partial failures, and alarms on its errors', () => {
    const { planner, planQueue } = built.service;
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(planner.worker) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(planQueue.queue), 'Arn'] },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: Match.anyValue() },
    });
    service.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'dondoc-plan-worker', PLAN_QUEUE_URL: { Ref: logicalId(planQueue.queue) } }) },
      Timeout: 180,
    });
    service.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(planner.worker) } }] });
  });

  it('lets the scheduled planner queue parts but not emails, and write only the run partition', () => {
    const { planner, planQueue, notifyQueue } = built.service;
    expect(sendsTo(planner.fn.role, planQueue.queue)).toBe(true);
    expect(sendsTo(planner.fn.role, notifyQueue.queue)).toBe(false);
    const writes = statementsOf(planner.fn.role).filter((s) => [s.Action].flat().includes('dynamodb:PutItem'));
    expect(writes.map((s) => s.Condition)).toEqual([{ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RUN#*'] } }]);
  });

  it('lets the plan worker queue emails and the finish, and never consume the notification queue', () => {
    const { planner, planQueue, notifyQueue } = built.service;
    expect(sendsTo(planner.worker.role, notifyQueue.queue)).toBe(true);
    expect(sendsTo(planner.worker.role, planQueue.queue)).toBe(true);
    const consumes = statementsOf(planner.worker.role).filter((s) => [s.Action].flat().includes('sqs:ReceiveMessage'));
    expect(consumes.map((s) => JSON.stringify(s.Resource))).toEqual([JSON.stringify({ 'Fn::GetAtt': [logicalId(planQueue.queue), 'Arn'] })]);
  });
});
