import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { readMailbox } from '../../functions/local/services/mailbox.ts';
import { LOCAL_NAMES } from '../../functions/local/stack/local-names.ts';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../functions/local/stack/local-stack.ts';

const UNITS = [
  '{"unit_code":"SGD","unit_name":"Sở GDĐT Hải Phòng","unit_kind":"department","head_email":"giamdoc@sgd.hp.edu.vn","officer_email":"csdl@sgd.hp.edu.vn"}',
  '{"unit_code":"PGD-A","unit_name":"Phòng GDĐT An Dương","unit_kind":"district_office","parent_code":"SGD","head_email":"truongphong@pgd-a.hp.edu.vn"}',
  '{"unit_code":"THCS-A1","unit_name":"Trường THCS An Đồng","unit_kind":"school","levels":"THCS","parent_code":"PGD-A","head_email":"ht@a1.hp.edu.vn","officer_email":"cb@a1.hp.edu.vn"}',
].join('\n');
const STUDENTS = [
  'unit_code,student_code,full_name,level,class_name,national_id,id_verification,status',
  'THCS-A1,HS1,Phạm Minh Châu,THCS,6A,031211000001,verified,studying',
  'THCS-A1,HS2,Vũ Thu Hà,THCS,6A,031211000002,unverified,studying',
].join('\n');
const REQ = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
const AS_OF = '2023-05-25T08:00:00+07:00';

/*
 * The embedded default on its real local services: uploads into s3rver trigger the unchanged
 * ingest handler through the in-process queue, the planner's emails reach the sender through
 * the local SQS endpoint, and everything lands in dynalite and the SES mailbox. The state is
 * kept on disk, so a second start finds it.
 */
describe('the local stack', () => {
  let dataDir: string;
  let stack: LocalStack;
  const errors: unknown[] = [];

  const start = (ports?: LocalStackOptions['ports']) =>
    startLocalStack({ dataDir, department: 'SGD', dashboardUrl: 'http://127.0.0.1:8080', onHandlerError: (_queue, error) => errors.push(error), ...(ports && { ports }) });
  const store = () => new DynamoStateStore(DynamoDBDocumentClient.from(stack.dynamodb), LOCAL_NAMES.table);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-local-'));
    stack = await start();
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('turns an upload into statuses in the table', async () => {
    await stack.upload('snapshots/units/demo/units.ndjson', UNITS, { asOf: AS_OF });
    await stack.idle();
    await stack.upload('snapshots/students/2023-05-25/a1.csv', STUDENTS, { asOf: AS_OF, unit: 'THCS-A1' });
    await stack.idle();
    const statuses = await store().getStatuses('THCS-A1');
    expect(statuses.find((s) => s.requirement === REQ)).toMatchObject({ total: 2, failing: 1, failingCodes: ['HS2'] });
    expect(errors).toEqual([]);
  });

  it('sends the scheduled run’s emails into the SES mailbox', async () => {
    await stack.runSchedule('daily', '2023-06-05T08:00:00+07:00');
    const mails = await readMailbox(stack.endpoints.ses);
    const reminder = mails.find((m) => m.subject.includes('xác thực') && m.destination.to.includes('cb@a1.hp.edu.vn'));
    expect(reminder?.body.text).toContain('17h00 ngày 08/6/2023');
    expect(JSON.stringify(mails)).not.toContain('Vũ Thu Hà');
  });

  it('quarantines a bad upload with its report and tells the uploader by email', async () => {
    await stack.upload('snapshots/students/2023-05-26/a1-bad.csv', 'unit_code,student_code,id_verification\nTHCS-A1,HS1,maybe\n', { asOf: AS_OF, unit: 'THCS-A1' });
    await stack.idle();
    const quarantined = await stack.s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: 'quarantine/students/2023-05-26/a1-bad.csv' }));
    expect(await quarantined.Body?.transformToString()).toContain('maybe');
    const reports = await stack.s3.send(new ListObjectsV2Command({ Bucket: LOCAL_NAMES.bucket, Prefix: 'reports/students/2023-05-26/a1-bad.csv' }));
    expect(reports.Contents).toHaveLength(1);
    const notice = (await readMailbox(stack.endpoints.ses)).find((m) => m.subject.startsWith('[Tệp bị từ chối]'));
    expect(notice?.destination).toMatchObject({ to: ['cb@a1.hp.edu.vn'], cc: ['ht@a1.hp.edu.vn'] });
    expect(notice?.body.text).toMatch(/Dòng 2, cột "id_verification", giá trị "maybe"/);
  });

  it('keeps its state across a restart and sends no email twice', async () => {
    /* `npm start` again is a new process on the same ports; the handlers' SDK clients, made
       once per container, keep the endpoints they were made with, as they would on Lambda. */
    const port = (url: string) => Number(new URL(url).port);
    const { dynamodb, s3, ses, sqs } = stack.endpoints;
    await stack.stop();
    stack = await start({ dynamodb: port(dynamodb), s3: port(s3), ses: port(ses), sqs: port(sqs) });
    const statuses = await store().getStatuses('THCS-A1');
    expect(statuses.find((s) => s.requirement === REQ)).toMatchObject({ total: 2, failing: 1 });
    /* The SES mock keeps its mailbox per process, so count what arrives from here on. */
    const before = (await readMailbox(stack.endpoints.ses)).length;
    await stack.runSchedule('daily', '2023-06-05T08:00:00+07:00');
    expect(await readMailbox(stack.endpoints.ses)).toHaveLength(before);
    await stack.runSchedule('daily', '2023-06-07T08:00:00+07:00');
    const next = (await readMailbox(stack.endpoints.ses)).slice(before);
    expect(next.some((m) => m.subject.includes('xác thực') && m.destination.to.includes('cb@a1.hp.edu.vn'))).toBe(true);
  });
});
