import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { SesMailer } from '../../functions/adapters/ses/ses-mailer.ts';
import type { DeliverDeps } from '../../functions/core/pipeline/deliver-email.ts';
import { readMailbox } from '../../functions/local/services/mailbox.ts';
import { startLocalSes, type LocalSes } from '../../functions/local/services/local-ses.ts';
import { sendBatch } from '../../functions/handlers/sender.ts';
import { DUMMY_CREDENTIALS, startDynalite, type DynaliteFixture } from '../adapters/dynalite-fixture.ts';
import { plannedEmail } from './emails.ts';
import { fakeContext, sqsEvent, sqsRecord } from './sqs-events.ts';

describe('sender handler on dynalite and aws-ses-v2-local', () => {
  let db: DynaliteFixture;
  let ses: LocalSes;
  let deps: DeliverDeps;
  let sesClient: SESv2Client;

  const send = (...bodies: object[]) => sendBatch(deps)(sqsEvent(...bodies.map((b, i) => sqsRecord(`m${i}`, JSON.stringify(b)))), fakeContext());

  beforeAll(async () => {
    [db, ses] = await Promise.all([startDynalite(), startLocalSes()]);
    sesClient = new SESv2Client({ endpoint: ses.endpoint, region: 'ap-southeast-1', credentials: DUMMY_CREDENTIALS });
    deps = { log: new DynamoNotificationLog(db.documentClient, db.tableName), mailer: new SesMailer(sesClient, 'dondoc@sogd.example.gov.vn', 'dondoc') };
  });

  afterAll(async () => {
    sesClient?.destroy();
    await Promise.all([db?.stop(), ses?.stop()]);
  });

  it('sends a planned email into the mailbox, HTML and text, to and cc', async () => {
    const out = await send(plannedEmail());
    expect(out.batchItemFailures).toEqual([]);
    const mails = await readMailbox(ses.endpoint);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: 'dondoc@sogd.example.gov.vn',
      destination: { to: ['canbo@thpt-ngoquyen.edu.vn'], cc: ['hieutruong@thpt-ngoquyen.edu.vn'] },
      subject: plannedEmail().subject,
      body: { html: plannedEmail().html, text: plannedEmail().text },
    });
  });

  it('sends nothing the second time the same email arrives (redelivery, duplicated schedule)', async () => {
    const out = await send(plannedEmail(), plannedEmail());
    expect(out.batchItemFailures).toEqual([]);
    expect(await readMailbox(ses.endpoint)).toHaveLength(1);
  });

  it('still sends to a recipient for whom one of the email’s deliveries is new', async () => {
    const escalation = plannedEmail({
      kind: 'escalation',
      stage: 'escalation-1',
      unit: 'PGD-NQ',
      to: ['truongphong@pgd-ngoquyen.edu.vn'],
      cc: [],
      units: ['THCS001', 'THCS002'],
    });
    await send({ ...escalation, units: ['THCS001'] });
    await send(escalation);
    await send(escalation);
    const toOffice = (await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes('truongphong@pgd-ngoquyen.edu.vn'));
    expect(toOffice).toHaveLength(2);
  });

  it('leaves out a suppressed address and mails the rest', async () => {
    await deps.log.suppress('hieutruong@thpt-lequydon.edu.vn', 'bounce');
    const email = plannedEmail({ unit: 'THPT002', to: ['canbo@thpt-lequydon.edu.vn'], cc: ['hieutruong@thpt-lequydon.edu.vn'] });
    expect((await send(email)).batchItemFailures).toEqual([]);
    const last = (await readMailbox(ses.endpoint)).at(-1);
    expect(last?.destination).toMatchObject({ to: ['canbo@thpt-lequydon.edu.vn'], cc: [] });
  });

  it('fails a message that is not a planned email, and only that one', async () => {
    const out = await send({ kind: 'reminder' }, plannedEmail({ unit: 'THPT003', stage: 'reminder-1' }));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
  });
});
