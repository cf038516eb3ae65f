import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoRunStore } from '../../functions/adapters/dynamodb/dynamo-run-store.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { runPk } from '../../functions/adapters/dynamodb/run-items.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { summariseSnapshot } from '../../functions/core/ingest/summarise-snapshot.ts';
import { deliveryKeys, type OutboundEmail } from '../../functions/core/outbox/outbound-email.ts';
import { finishRun } from '../../functions/core/pipeline/finish-run.ts';
import type { PlanTask } from '../../functions/core/pipeline/plan-task.ts';
import type { RunDeps } from '../../functions/core/pipeline/run-deps.ts';
import type { RunState } from '../../functions/core/ports/run-store.ts';
import { runPart } from '../../functions/core/pipeline/run-part.ts';
import { bufferInput } from '../../functions/core/snapshot/open-snapshot.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { plan } from '../../functions/handlers/planner.ts';
import { startDynalite, type DynaliteFixture } from '../adapters/dynalite-fixture.ts';
import { drain, MemoryPlanQueue, runTask } from '../core/pipeline/memory-plan-queue.ts';

const UNITS = [
  '{"unit_code":"SGD","unit_name":"Sở GDĐT Hải Phòng","unit_kind":"department","head_email":"giamdoc@sgd.hp.edu.vn","officer_email":"csdl@sgd.hp.edu.vn"}',
  '{"unit_code":"PGD-A","unit_name":"Phòng GDĐT An Dương","unit_kind":"district_office","parent_code":"SGD","head_email":"tp@pgd-a.hp.edu.vn"}',
  '{"unit_code":"PGD-B","unit_name":"Phòng GDĐT Kiến An","unit_kind":"district_office","parent_code":"SGD","head_email":"tp@pgd-b.hp.edu.vn"}',
  '{"unit_code":"THCS-A1","unit_name":"Trường THCS An Đồng","unit_kind":"school","levels":"THCS","parent_code":"PGD-A","head_email":"ht@a1.hp.edu.vn","officer_email":"cb@a1.hp.edu.vn"}',
  '{"unit_code":"THCS-B1","unit_name":"Trường THCS Bắc Sơn","unit_kind":"school","levels":"THCS","parent_code":"PGD-B","head_email":"ht@b1.hp.edu.vn","officer_email":"cb@b1.hp.edu.vn"}',
  '{"unit_code":"THPT-1","unit_name":"Trường THPT Ngô Quyền","unit_kind":"school","levels":"THPT","parent_code":"SGD","head_email":"ht@thpt1.hp.edu.vn","officer_email":"cb@thpt1.hp.edu.vn"}',
].join('\n');

const STUDENTS = [
  'unit_code,student_code,full_name,level,class_name,national_id,id_verification,status',
  'THCS-A1,HS1,Phạm Minh Châu,THCS,6A,031211000001,unverified,studying',
  'THCS-B1,HS1,Vũ Thu Hà,THCS,6A,031211000002,unverified,studying',
  'THPT-1,HS1,Đỗ Quang Huy,THPT,10A,031210000003,unverified,studying',
].join('\n');
const SECRETS = ['Phạm Minh Châu', 'Vũ Thu Hà', 'Đỗ Quang Huy', '031211000001', '031211000002', '031210000003'];

const REQ = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
const run = (day: string) => parseInstant(`${day}T08:00:00+07:00`);

/*
 * The fan-out's idempotency on dynalite: the start, the parts and the finish each meet their
 * duplicate (a schedule fired twice, a part redelivered, a finish queued twice) and change
 * nothing twice. Seed 001's THCS deadline is 17h00 08/6/2023; THPT's is later.
 */
