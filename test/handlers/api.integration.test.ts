import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { S3UploadSigner } from '../../functions/adapters/s3/s3-upload-signer.ts';
import type { UnitRecord } from '../../functions/core/snapshot/entities.ts';
import type { ApiDeps } from '../../functions/handlers/api/api-deps.ts';
import type { RequirementUnits } from '../../functions/handlers/api/requirement-units.ts';
import type { UnitChildren } from '../../functions/handlers/api/unit-routes.ts';
import type { MeView, UnitView } from '../../functions/core/dashboard/views.ts';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '../../functions/core/catalog/load.ts';
import { S3SnapshotObjects } from '../../functions/adapters/s3/s3-snapshot-objects.ts';
import type { UploadResponse } from '../../functions/handlers/api/upload-route.ts';
import { handleApiRequest } from '../../functions/handlers/api.ts';
import { DUMMY_CREDENTIALS, startDynalite, type DynaliteFixture } from '../adapters/dynalite-fixture.ts';
import { result } from '../adapters/samples.ts';
import { apiEvent, reply, userClaims, type ApiCall, type Claims, type ErrorBody } from './http-api-events.ts';

const REQ = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
const BUCKET = 'dondoc-snapshots';

const unit = (unitCode: string, unitKind: UnitRecord['unitKind'], parentCode?: string): UnitRecord => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  unitKind,
  levels: unitKind === 'school' ? ['TH'] : [],
  ...(parentCode === undefined ? {} : { parentCode, officerEmail: `canbo@${unitCode.toLowerCase()}.edu.vn` }),
});

/* The department, two district offices with their schools, and a THPT school under the department itself. */
const REGISTRY = [
  unit('SGD', 'department'),
  unit('PGD-A', 'district_office', 'SGD'),
  unit('PGD-B', 'district_office', 'SGD'),
  unit('TH-A1', 'school', 'PGD-A'),
  unit('TH-A2', 'school', 'PGD-A'),
  unit('TH-B1', 'school', 'PGD-B'),
  unit('THPT-01', 'school', 'SGD'),
  /* a centre whose registry entry names no parent: the department's own */
  unit('TT-LONE', 'centre'),
];

const DEPARTMENT = userClaims('department', 'SGD');
const OFFICE_A = userClaims('district_office', 'PGD-A');
const SCHOOL_A1 = userClaims('unit', 'TH-A1');

