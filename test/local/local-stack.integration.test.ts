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
import { IDENTITY, STUDENTS_CSV, UNITS_CSV } from './small-province.ts';

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
    await stack.upload('snapshots/units/demo/units.csv', UNITS_CSV, { asOf: AS_OF });
    await stack.idle();
    await stack.upload('snapshots/students/2023-05-25/a1.csv', STUDENTS_CSV, { asOf: AS_OF, unit: 'THCS-A1' });
    await stack.idle();
    const statuses = await store().getStatuses('THCS-A1');
    expect(statuses.find((s) => s.requirement === IDENTITY)).toMatchObject({ total: 2, failing: 1, failingCodes: ['HS2'] });
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
    expect(statuses.find((s) => s.requirement === IDENTITY)).toMatchObject({ total: 2, failing: 1 });
    /* The SES mock keeps its mailbox per process, so count what arrives from here on. */
    const before = (await readMailbox(stack.endpoints.ses)).length;
    await stack.runSchedule('daily', '2023-06-05T08:00:00+07:00');
    expect(await readMailbox(stack.endpoints.ses)).toHaveLength(before);
    await stack.runSchedule('daily', '2023-06-07T08:00:00+07:00');
    const next = (await readMailbox(stack.endpoints.ses)).slice(before);
    expect(next.some((m) => m.subject.includes('xác thực') && m.destination.to.includes('cb@a1.hp.edu.vn'))).toBe(true);
  });
});
