import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { SesMailer } from '../../functions/adapters/ses/ses-mailer.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { summariseSnapshot } from '../../functions/core/ingest/summarise-snapshot.ts';
import type { OutboundEmail } from '../../functions/core/outbox/outbound-email.ts';
import { deliverEmail } from '../../functions/core/pipeline/deliver-email.ts';
import { DynamoRunStore } from '../../functions/adapters/dynamodb/dynamo-run-store.ts';
import type { RunDeps } from '../../functions/core/pipeline/run-deps.ts';
import type { Outbox } from '../../functions/core/ports/outbox.ts';
import { bufferInput } from '../../functions/core/snapshot/open-snapshot.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { plan } from '../../functions/handlers/planner.ts';
import { readMailbox, type StoredEmail } from '../../functions/local/services/mailbox.ts';
import { startLocalSes, type LocalSes } from '../../functions/local/services/local-ses.ts';
import { DUMMY_CREDENTIALS, startDynalite, type DynaliteFixture } from '../adapters/dynalite-fixture.ts';
import { drain, MemoryPlanQueue } from '../core/pipeline/memory-plan-queue.ts';

const UNITS = [
  '{"unit_code":"SGD","unit_name":"Sở GDĐT Hải Phòng","unit_kind":"department","head_email":"giamdoc@sgd.hp.edu.vn","officer_email":"csdl@sgd.hp.edu.vn"}',
  '{"unit_code":"PGD-A","unit_name":"Phòng GDĐT An Dương","unit_kind":"district_office","parent_code":"SGD","head_email":"truongphong@pgd-a.hp.edu.vn"}',
  '{"unit_code":"THCS-A1","unit_name":"Trường THCS An Đồng","unit_kind":"school","levels":"THCS","parent_code":"PGD-A","head_email":"ht@a1.hp.edu.vn","officer_email":"cb@a1.hp.edu.vn"}',
  '{"unit_code":"THCS-A2","unit_name":"Trường THCS An Hòa","unit_kind":"school","levels":"THCS","parent_code":"PGD-A","head_email":"ht@a2.hp.edu.vn","officer_email":"cb@a2.hp.edu.vn"}',
].join('\n');

const STUDENTS = [
  'unit_code,student_code,full_name,level,class_name,national_id,id_verification,status',
  'THCS-A1,HS1,Phạm Minh Châu,THCS,6A,031211000001,verified,studying',
  'THCS-A1,HS2,Vũ Thu Hà,THCS,6A,031211000002,unverified,studying',
  'THCS-A2,HS1,Đỗ Quang Huy,THCS,7B,031210000003,verified,studying',
].join('\n');

const REQ = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
const run = (day: string) => parseInstant(`${day}T08:00:00+07:00`);

/*
 * The scheduled run end to end on real local services: statuses in dynalite, the start, its
 * parts and finish (the plan queue a list here), the notification queue (a list), the sender,
 * the SES mailbox. Seed 001's deadline for THCS is
 * 17h00 08/6/2023 (a Thursday).
 */
