import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { S3SnapshotObjects } from '../../functions/adapters/s3/s3-snapshot-objects.ts';
import { S3UploadSigner } from '../../functions/adapters/s3/s3-upload-signer.ts';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '../../functions/core/catalog/load.ts';
import type { AppendixView, CalendarView, OverdueView, OverviewView, UploadResultView } from '../../functions/core/dashboard/views.ts';
import { rollup } from '../../functions/core/evaluation/rollup.ts';
import { rollupEntries } from '../../functions/core/evaluation/rollup-entries.ts';
import type { UnitEntitySummary, UnitRequirementResult } from '../../functions/core/evaluation/types.ts';
import { ingestSnapshot } from '../../functions/core/pipeline/ingest-snapshot.ts';
import { identityReport } from '../../functions/core/report/identity.ts';
import { writeIdentityXlsx } from '../../functions/core/report/identity-xlsx.ts';
import type { UnitRecord } from '../../functions/core/snapshot/entities.ts';
import { parseInstant } from '../../functions/core/time.ts';
import type { ApiDeps } from '../../functions/handlers/api/api-deps.ts';
import { handleApiRequest } from '../../functions/handlers/api.ts';
import { startDynalite, type DynaliteFixture } from '../adapters/dynalite-fixture.ts';
import { apiEvent, reply, userClaims, type Claims, type ErrorBody } from './http-api-events.ts';
import { startS3rver, type S3rverFixture } from './s3rver-fixture.ts';

const REQ = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
const DEADLINE_MN_TH_THCS = parseInstant('2023-06-08T17:00:00+07:00');
const RUN_8 = parseInstant('2023-06-08T08:00:00+07:00');
const RUN_9 = parseInstant('2023-06-09T08:00:00+07:00');
const NOW = parseInstant('2023-06-09T10:15:00+07:00');

const unit = (unitCode: string, unitKind: UnitRecord['unitKind'], parentCode?: string, levels: UnitRecord['levels'] = []): UnitRecord => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  unitKind,
  levels,
  ...(parentCode === undefined ? {} : { parentCode, headEmail: `hieutruong@${unitCode.toLowerCase()}.edu.vn` }),
});

const REGISTRY = [
  unit('SGD', 'department'),
  unit('PGD-A', 'district_office', 'SGD'),
  unit('PGD-B', 'district_office', 'SGD'),
  unit('TH-A1', 'school', 'PGD-A', ['TH']),
  unit('TH-A2', 'school', 'PGD-A', ['TH']),
  unit('TH-B1', 'school', 'PGD-B', ['TH']),
  unit('THPT-01', 'school', 'SGD', ['THPT']),
];

const summary = (code: string, entity: 'students' | 'staff', total: number, unverified: number): UnitEntitySummary => {
  const level = code.startsWith('THPT') ? 'THPT' : 'TH';
  return { unit: code, entity, asOf: RUN_8, rows: total, byLevel: { [level]: { total, unverified } }, unverifiedCodes: ['HS9'], tallies: {} };
};
const SUMMARIES = [
  summary('TH-A1', 'students', 300, 30),
  summary('TH-A1', 'staff', 20, 2),
  summary('TH-A2', 'students', 200, 0),
  summary('TH-B1', 'students', 150, 15),
  summary('THPT-01', 'students', 900, 9),
  summary('THPT-01', 'staff', 60, 6),
];

const status = (code: string, s: UnitRequirementResult['status']): UnitRequirementResult => ({
  unit: code,
  requirement: REQ,
  dispatch: 'hp-2023-quy-trinh-ra-soat',
  status: s,
  deadline: DEADLINE_MN_TH_THCS,
  total: 100,
  failing: s === 'compliant' ? 0 : 10,
  rate: s === 'compliant' ? 0 : 10,
  failingCodes: s === 'compliant' ? [] : ['HS9'],
});
const RESULTS = [status('TH-A1', 'overdue'), status('TH-A2', 'compliant'), status('TH-B1', 'overdue'), status('THPT-01', 'overdue')];

