import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { handleSesEvents, type SesEventsDeps } from '../../functions/handlers/ses-events.ts';
import { startDynalite, type DynaliteFixture } from '../adapters/dynalite-fixture.ts';
import { eventFixture, sesMessage, snsEvent } from './sns-events.ts';

describe('ses-events handler on dynalite', () => {
  let db: DynaliteFixture;
  let deps: SesEventsDeps;
  const suppressed = (address: string) => deps.log.isSuppressed(address);

  beforeAll(async () => {
    db = await startDynalite();
    deps = { log: new DynamoNotificationLog(db.documentClient, db.tableName) };
  });

  afterAll(async () => {
    await db?.stop();
  });

  it('suppresses every recipient of a permanent bounce, whatever case SES reports', async () => {
    const out = await handleSesEvents(deps, eventFixture<SNSEvent>('sns-ses-bounce.json'));
    expect(out).toEqual([
      { address: 'CanBo@THPT-NgoQuyen.edu.vn', reason: 'bounce' },
      { address: 'hieutruong@thpt-ngoquyen.edu.vn', reason: 'bounce' },
    ]);
    expect(await suppressed('canbo@thpt-ngoquyen.edu.vn')).toBe(true);
    expect(await suppressed('hieutruong@thpt-ngoquyen.edu.vn')).toBe(true);
  });

  it('suppresses a complaining recipient', async () => {
    await handleSesEvents(deps, snsEvent(sesMessage('complaint')));
    expect(await suppressed('truongphong@pgd-ngoquyen.edu.vn')).toBe(true);
  });

  it('only logs transient bounces, deliveries and rejects', async () => {
    const out = await handleSesEvents(deps, snsEvent(sesMessage('bounce-transient'), sesMessage('delivery'), sesMessage('reject')));
    expect(out).toEqual([]);
    expect(await suppressed('canbo@thcs-lehongphong.edu.vn')).toBe(false);
    expect(await suppressed('canbo@thpt-lequydon.edu.vn')).toBe(false);
    expect(await suppressed('canbo@thpt-tranphu.edu.vn')).toBe(false);
  });

  it('lets an event type it does not act on pass without failing', async () => {
    await expect(handleSesEvents(deps, snsEvent(sesMessage('open')))).resolves.toEqual([]);
  });

  it('processes the same event again without harm (SNS and Lambda may deliver twice)', async () => {
    const event = snsEvent(sesMessage('complaint'), sesMessage('bounce-permanent'));
    await handleSesEvents(deps, event);
    await expect(handleSesEvents(deps, event)).resolves.toHaveLength(3);
    expect(await suppressed('truongphong@pgd-ngoquyen.edu.vn')).toBe(true);
  });

  it('fails on a bounce it cannot read, so it ends in the dead-letter queue instead of vanishing', async () => {
    const unreadable = JSON.stringify({ ...eventFixture('ses-bounce-permanent.json'), bounce: { bounceType: 'Permanent' } });
    await expect(handleSesEvents(deps, snsEvent(unreadable))).rejects.toThrow();
    await expect(handleSesEvents(deps, snsEvent('not json'))).rejects.toThrow();
  });
});