describe('dashboard API on dynalite', () => {
  let db: DynaliteFixture;
  let deps: ApiDeps;
  let s3: S3Client;

  const call = async <T = ErrorBody>(request: ApiCall) => reply<T>(await handleApiRequest(deps, apiEvent(request)));
  const get = <T = ErrorBody>(path: string, claims: Claims, query?: Record<string, string>) => call<T>({ path, claims, query });
  const overdue = (claims: Claims) => get<RequirementUnits>(`/api/requirements/${REQ}/units`, claims, { status: 'overdue' });
  const upload = <T = ErrorBody>(claims: Claims, body: object | string) => call<T>({ method: 'POST', path: '/api/uploads', claims, body });
  const codes = (units: readonly UnitRecord[]) => units.map((u) => u.unitCode);

  beforeAll(async () => {
    db = await startDynalite();
    s3 = new S3Client({ region: 'ap-southeast-1', credentials: DUMMY_CREDENTIALS });
    const store = new DynamoStateStore(db.documentClient, db.tableName);
    const log = new DynamoNotificationLog(db.documentClient, db.tableName);
    deps = {
      store,
      log,
      uploads: new S3UploadSigner(s3, BUCKET),
      objects: new S3SnapshotObjects(s3, BUCKET),
      catalog: await loadCatalog(DEFAULT_CATALOG_DIR),
      now: () => Date.UTC(2023, 5, 23),
    };
    await store.putUnits(REGISTRY, Date.UTC(2023, 5, 1));
    await store.putResults(
      [
        result('TH-A1', REQ, 'overdue'),
        result('TH-A2', REQ, 'compliant'),
        result('TH-B1', REQ, 'overdue'),
        result('THPT-01', REQ, 'overdue'),
        /* a status left behind by a unit since removed from the registry */
        result('TH-GONE', REQ, 'overdue'),
        /* and one of a requirement since withdrawn from the catalog */
        result('TH-A1', 'withdrawn/requirement', 'overdue'),
      ],
      Date.UTC(2023, 5, 23),
    );
    const sent = { unit: 'TH-A1', requirement: REQ, stage: 'reminder-1', recipient: 'canbo@th-a1.edu.vn' };
    const meta = { day: '2023-06-20', subject: 'Nhắc việc: xác thực định danh học sinh' };
    const claimedAt = await log.claim(sent, meta);
    if (claimedAt === undefined) throw new Error('the reminder was claimed twice');
    await log.markSent([{ key: sent, claimedAt }], { ...meta, messageId: 'ses-message-1' });
    await log.claim({ ...sent, stage: 'reminder-2' }, { day: '2023-06-23', subject: 'Nhắc lần 2' });
  });

  afterAll(async () => {
    s3?.destroy();
    await db?.stop();
  });

  describe('GET /api/me', () => {
    it.each([
      [DEPARTMENT, { kind: 'department', code: 'SGD', name: 'Đơn vị SGD' }],
      [OFFICE_A, { kind: 'district_office', code: 'PGD-A', name: 'Đơn vị PGD-A' }],
      [SCHOOL_A1, { kind: 'unit', code: 'TH-A1', name: 'Đơn vị TH-A1' }],
      [userClaims('unit', 'TH-NEW'), { kind: 'unit', code: 'TH-NEW', name: 'TH-NEW' }],
    ])('answers the caller’s scope and unit name (%#)', async (claims, scope) => {
      const res = await get<MeView>('/api/me', claims);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(scope);
      expect(res.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    });
  });

  describe('GET /api/units/{code}', () => {
    it('gives a unit its registry entry (no addresses), the catalog’s requirements with failing records, and sent emails (not the claims still in flight)', async () => {
      const res = await get<UnitView>('/api/units/TH-A1', SCHOOL_A1);
      expect(res.status).toBe(200);
      expect(res.body.unit).toEqual({ code: 'TH-A1', name: 'Đơn vị TH-A1', kind: 'school', levels: ['TH'], parent: 'PGD-A', district: null });
      expect(res.body.requirements).toEqual([
        expect.objectContaining({ requirement: REQ, status: 'overdue', failing: 2, failingRecords: [{ code: 'HS001' }, { code: 'HS002' }], more: 0 }),
      ]);
      expect(res.body.emails).toEqual([
        { requirement: REQ, stage: 'reminder-1', recipient: 'canbo@th-a1.edu.vn', day: '2023-06-20', subject: 'Nhắc việc: xác thực định danh học sinh', sentAt: expect.any(Number) },
      ]);
      /* A withdrawn requirement's past stays: the status changes happened. */
      expect(res.body.history).toEqual([
        { at: Date.UTC(2023, 5, 23), requirement: REQ, title: expect.stringContaining('học sinh'), to: 'overdue' },
        { at: Date.UTC(2023, 5, 23), requirement: 'withdrawn/requirement', title: 'withdrawn/requirement', to: 'overdue' },
      ]);
      expect(res.body.historyTotal).toBe(2);
    });

    it('shows the data-quality findings of the latest daily run only', async () => {
      await deps.store.putFindings('2023-06-22', [{ kind: 'missing_email', unit: 'TH-A2', field: 'head_email' }]);
      await deps.store.putRollups('2023-06-22', [], Date.UTC(2023, 5, 22));
      expect((await get<UnitView>('/api/units/TH-A2', OFFICE_A)).body.findings).toEqual([{ kind: 'missing_email', unit: 'TH-A2', field: 'head_email' }]);
      await deps.store.putRollups('2023-06-23', [], Date.UTC(2023, 5, 23));
      expect((await get<UnitView>('/api/units/TH-A2', OFFICE_A)).body.findings).toEqual([]);
    });

    it.each([
      ['the department, any unit', DEPARTMENT, ['SGD', 'PGD-A', 'PGD-B', 'TH-A1', 'TH-B1', 'THPT-01']],
      ['an office, itself and its schools', OFFICE_A, ['PGD-A', 'TH-A1', 'TH-A2']],
      ['a school, itself', SCHOOL_A1, ['TH-A1']],
    ])('lets %s', async (_who, claims, readable) => {
      for (const code of readable) expect((await get(`/api/units/${code}`, claims)).status).toBe(200);
    });

    it.each([
      ['an office, a school of another office', OFFICE_A, 'TH-B1'],
      ['an office, another office', OFFICE_A, 'PGD-B'],
      ['an office, the department', OFFICE_A, 'SGD'],
      ['an office, a THPT school under the department', OFFICE_A, 'THPT-01'],
      ['a school, its sibling', SCHOOL_A1, 'TH-A2'],
      ['a school, its own office', SCHOOL_A1, 'PGD-A'],
    ])('refuses %s with 403 in Vietnamese and English', async (_who, claims, code) => {
      const res = await get(`/api/units/${code}`, claims);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: 'FORBIDDEN', message: `Đơn vị ${code} nằm ngoài phạm vi được phân quyền của bạn / Unit ${code} is outside your scope` });
    });

    it('answers 404 for a unit not in the registry', async () => {
      const res = await get('/api/units/TH-GONE', DEPARTMENT);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it('answers 400 naming the field for a code that cannot be a unit code', async () => {
      const res = await get('/api/units/TH#A1', DEPARTMENT);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'code' });
    });
  });

  describe('GET /api/units/{code}/children', () => {
    it('lists the department’s offices, the schools directly under it and the units that name no parent', async () => {
      const res = await get<UnitChildren>('/api/units/SGD/children', DEPARTMENT);
      expect(res.status).toBe(200);
      expect(res.body.children.map((c) => c.unit.unitCode)).toEqual(['PGD-A', 'PGD-B', 'THPT-01', 'TT-LONE']);
      expect((await get<UnitChildren>('/api/units/PGD-A/children', DEPARTMENT)).body.children.map((c) => c.unit.unitCode)).not.toContain('TT-LONE');
    });

    it('lists an office’s schools with their statuses of the catalog’s requirements, without the failing record codes or the officials’ mailboxes', async () => {
      const res = await get<UnitChildren>('/api/units/PGD-A/children', OFFICE_A);
      expect(res.status).toBe(200);
      const { officerEmail: _a, ...school3 } = REGISTRY[3] ?? { officerEmail: '' };
      const { officerEmail: _b, ...school4 } = REGISTRY[4] ?? { officerEmail: '' };
      expect(res.body).toEqual({
        unit: 'PGD-A',
        children: [
          { unit: school3, statuses: [expect.objectContaining({ requirement: REQ, status: 'overdue', failing: 2 })] },
          { unit: school4, statuses: [expect.objectContaining({ requirement: REQ, status: 'compliant' })] },
        ],
      });
      expect(res.raw).not.toContain('failingCodes');
      expect(res.raw).not.toContain('@');
    });

    it('gives a school no children', async () => {
      const res = await get<UnitChildren>('/api/units/TH-A1/children', SCHOOL_A1);
      expect(res.body).toEqual({ unit: 'TH-A1', children: [] });
    });

    it.each([
      ['another office', OFFICE_A, 'PGD-B'],
      ['the department', OFFICE_A, 'SGD'],
      ['a school’s own office', SCHOOL_A1, 'PGD-A'],
    ])('refuses the children of %s', async (_who, claims, code) => {
      expect((await get(`/api/units/${code}/children`, claims)).status).toBe(403);
    });
  });

  describe('GET /api/requirements/{requirementId}/units', () => {
    it('gives the department every registered overdue unit', async () => {
      const res = await overdue(DEPARTMENT);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ requirement: REQ, status: 'overdue' });
      expect(codes(res.body.units)).toEqual(['TH-A1', 'TH-B1', 'THPT-01']);
    });

    it('filters to the office’s own schools', async () => {
      expect(codes((await overdue(OFFICE_A)).body.units)).toEqual(['TH-A1']);
    });

    it('filters to the school itself', async () => {
      expect(codes((await overdue(SCHOOL_A1)).body.units)).toEqual(['TH-A1']);
      const compliant = await get<RequirementUnits>(`/api/requirements/${REQ}/units`, SCHOOL_A1, { status: 'compliant' });
      expect(compliant.body.units).toEqual([]);
    });

    it('accepts the requirement id percent-encoded, as a client sends it', async () => {
      const res = await get<RequirementUnits>(`/api/requirements/${encodeURIComponent(REQ)}/units`, OFFICE_A, { status: 'overdue' });
      expect(res.status).toBe(200);
      expect(codes(res.body.units)).toEqual(['TH-A1']);
    });

    it.each([
      ['a missing status', { path: `/api/requirements/${REQ}/units`, query: undefined }, 'status'],
      ['an unknown status', { path: `/api/requirements/${REQ}/units`, query: { status: 'late' } }, 'status'],
      ['a requirement id without its dispatch', { path: '/api/requirements/hoc-sinh/units', query: { status: 'overdue' } }, 'requirementId'],
    ])('answers 400 for %s', async (_what, request, field) => {
      const res = await call({ ...request, claims: DEPARTMENT });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
    });
  });

  describe('POST /api/uploads', () => {
    const body = { unit: 'TH-A1', entity: 'students', fileName: 'Danh sách HS 10A.csv', contentType: 'text/csv', size: 120_000, asOf: '2023-06-23T08:00:00+07:00' };

    it('signs a POST limited to the unit’s prefix, the size cap, the content type and the metadata', async () => {
      const res = await upload<UploadResponse>(OFFICE_A, body);
      expect(res.status).toBe(200);
      expect(res.body.key).toBe('snapshots/students/TH-A1/danh-sach-hs-10a.csv');
      expect(res.body.url).toContain(BUCKET);
      expect(res.body.fields).toMatchObject({ key: res.body.key, 'Content-Type': 'text/csv', 'x-amz-meta-unit': 'TH-A1', 'x-amz-meta-as-of': '2023-06-23T01:00:00.000Z' });
      const policy = JSON.parse(Buffer.from(res.body.fields.Policy ?? '', 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
      expect(policy.conditions).toEqual(
        expect.arrayContaining([
          ['starts-with', '$key', 'snapshots/students/TH-A1/'],
          ['content-length-range', 1, 50 * 1024 * 1024],
          { 'Content-Type': 'text/csv' },
          { 'x-amz-meta-unit': 'TH-A1' },
          { 'x-amz-meta-as-of': '2023-06-23T01:00:00.000Z' },
          { bucket: BUCKET },
          { key: 'snapshots/students/TH-A1/danh-sach-hs-10a.csv' },
        ]),
      );
      expect(Date.parse(policy.expiration)).toBeLessThanOrEqual(res.body.expiresAt + 1_000);
    });

    it('leaves out the as-of metadata when the caller gives none', async () => {
      const { asOf: _asOf, ...withoutAsOf } = body;
      const res = await upload<UploadResponse>(SCHOOL_A1, withoutAsOf);
      expect(res.status).toBe(200);
      expect(res.body.fields).not.toHaveProperty('x-amz-meta-as-of');
    });

    it.each([
      ['an office, for a school of another office', OFFICE_A, { unit: 'TH-B1' }],
      ['a school, for its sibling', SCHOOL_A1, { unit: 'TH-A2' }],
      ['an office, a units snapshot (it would rewrite the registry)', OFFICE_A, { unit: 'PGD-A', entity: 'units' }],
    ])('refuses %s', async (_who, claims, change) => {
      const res = await upload(claims, { ...body, ...change });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });

    it('lets the department upload a units snapshot', async () => {
      expect((await upload(DEPARTMENT, { ...body, unit: 'SGD', entity: 'units', fileName: 'don-vi.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).status).toBe(200);
    });

    it('answers 404 for a unit not in the registry', async () => {
      expect((await upload(DEPARTMENT, { ...body, unit: 'TH-GONE' })).status).toBe(404);
    });

    it.each([
      ['size', { size: 50 * 1024 * 1024 + 1 }],
      ['size', { size: 0 }],
      ['contentType', { contentType: 'application/pdf' }],
      ['fileName', { fileName: 'hoc-sinh.exe' }],
      ['fileName', { fileName: '../students.csv' }],
      ['entity', { entity: 'grades' }],
      ['unit', { unit: 'TH A1' }],
      ['asOf', { asOf: 'yesterday' }],
    ])('answers 400 naming %s', async (field, change) => {
      const res = await upload(OFFICE_A, { ...body, ...change });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    });

    it('answers 400 naming the body when it is not JSON', async () => {
      const res = await upload(OFFICE_A, '{"unit": ');
      expect(res.body.error.field).toBe('body');
    });
  });
});
