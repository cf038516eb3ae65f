import 'aws-sdk-client-mock-vitest/extend';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { toUnitItem } from '../../functions/adapters/dynamodb/unit-item.ts';
import { S3UploadSigner } from '../../functions/adapters/s3/s3-upload-signer.ts';
import { S3SnapshotObjects } from '../../functions/adapters/s3/s3-snapshot-objects.ts';
import type { UnitView } from '../../functions/core/dashboard/views.ts';
import type { ApiDeps } from '../../functions/handlers/api/api-deps.ts';
import { handleApiRequest, handler } from '../../functions/handlers/api.ts';
import { DUMMY_CREDENTIALS } from '../adapters/dynalite-fixture.ts';
import { unitRecord } from '../adapters/samples.ts';
import { apiEvent, reply, userClaims, type ApiCall, type ErrorBody } from './http-api-events.ts';
import { fakeContext } from './sqs-events.ts';
import { stubHandlerEnv } from './stub-handler-env.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = new S3Client({ region: 'ap-southeast-1', credentials: DUMMY_CREDENTIALS });

function deps(): ApiDeps {
  const client = ddb as unknown as DynamoDBDocumentClient;
  return {
    store: new DynamoStateStore(client, 'dondoc'),
    log: new DynamoNotificationLog(client, 'dondoc'),
    uploads: new S3UploadSigner(s3, 'dondoc-snapshots'),
    objects: new S3SnapshotObjects(s3, 'dondoc-snapshots'),
    catalog: { dispatches: [] },
    now: () => Date.UTC(2023, 5, 23),
  };
}

const call = async <T = ErrorBody>(request: ApiCall) => reply<T>(await handleApiRequest(deps(), apiEvent(request)));
const DEPARTMENT = userClaims('department', 'SGD');

afterEach(() => {
  ddb.reset();
  vi.unstubAllEnvs();
});

describe('dashboard API failures (mocked SDK)', () => {
  it('answers 500 with a generic bilingual message when DynamoDB fails, and no internals', async () => {
    const failure = Object.assign(new Error('Internal server error at partition 7f3a'), { name: 'InternalServerError' });
    ddb.on(GetCommand).rejects(failure);
    const res = await call({ path: '/api/units/THPT001', claims: DEPARTMENT });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại sau / Internal error, please try again later' } });
    expect(res.raw).not.toMatch(/partition|InternalServerError|\bat \S+\.ts/);
  });

  it('answers 503 when DynamoDB keeps throttling, so the dashboard can retry', async () => {
    ddb.on(GetCommand).resolves({ Item: toUnitItem(unitRecord('PGD-A', 'SGD'), 1) });
    ddb.on(QueryCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const res = await call({ path: '/api/units/PGD-A/children', claims: DEPARTMENT });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('UNAVAILABLE');
  });

  it.each([
    ['no authorizer context', undefined],
    ['an access token (no custom attributes)', { sub: 'u1', token_use: 'access', scope: 'aws.cognito.signin.user.admin' }],
    ['an unknown scope kind', userClaims('admin', 'SGD')],
    ['a scope code that is no unit code', userClaims('district_office', 'PGD#A')],
    ['a missing scope code', (({ 'custom:scope_code': _code, ...rest }) => rest)(userClaims('unit', 'TH-A1'))],
  ])('answers 401 for %s, before reading anything', async (_what, claims) => {
    const res = await call({ path: '/api/me', claims });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['GET', '/api/rollups'],
    ['POST', '/api/me'],
    ['GET', '/api/uploads'],
  ] as const)('answers 404 for a route it does not serve (%s %s)', async (method, path) => {
    const res = await call({ method, path, claims: DEPARTMENT, body: method === 'POST' ? {} : undefined });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('the exported Lambda handler', () => {
  it('reads its table from the environment and serves a unit page', async () => {
    stubHandlerEnv();
    ddb.on(GetCommand).resolves({});
    ddb.on(GetCommand, { Key: { PK: 'UNIT#THPT001', SK: 'META' } }).resolves({ Item: toUnitItem(unitRecord('THPT001', 'SGD'), 1) });
    ddb.on(QueryCommand).resolves({ Items: [] });
    const res = reply<UnitView>(await handler(apiEvent({ path: '/api/units/THPT001', claims: DEPARTMENT }), fakeContext('dondoc-api')));
    expect(res.status).toBe(200);
    expect(res.body.unit.code).toBe('THPT001');
    expect(ddb).toHaveReceivedCommandWith(GetCommand, { TableName: 'dondoc-table', Key: { PK: 'UNIT#THPT001', SK: 'META' } });
  });
});
