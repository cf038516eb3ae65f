import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IConstruct } from 'constructs';
import { DashboardDeployment } from '../../lib/constructs/dashboard-deployment.ts';
import type { DondocFunction } from '../../lib/constructs/dondoc-function.ts';
import { UploadCors } from '../../lib/constructs/upload-cors.ts';
import { buildApp, type BuiltApp } from './app-fixture.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

let built: BuiltApp;
let service: Template;
let data: Template;

beforeAll(() => {
  built = buildApp();
  service = built.serviceTemplate;
  data = built.dataTemplate;
});

const actionsOf = (statement: Statement): string[] => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);

/** The statements of every inline policy attached to the function's role. */
function statementsOf(fn: DondocFunction): Statement[] {
  const roleId = Stack.of(fn).getLogicalId(fn.role.node.defaultChild as CfnRole);
  return Object.values(service.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

function allowedActions(fn: DondocFunction): string[] {
  return [...new Set(statementsOf(fn).flatMap(actionsOf))].sort();
}

const LOGS = ['logs:CreateLogStream', 'logs:PutLogEvents'];
const TABLE_READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const TABLE_KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const TABLE_KEY_WRITE = [...TABLE_KEY_READ, 'kms:Encrypt', 'kms:GenerateDataKey'];
const CONSUME = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'];
const SEND = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
const WRITES = new Set([...TABLE_WRITE, 'dynamodb:DeleteItem']);

function only<T>(type: abstract new (...args: never[]) => T): T {
  const found = built.service.node.findAll().filter((c): c is IConstruct & T => c instanceof type);
  expect(found).toHaveLength(1);
  return found[0] as T;
}

function roleId(role: IConstruct): string {
  return Stack.of(role).getLogicalId(role.node.defaultChild as CfnRole);
}

const sorted = (...groups: string[][]): string[] => [...new Set(groups.flat())].sort();

describe('least privilege', () => {
  it('never lets anything scan the table or use a DynamoDB or S3 action wildcard', () => {
    // CDK's BucketDeployment grants itself s3:GetObject* and the like on the site bucket; acknowledged with reasons in cdk-nag.
    const deployer = roleId(only(DashboardDeployment).handlerRole);
    const allowed = [data, service]
      .flatMap((template) => [...Object.values(template.findResources('AWS::IAM::Policy')), ...Object.values(template.findResources('AWS::IAM::ManagedPolicy'))])
      .filter((policy) => JSON.stringify(policy.Properties.Roles) !== JSON.stringify([{ Ref: deployer }]))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
      .filter((statement) => statement.Effect === 'Allow')
      .flatMap(actionsOf);
    expect(allowed).toContain('dynamodb:Query');
    expect(allowed).not.toContain('dynamodb:Scan');
    expect(allowed.filter((action) => /^(dynamodb|s3):.*\*/.test(action))).toEqual([]);
  });

  it('gives each function only the actions its handler uses', () => {
    const { ingest, planner, sender, sesEvents, api } = built.service;
    expect(allowedActions(ingest.fn)).toEqual(sorted(LOGS, CONSUME, SEND, TABLE_READ, TABLE_WRITE, ['dynamodb:DeleteItem'], TABLE_KEY_WRITE));
    expect(allowedActions(planner.fn)).toEqual(sorted(LOGS, SEND, TABLE_READ, TABLE_WRITE, TABLE_KEY_WRITE));
    expect(allowedActions(sender.fn)).toEqual(
      sorted(LOGS, CONSUME, TABLE_READ, TABLE_WRITE, ['dynamodb:DeleteItem'], TABLE_KEY_WRITE, ['ses:SendEmail', 'ses:SendRawEmail']),
    );
    expect(allowedActions(sesEvents.fn)).toEqual(sorted(LOGS, ['sqs:SendMessage'], TABLE_WRITE, TABLE_KEY_WRITE));
    expect(allowedActions(api.fn)).toEqual(sorted(LOGS, TABLE_READ, TABLE_KEY_READ));
  });

  it('limits every table write to the partitions the data model gives the function', () => {
    const expected = new Map<DondocFunction, string[]>([
      [built.service.ingest.fn, ['UNIT#*', 'ROLLUP#*', 'OBJECT#*']],
      [built.service.planner.fn, ['RUN#*']],
      [built.service.planner.worker, ['UNIT#*', 'ROLLUP#*', 'RUN*']],
      [built.service.sender.fn, ['NOTIFY#*']],
      [built.service.sesEvents.fn, ['SUPPRESS#*']],
    ]);
    for (const [fn, partitions] of expected) {
      const writes = statementsOf(fn).filter((s) => actionsOf(s).some((a) => WRITES.has(a)));
      expect(writes.length, fn.node.path).toBeGreaterThan(0);
      for (const statement of writes) {
        expect(statement.Condition, fn.node.path).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions } });
      }
    }
  });

  it('lets the sender read only the notification log and the suppression list, and never write a unit', () => {
    const statements = statementsOf(built.service.sender.fn);
    const reads = statements.filter((s) => actionsOf(s).includes('dynamodb:GetItem'));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['NOTIFY#*', 'SUPPRESS#*'] } });
    expect(JSON.stringify(statements)).not.toContain('UNIT#');
  });

  it('gives the API no table write and no S3 action but the presigned upload into snapshots/', () => {
    const statements = statementsOf(built.service.api.fn);
    expect(statements.flatMap(actionsOf).filter((a) => WRITES.has(a))).toEqual([]);
    const role = service.findResources('AWS::IAM::Role', { Properties: { Description: 'dondoc api function' } });
    expect(JSON.stringify(Object.values(role)[0]?.Properties.ManagedPolicyArns)).toContain('UploadSnapshots');
    data.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Description: 'dondoc snapshot bucket: UploadSnapshots',
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, '/snapshots/*']] } },
          { Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: Match.anyValue(), Condition: Match.anyValue() },
        ],
        Version: '2012-10-17',
      },
    });
  });

  it('lets the API read validation reports, and nothing of the rejected files themselves', () => {
    const role = service.findResources('AWS::IAM::Role', { Properties: { Description: 'dondoc api function' } });
    expect(JSON.stringify(Object.values(role)[0]?.Properties.ManagedPolicyArns)).toContain('ReadReports');
    data.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Description: 'dondoc snapshot bucket: ReadReports',
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, '/reports/*']] } },
          { Effect: 'Allow', Action: 'kms:Decrypt', Resource: Match.anyValue(), Condition: Match.anyValue() },
        ],
        Version: '2012-10-17',
      },
    });
  });

  it('lets the CORS rule for uploads only set the CORS of the snapshot bucket', () => {
    const role = roleId(only(UploadCors).resource.grantPrincipal as unknown as IConstruct);
    const statements = Object.values(service.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: role }]))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    expect(statements.map((s) => [s.Effect, s.Action])).toEqual([['Allow', 's3:PutBucketCORS']]);
    expect(JSON.stringify(statements[0]?.Resource)).toContain('SnapshotsBucket');
  });

  it('lets the ingest touch objects only under its three prefixes', () => {
    const [policy] = Object.values(data.findResources('AWS::IAM::ManagedPolicy', { Properties: { Description: 'dondoc snapshot bucket: IngestObjects' } }));
    const objectResources = (policy?.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => actionsOf(s).some((a) => a.endsWith('Object') || a.endsWith('ObjectVersion')))
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
      .map((r) => (r as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1]);
    expect(objectResources.sort()).toEqual(['/quarantine/*', '/reports/*', '/snapshots/*']);
  });

  it('lets the sender send only as the configured address, through the identity and the configuration set', () => {
    const [ses] = statementsOf(built.service.sender.fn).filter((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'dondoc@example.gov.vn' } });
    const resources = JSON.stringify(ses?.Resource);
    expect(resources).toContain(':identity/');
    expect(resources).toContain(':configuration-set/');
    expect(ses?.Resource).toHaveLength(2);
  });

  it('lets the scheduler invoke only the planner', () => {
    const roleId = Stack.of(built.service.planner).getLogicalId(built.service.planner.schedulerRole.node.defaultChild as CfnRole);
    const [policy] = Object.values(service.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }));
    const invoke = (policy?.Properties.PolicyDocument.Statement as Statement[]).filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invoke)).toContain(Stack.of(built.service.planner).getLogicalId(built.service.planner.fn.node.defaultChild as never));
    expect(invoke.flatMap(actionsOf)).toEqual(['lambda:InvokeFunction']);
  });
});