describe('the daily run fanned out through the plan queue, on dynalite', () => {
  let db: DynaliteFixture;
  let catalogDir: string;
  let deps: RunDeps;
  let runs: DynamoRunStore;
  let now = 0;
  let plans: MemoryPlanQueue;
  let emails: OutboundEmail[];

  beforeAll(async () => {
    db = await startDynalite();
    catalogDir = await mkdtemp(join(tmpdir(), 'dondoc-catalog-'));
    await copyFile(fileURLToPath(new URL('../../dispatches/001-hp-2023-quy-trinh-ra-soat.yaml', import.meta.url)), join(catalogDir, '001.yaml'));
    const catalog = await loadCatalog(catalogDir);
    const store = new DynamoStateStore(db.documentClient, db.tableName);
    runs = new DynamoRunStore(db.documentClient, db.tableName);
    deps = {
      store,
      runs,
      log: new DynamoNotificationLog(db.documentClient, db.tableName),
      outbox: { enqueue: async (batch) => void emails.push(...batch) },
      plans: { enqueue: (tasks) => plans.enqueue(tasks) },
      catalog,
      department: 'SGD',
      dashboardUrl: 'https://dondoc.example.gov.vn',
      now: () => now,
    };
    const requirements = catalog.dispatches.flatMap((d) => d.requirements);
    const asOf = parseInstant('2023-05-25T08:00:00+07:00');
    await store.putUnits((await summariseSnapshot(bufferInput('units.ndjson', UNITS), requirements, { asOf })).registry, asOf);
    for (const summary of (await summariseSnapshot(bufferInput('students.csv', STUDENTS), requirements, { asOf })).summaries) await store.applySummary(summary);
  });

  beforeEach(() => {
    plans = new MemoryPlanQueue();
    emails = [];
  });

  afterAll(async () => {
    await Promise.all([db?.stop(), catalogDir && rm(catalogDir, { recursive: true, force: true })]);
  });

  it('cuts the run into one part per district office and one for the department’s own units', async () => {
    now = run('2023-06-05');
    const start = await plan(deps, { run: 'daily' });
    expect(start).toMatchObject({ started: true, parts: 3, run: { id: '2023-06-05#daily', day: '2023-06-05', replay: false } });
    expect(plans.tasks.map((t) => (t.task === 'part' ? t.part : t.task))).toEqual([
      { id: '00000', office: 'PGD-A' },
      { id: '00001', office: 'PGD-B' },
      { id: '00002', units: ['SGD', 'THPT-1'] },
    ]);
    await drain(deps, plans);
    expect(emails.filter((e) => e.kind === 'reminder' && e.requirement === REQ).map((e) => e.unit).sort()).toEqual(['THCS-A1', 'THCS-B1']);
    expect(await runs.getRun('2023-06-05#daily')).toEqual({ parts: 3, done: 3, partsQueued: true, finished: true });
    expect(await deps.store.latestRunDay()).toBe('2023-06-05');
  });

  it('starts nothing when the schedule fires twice the same morning', async () => {
    now = run('2023-06-05') + 60_000;
    expect(await plan(deps, { run: 'daily' })).toMatchObject({ started: false, parts: 3 });
    expect(plans.tasks).toEqual([]);
  });

  it('counts a redelivered part once, and its result stays the first one', async () => {
    now = run('2023-06-09');
    await plan(deps, { run: 'daily' });
    const [first, ...rest] = plans.tasks.splice(0) as Array<Extract<PlanTask, { task: 'part' }>>;
    if (!first) throw new Error('no part queued');
    const once = await runPart(deps, first.run, first.part);
    const twice = await runPart(deps, first.run, first.part);
    expect([once.stored, twice.stored]).toEqual([true, false]);
    expect(await runs.getRun(first.run.id)).toMatchObject({ parts: 3, done: 1, finished: false });
    for (const task of rest) await runTask(deps, task);
    /* Only the last part queues the finish. */
    expect(plans.tasks).toEqual([{ task: 'finish', run: first.run }]);
    await drain(deps, plans);
    /* The office's escalation was planned twice (the log has not seen either yet); the sender's claims keep it to one email. */
    const toOfficeA = emails.filter((e) => e.kind === 'escalation' && e.unit === 'PGD-A' && e.requirement === REQ);
    expect(toOfficeA).toHaveLength(2);
    expect(toOfficeA[0]).toEqual(toOfficeA[1]);
    expect(await runs.getRun(first.run.id)).toMatchObject({ done: 3, finished: true });
  });

  it('counts a part whose result was stored before a crash when it is redelivered', async () => {
    now = run('2023-06-10');
    await plan(deps, { run: 'daily' });
    const [first] = plans.tasks as Array<Extract<PlanTask, { task: 'part' }>>;
    if (!first) throw new Error('no part queued');
    /* The worker dies between storing the part's result and counting it. */
    class CrashBeforeCount extends DynamoRunStore {
      override completePart(): Promise<RunState> {
        return Promise.reject(new Error('Lambda timed out'));
      }
    }
    const crashing = new CrashBeforeCount(db.documentClient, db.tableName);
    await expect(runPart({ ...deps, runs: crashing }, first.run, first.part)).rejects.toThrow('Lambda timed out');
    expect(await runs.getRun(first.run.id)).toMatchObject({ done: 0 });
    const again = await runPart(deps, first.run, first.part);
    expect(again.stored).toBe(false);
    expect(await runs.getRun(first.run.id)).toMatchObject({ done: 1 });
  });

  it('finishes once: a second finish sends and stores nothing', async () => {
    now = run('2023-06-12');
    await plan(deps, { run: 'daily' });
    const parts = plans.tasks.splice(0);
    for (const task of parts) await runTask(deps, task);
    const [finish] = plans.tasks.splice(0);
    if (finish?.task !== 'finish') throw new Error('no finish queued');
    const summary = await finishRun(deps, finish.run);
    expect(summary).toMatchObject({ parts: 3, units: 6 });
    const toDepartment = emails.filter((e) => e.unit === 'SGD' && e.stage === 'escalation-2' && e.requirement === REQ);
    expect(toDepartment).toHaveLength(1);
    expect(toDepartment[0]?.units).toEqual(['THCS-A1', 'THCS-B1']);
    const sent = emails.length;
    expect(await finishRun(deps, finish.run)).toBeUndefined();
    expect(emails).toHaveLength(sent);
  });

  it('leaves the statuses to the daily run: a digest reads the same state and writes none', async () => {
    const statuses = async () => (await Promise.all(['SGD', 'PGD-A', 'PGD-B', 'THCS-A1', 'THCS-B1', 'THPT-1'].map((u) => deps.store.getStatuses(u)))).flat();
    const before = await statuses();
    now = run('2023-06-19');
    await plan(deps, { run: 'digest' });
    await drain(deps, plans);
    expect(emails.filter((e) => e.kind === 'digest')).toHaveLength(1);
    expect(await statuses()).toEqual(before);
    await plan(deps, { run: 'daily' });
    await drain(deps, plans);
    expect((await statuses()).filter((s) => s.evaluatedAt === run('2023-06-19')).length).toBeGreaterThan(0);
  });

  it('keeps no name and no national ID number in a part’s result', async () => {
    const { Items = [] } = await db.documentClient.send(
      new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': runPk('2023-06-12#daily') } }),
    );
    const parts = Items.filter((item) => String(item.SK).startsWith('PART#'));
    expect(parts).toHaveLength(3);
    const text = parts.map((item) => gunzipSync(item.result as Uint8Array).toString('utf8')).join('\n');
    expect(text).toContain('THCS-A1');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('queues nothing the log already holds: a part planned again after its emails were claimed sends only what is left', async () => {
    now = run('2023-06-07');
    await plan(deps, { run: 'daily' });
    const parts = plans.tasks.splice(0).filter((t): t is Extract<PlanTask, { task: 'part' }> => t.task === 'part');
    for (const task of parts) await runPart(deps, task.run, task.part);
    const planned = emails.splice(0);
    const [kept, ...claimed] = planned.flatMap((email) => deliveryKeys(email).map((key) => ({ key, email })));
    if (!kept) throw new Error('the run planned no email');
    for (const { key, email } of claimed) await deps.log.claim(key, { day: email.day, subject: email.subject });

    for (const task of parts) await runPart(deps, task.run, task.part);
    expect(emails.flatMap(deliveryKeys)).toEqual([kept.key]);
  });
});