describe('planner → sender on dynalite and aws-ses-v2-local', () => {
  let db: DynaliteFixture;
  let ses: LocalSes;
  let sesClient: SESv2Client;
  let catalogDir: string;
  let deps: RunDeps;
  const plans = new MemoryPlanQueue();
  let now = 0;
  const queue: OutboundEmail[] = [];
  const outbox: Outbox = {
    enqueue: async (emails) => {
      queue.push(...emails);
    },
  };

  async function runAt(day: string, kind: 'daily' | 'digest' = 'daily'): Promise<StoredEmail[]> {
    now = run(day);
    const before = (await readMailbox(ses.endpoint)).length;
    await plan(deps, { run: kind });
    await drain(deps, plans);
    const mailer = new SesMailer(sesClient, 'dondoc@sgd.hp.edu.vn', undefined);
    for (const email of queue.splice(0)) await deliverEmail({ log: deps.log, mailer }, email);
    return (await readMailbox(ses.endpoint)).slice(before);
  }

  beforeAll(async () => {
    [db, ses] = await Promise.all([startDynalite(), startLocalSes()]);
    sesClient = new SESv2Client({ endpoint: ses.endpoint, region: 'ap-southeast-1', credentials: DUMMY_CREDENTIALS });
    catalogDir = await mkdtemp(join(tmpdir(), 'dondoc-catalog-'));
    await copyFile(fileURLToPath(new URL('../../dispatches/001-hp-2023-quy-trinh-ra-soat.yaml', import.meta.url)), join(catalogDir, '001.yaml'));
    const catalog = await loadCatalog(catalogDir);
    const store = new DynamoStateStore(db.documentClient, db.tableName);
    deps = {
      store,
      runs: new DynamoRunStore(db.documentClient, db.tableName),
      log: new DynamoNotificationLog(db.documentClient, db.tableName),
      outbox,
      plans,
      catalog,
      department: 'SGD',
      dashboardUrl: 'https://dondoc.example.gov.vn',
      now: () => now,
    };
    const requirements = catalog.dispatches.flatMap((d) => d.requirements);
    const asOf = parseInstant('2023-05-25T08:00:00+07:00');
    const units = await summariseSnapshot(bufferInput('units.ndjson', UNITS), requirements, { asOf });
    await store.putUnits(units.registry, asOf);
    const students = await summariseSnapshot(bufferInput('students.csv', STUDENTS), requirements, { asOf });
    for (const summary of students.summaries) await store.applySummary(summary);
  });

  afterAll(async () => {
    sesClient?.destroy();
    await Promise.all([db?.stop(), ses?.stop(), catalogDir && rm(catalogDir, { recursive: true, force: true })]);
  });

  it('reminds only the unit that is behind, three days before the deadline, officer and head', async () => {
    const mails = await runAt('2023-06-05');
    const identity = mails.filter((m) => m.subject.includes('xác thực'));
    expect(identity.map((m) => m.destination.to)).toEqual([['cb@a1.hp.edu.vn', 'ht@a1.hp.edu.vn']]);
    expect(identity[0]?.body.text).toContain('17h00 ngày 08/6/2023');
  });

  it('sends nothing more when the schedule fires twice the same morning', async () => {
    expect(await runAt('2023-06-05')).toEqual([]);
  });

  it('stores the province’s and the office’s rollups of the run, and the day’s point of the trend', async () => {
    const province = (await deps.store.getRollups('PROVINCE')).find((r) => r.key === REQ);
    expect(province?.counts).toMatchObject({ units: 2, total: 3, failing: 1, byStatus: { due_soon: 1, compliant: 1 } });
    expect((await deps.store.getRollups('OFFICE#PGD-A')).find((r) => r.key === REQ)?.counts.units).toBe(2);
    expect((await deps.store.getRollupTrend('LEVEL#THCS')).map((p) => p.day)).toContain('2023-06-05');
    expect(await deps.store.latestRunDay()).toBe('2023-06-05');
  });

  it('stores the statuses the run computed', async () => {
    const statuses = await deps.store.getStatuses('THCS-A1');
    expect(statuses.find((s) => s.requirement === REQ)).toMatchObject({ status: 'due_soon', total: 2, failing: 1 });
  });

  it('escalates to the district office the first run after the deadline, one email listing its overdue schools', async () => {
    const mails = await runAt('2023-06-09');
    const toOffice = mails.filter((m) => m.destination.to.includes('truongphong@pgd-a.hp.edu.vn'));
    const identity = toOffice.filter((m) => m.subject.includes('xác thực'));
    expect(identity).toHaveLength(1);
    expect(identity[0]?.body.text).toContain('THCS-A1');
    expect(identity[0]?.body.text).not.toContain('THCS-A2');
    const statuses = await deps.store.getStatuses('THCS-A1');
    expect(statuses.find((s) => s.requirement === REQ)?.status).toBe('overdue');
  });

  it('escalates to the department three days later, and the Monday digest goes to the department once', async () => {
    const escalations = await runAt('2023-06-12');
    expect(escalations.some((m) => m.destination.to.includes('giamdoc@sgd.hp.edu.vn'))).toBe(true);
    const digest = await runAt('2023-06-12', 'digest');
    expect(digest).toHaveLength(1);
    expect([...(digest[0]?.destination.to ?? []), ...(digest[0]?.destination.cc ?? [])].sort()).toEqual(['csdl@sgd.hp.edu.vn', 'giamdoc@sgd.hp.edu.vn']);
    expect(digest[0]?.body.text).toContain('So với tuần trước: 33,33% → 33,33% chưa đạt (không đổi), quá hạn 0 → 1 đơn vị.');
    expect(await runAt('2023-06-12', 'digest')).toEqual([]);
  });

  it('never puts a name or a national ID number in an email', async () => {
    const all = JSON.stringify(await readMailbox(ses.endpoint));
    for (const secret of ['Phạm Minh Châu', 'Vũ Thu Hà', 'Đỗ Quang Huy', '031211000001', '031211000002', '031210000003']) expect(all).not.toContain(secret);
  });
});