const DEPARTMENT = userClaims('department', 'SGD');
const OFFICE_A = userClaims('district_office', 'PGD-A');
const OFFICE_B = userClaims('district_office', 'PGD-B');
const SCHOOL_A1 = userClaims('unit', 'TH-A1');
const SCHOOL_A2 = userClaims('unit', 'TH-A2');

describe('dashboard views on dynalite and s3rver', () => {
  let db: DynaliteFixture;
  let s3: S3rverFixture;
  let deps: ApiDeps;

  const raw = (path: string, claims: Claims, query?: Record<string, string>) => handleApiRequest(deps, apiEvent({ path, claims, query }));
  const get = async <T = ErrorBody>(path: string, claims: Claims, query?: Record<string, string>) => reply<T>(await raw(path, claims, query));

  beforeAll(async () => {
    [db, s3] = await Promise.all([startDynalite(), startS3rver()]);
    const store = new DynamoStateStore(db.documentClient, db.tableName);
    const log = new DynamoNotificationLog(db.documentClient, db.tableName);
    const objects = new S3SnapshotObjects(s3.s3, s3.bucket);
    deps = { store, log, objects, uploads: new S3UploadSigner(s3.s3, s3.bucket), catalog: await loadCatalog(DEFAULT_CATALOG_DIR), now: () => NOW };
    await store.putUnits(REGISTRY, RUN_8);
    for (const s of SUMMARIES) await store.applySummary(s);
    await store.putResults(RESULTS, RUN_9);
    const registry = new Map(REGISTRY.map((u) => [u.unitCode, u]));
    await store.putRollups('2023-06-08', rollupEntries(rollup(RESULTS.map((r) => ({ ...r, status: 'due_soon' as const })), registry)), RUN_8);
    await store.putRollups('2023-06-09', rollupEntries(rollup(RESULTS, registry)), RUN_9);
    const sent = async (code: string, stage: string) => {
      const key = { unit: code, requirement: REQ, stage, recipient: `hieutruong@${code.toLowerCase()}.edu.vn` };
      const meta = { day: '2023-06-09', subject: stage };
      const claimedAt = await log.claim(key, meta);
      if (claimedAt === undefined) throw new Error(`${code} ${stage} was claimed twice`);
      await log.markSent([{ key, claimedAt }], { ...meta, messageId: `m-${code}-${stage}` });
    };
    await sent('TH-A1', 'reminder-0');
    await sent('TH-A1', 'escalation-1');
    await sent('TH-B1', 'reminder-0');
  });

  afterAll(async () => {
    await Promise.all([db?.stop(), s3?.stop()]);
  });

  describe('GET /api/overview', () => {
    const requirementOf = (view: OverviewView) => view.dispatches.flatMap((d) => d.requirements).find((r) => r.id === REQ);

    it('gives the department the province, with the run and the trend of each requirement', async () => {
      const res = await get<OverviewView>('/api/overview', DEPARTMENT);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ scope: { kind: 'department', code: 'SGD', name: 'Đơn vị SGD' }, evaluatedAt: RUN_9, runDay: '2023-06-09' });
      const req = requirementOf(res.body);
      expect(req?.counts).toMatchObject({ units: 4, byStatus: { overdue: 3, compliant: 1 } });
      expect(req?.trend.map((p) => [p.day, p.counts.byStatus])).toEqual([
        ['2023-06-08', { due_soon: 4 }],
        ['2023-06-09', { overdue: 3, compliant: 1 }],
      ]);
      expect(req?.nextDeadline).toBe(parseInstant('2023-06-15T17:00:00+07:00'));
    });

    it('gives an office its own schools, and the department any office it names', async () => {
      const own = await get<OverviewView>('/api/overview', OFFICE_A);
      expect(own.body.scope).toEqual({ kind: 'district_office', code: 'PGD-A', name: 'Đơn vị PGD-A' });
      expect(requirementOf(own.body)?.counts.byStatus).toEqual({ overdue: 1, compliant: 1 });
      const named = await get<OverviewView>('/api/overview', DEPARTMENT, { office: 'PGD-B' });
      expect(named.body.scope.code).toBe('PGD-B');
      expect(requirementOf(named.body)?.counts.byStatus).toEqual({ overdue: 1 });
    });

    it('gives a school its own statuses, without a trend', async () => {
      const res = await get<OverviewView>('/api/overview', SCHOOL_A1);
      expect(requirementOf(res.body)).toMatchObject({ counts: { units: 1, byStatus: { overdue: 1 } }, trend: [] });
    });

    it.each([
      ['an office, another office', OFFICE_A, 'PGD-B'],
      ['a school, its own office', SCHOOL_A1, 'PGD-A'],
      ['a school, another office', SCHOOL_A1, 'PGD-B'],
    ])('refuses %s with 403', async (_who, claims, office) => {
      const res = await get('/api/overview', claims, { office });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });

    it('answers 400 naming office when it is a school', async () => {
      const res = await get('/api/overview', DEPARTMENT, { office: 'TH-A1' });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('office');
    });
  });

  describe('GET /api/calendar', () => {
    it('lists the deadlines from the run’s day on with the caller’s units still behind', async () => {
      const res = await get<CalendarView>('/api/calendar', OFFICE_A);
      expect(res.status).toBe(200);
      const entries = res.body.entries.filter((e) => e.requirement === REQ);
      expect(entries.map((e) => [e.text, e.appliesTo, e.behind, e.units])).toEqual([
        ['17h00 ngày 15/6/2023', 'THPT, GDTX', 1, 2],
        ['17h00 ngày 15/6/2023', '', 1, 2],
      ]);
      expect(res.body.entries.every((e) => e.at >= parseInstant('2023-06-09'))).toBe(true);
      expect(res.body.entries.map((e) => e.at)).toEqual([...res.body.entries.map((e) => e.at)].sort((a, b) => a - b));
    });
  });

  describe('GET /api/overdue', () => {
    it('gives the department every overdue unit with days overdue and the stage reached', async () => {
      const res = await get<OverdueView>('/api/overdue', DEPARTMENT);
      expect(res.status).toBe(200);
      expect(res.body.evaluatedAt).toBe(RUN_9);
      expect(res.body.rows.map((r) => [r.unit, r.office, r.daysOverdue, r.reached])).toEqual([
        ['TH-A1', 'PGD-A', 1, 'office'],
        ['TH-B1', 'PGD-B', 1, 'reminders'],
        ['THPT-01', 'SGD', 1, 'none'],
      ]);
    });

    it.each([
      ['an office, its own schools', OFFICE_A, ['TH-A1']],
      ['another office, its own schools', OFFICE_B, ['TH-B1']],
      ['a school, itself', SCHOOL_A1, ['TH-A1']],
      ['a compliant school, nothing', SCHOOL_A2, []],
    ])('restricts %s', async (_who, claims, units) => {
      expect((await get<OverdueView>('/api/overdue', claims)).body.rows.map((r) => r.unit)).toEqual(units);
    });

    it('narrows to one office and its schools when the department names it', async () => {
      const res = await get<OverdueView>('/api/overdue', DEPARTMENT, { office: 'PGD-B' });
      expect(res.status).toBe(200);
      expect(res.body.rows.map((r) => r.unit)).toEqual(['TH-B1']);
      expect((await get<OverdueView>('/api/overdue', OFFICE_A, { office: 'PGD-A' })).body.rows.map((r) => r.unit)).toEqual(['TH-A1']);
    });

    it.each([
      ['another office', OFFICE_A, 'PGD-B', 403],
      ['a school that is not an office', DEPARTMENT, 'TH-A1', 400],
      ['an office nobody registered', DEPARTMENT, 'PGD-Z', 404],
    ])('refuses to narrow to %s', async (_what, claims, office, code) => {
      expect((await get<OverdueView>('/api/overdue', claims, { office })).status).toBe(code);
    });
  });

  describe('GET /api/appendix and its exports', () => {
    it('gives the department Phụ lục 1–4 of the whole province', async () => {
      const res = await get<AppendixView>('/api/appendix', DEPARTMENT);
      expect(res.status).toBe(200);
      expect(res.body.appendices.levels.total.students).toEqual({ total: 1550, unverified: 54, rate: 3.48 });
      expect(res.body.appendices.upperSecondary.rows.map((r) => r.label)).toEqual(['Đơn vị THPT-01']);
      expect(res.body.appendices.subtitle).toBe('(Số liệu tính đến thời điểm 10h15 ngày 9/6/2023)');
    });

    it('gives an office the figures of its own schools only', async () => {
      const res = await get<AppendixView>('/api/appendix', OFFICE_A);
      expect(res.body.units.map((u) => u.code)).toEqual(['PGD-A', 'TH-A1', 'TH-A2']);
      expect(res.body.appendices.levels.total.students).toEqual({ total: 500, unverified: 30, rate: 6 });
      expect(res.raw).not.toContain('TH-B1');
      expect(res.raw).not.toContain('THPT-01');
    });

    it('exports the workbook `dondoc report identity --format xlsx` writes for the same data, cell for cell', async () => {
      const res = await raw('/api/exports/appendix.xlsx', DEPARTMENT);
      expect(res).toMatchObject({ statusCode: 200, isBase64Encoded: true });
      expect(res.headers).toMatchObject({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': expect.stringContaining('filename="phu-luc-1-4.xlsx"'),
      });
      const exported = new ExcelJS.Workbook();
      await exported.xlsx.load(Buffer.from(res.body ?? '', 'base64') as unknown as ArrayBuffer);

      const dir = await mkdtemp(join(tmpdir(), 'dondoc-api-xlsx-'));
      try {
        const out = join(dir, 'cli.xlsx');
        await writeIdentityXlsx(identityReport(new Map(REGISTRY.map((u) => [u.unitCode, u])), SUMMARIES, NOW), out);
        const cli = new ExcelJS.Workbook();
        await cli.xlsx.readFile(out);
        const values = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => [ws.name, ws.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : row))]);
        expect(values(exported)).toEqual(values(cli));
        expect(values(exported)).toHaveLength(4);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('exports one appendix as CSV with a BOM, for the caller’s units only', async () => {
      const res = await raw('/api/exports/appendix.csv', OFFICE_A, { table: '4' });
      expect(res.headers).toMatchObject({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': expect.stringContaining('phu-luc-4.csv') });
      const text = Buffer.from(res.body ?? '', 'base64').toString('utf8');
      expect(text.startsWith('\uFEFF"PHỤ LỤC 4:')).toBe(true);
      const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
      expect(rows[0]?.[0]).toMatch(/^PHỤ LỤC 4: THỐNG KÊ/);
      expect(rows.slice(3).map((r) => r[1])).toEqual(['TỔNG SỐ', 'Đơn vị PGD-A']);
      expect(text).not.toContain('PGD-B');
    });

    it.each<Record<string, string>>([{}, { table: '5' }, { table: 'all' }])('answers 400 naming table for %j', async (query) => {
      const res = await get('/api/exports/appendix.csv', DEPARTMENT, query);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('table');
    });
  });

  describe('GET /api/uploads/result', () => {
    const HEADER = 'Mã trường,Mã học sinh,Họ và tên,Ngày sinh,Cấp học,Lớp,Số định danh cá nhân,Trạng thái xác thực,Trạng thái học,Ngày cập nhật,Năm học';
    const GOOD = `${HEADER}\nTH-A1,HS101,Nguyễn Văn An,05/06/2015,TH,3A,031215000001,Đã xác thực,Đang học,2023-06-08 17:00,2022-2023\nTH-A1,HS102,Lê Thị Cúc,05/06/2015,TH,3A,031215000002,Đã xác thực,Đang học,2023-06-08 17:00,2022-2023\n`;
    const BAD = `${HEADER}\nTH-A1,HS103,Phạm Thị Dung,31/02/2015,TH,3A,031215000003,Không biết,Đang học,2023-06-08 17:00,2022-2023\n`;
    const GOOD_KEY = 'snapshots/students/TH-A1/hoc-sinh.csv';
    const BAD_KEY = 'snapshots/students/TH-A1/hoc-sinh-loi.csv';

    const ingest = async (key: string, body: string) => {
      await s3.s3.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body, Metadata: { unit: 'TH-A1', 'as-of': '2023-06-09T09:00:00+07:00' } }));
      return ingestSnapshot({ store: deps.store, objects: deps.objects, catalog: deps.catalog, now: () => NOW }, { key });
    };
    const result = (claims: Claims, key: string, since?: number) =>
      get<UploadResultView>('/api/uploads/result', claims, { key, ...(since === undefined ? {} : { since: String(since) }) });

    beforeAll(async () => {
      expect((await ingest(GOOD_KEY, GOOD)).outcome).toBe('applied');
      expect((await ingest(BAD_KEY, BAD)).outcome).toBe('rejected');
    });

    it('says an upload not processed yet is pending', async () => {
      expect((await result(SCHOOL_A1, 'snapshots/students/TH-A1/chua-xu-ly.csv')).body).toEqual({ state: 'pending', key: 'snapshots/students/TH-A1/chua-xu-ly.csv' });
    });

    it('gives the rows of an applied upload, and pending while only an earlier upload of the key is known', async () => {
      expect((await result(SCHOOL_A1, GOOD_KEY)).body).toEqual({ state: 'applied', key: GOOD_KEY, rows: 2 });
      expect((await result(SCHOOL_A1, GOOD_KEY, Date.now() + 60_000)).body.state).toBe('pending');
    });

    it('gives the validation report of a rejected upload, read back from the bucket, with no name and no full ID number', async () => {
      const res = await result(OFFICE_A, BAD_KEY);
      expect(res.body.state).toBe('rejected');
      if (res.body.state !== 'rejected') return;
      expect(res.body.report).toMatchObject({ ok: false, rows: 1, entity: 'students' });
      expect(res.body.report.issues.map((i) => [i.row, i.field])).toEqual(expect.arrayContaining([[2, 'birth_date']]));
      expect(res.raw).not.toContain('Phạm Thị Dung');
      expect(res.raw).not.toContain('031215000003');
    });

    it('answers 404 once the bucket’s lifecycle has removed the report', async () => {
      const key = 'snapshots/students/TH-A1/het-han.csv';
      await ingest(key, BAD);
      const processed = await deps.store.latestObjectOutcome(key);
      if (processed?.outcome !== 'rejected') throw new Error('expected a rejected upload');
      await s3.s3.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: processed.reportKey }));
      const res = await get('/api/uploads/result', SCHOOL_A1, { key });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it.each([
      ['a school, its sibling’s upload', SCHOOL_A2, BAD_KEY],
      ['another office, a school’s upload', OFFICE_B, GOOD_KEY],
      ['an office, a units snapshot', OFFICE_A, 'snapshots/units/PGD-A/don-vi.csv'],
    ])('refuses %s with 403', async (_who, claims, key) => {
      const res = await get('/api/uploads/result', claims, { key });
      expect(res.status).toBe(403);
    });

    it.each(['reports/students/TH-A1/x.json', 'snapshots/grades/TH-A1/x.csv', 'snapshots/students/TH#A1/x.csv', 'snapshots/students/TH-A1/'])(
      'answers 400 naming key for %s',
      async (key) => {
        const res = await get('/api/uploads/result', DEPARTMENT, { key });
        expect(res.status).toBe(400);
        expect(res.body.error.field).toBe('key');
      },
    );
  });
});
