import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import type { NotificationKey } from '../../functions/core/ports/notification-log.ts';
import { type DynaliteFixture, startDynalite } from './dynalite-fixture.ts';

const meta = { day: '2025-10-16', subject: 'Nhắc hạn: xác thực định danh học sinh' };

function key(stage: string): NotificationKey {
  return { unit: 'PGD01-S01', requirement: 'CV-1234-ID', stage, recipient: 'Hieutruong@Example.edu.vn' };
}

describe('DynamoNotificationLog against dynalite', () => {
  let db: DynaliteFixture;
  let log: DynamoNotificationLog;
  let t0ClaimedAt: number | undefined;

  beforeAll(async () => {
    db = await startDynalite();
    log = new DynamoNotificationLog(db.documentClient, db.tableName);
  });
  afterAll(async () => {
    await db.stop();
  });

  it('claims a send once', async () => {
    expect(await log.claim(key('T-7'), meta)).toEqual(expect.any(Number));
    expect(await log.claim(key('T-7'), meta)).toBeUndefined();
    expect(await log.claim({ ...key('T-7'), recipient: 'hieutruong@example.edu.vn' }, meta)).toBeUndefined();
    expect(await log.claim(key('T-3'), meta)).toEqual(expect.any(Number));
  });

  it('gives a claim back when the send failed, so the next run can claim it again', async () => {
    expect(await log.claim(key('T-1'), meta)).toEqual(expect.any(Number));
    await log.release(key('T-1'));
    expect(await log.claim(key('T-1'), meta)).toEqual(expect.any(Number));
  });

  it('never gives back a claim once the message was sent', async () => {
    t0ClaimedAt = await log.claim(key('T0'), meta);
    if (t0ClaimedAt === undefined) throw new Error('T0 was claimed before');
    await log.markSent([{ key: key('T0'), claimedAt: t0ClaimedAt }], { ...meta, messageId: '0100019a-ses-message-id' });
    await log.release(key('T0'));
    expect(await log.claim(key('T0'), meta)).toBeUndefined();
  });

  it('releasing a claim that does not exist changes nothing', async () => {
    await log.release(key('T+30'));
    expect(await log.claim(key('T+30'), meta)).toEqual(expect.any(Number));
  });

  it('lists every claim of a unit, sent or in flight, with what the history page needs', async () => {
    const records = await log.sentFor('PGD01-S01');
    expect(records.map((r) => r.stage).sort()).toEqual(['T+30', 'T-1', 'T-3', 'T-7', 'T0']);
    expect(records.find((r) => r.stage === 'T0')).toMatchObject({
      claimedAt: t0ClaimedAt,
      requirement: 'CV-1234-ID',
      recipient: 'hieutruong@example.edu.vn',
      subject: meta.subject,
      messageId: '0100019a-ses-message-id',
      sentAt: expect.any(Number),
    });
    expect(records.find((r) => r.stage === 'T-7')?.sentAt).toBeUndefined();
    expect(await log.sentFor('PGD01-S02')).toEqual([]);
  });

  it('finds the claims among given keys, sent or in flight, across units and in batches, whatever the address’s case', async () => {
    const unclaimed = Array.from({ length: 150 }, (_, i) => ({ ...key(`T+${100 + i}`), unit: `PGD01-S${100 + i}` }));
    const asked = [key('T0'), { ...key('T-7'), recipient: 'HieuTruong@Example.edu.vn' }, key('T0'), ...unclaimed];
    const found = await log.claimedAmong(asked);
    expect(found.map((r) => r.stage).sort()).toEqual(['T-7', 'T0']);
    expect(found.find((r) => r.stage === 'T0')).toMatchObject({ unit: 'PGD01-S01', claimedAt: t0ClaimedAt, messageId: '0100019a-ses-message-id' });
    expect(await log.claimedAmong([])).toEqual([]);
  });

  it('marks an escalation of many claims sent in batches, each claim still listed with its own claim instant', async () => {
    const claims = [];
    for (let i = 0; i < 60; i++) {
      const k = { unit: 'PGD02-S09', requirement: 'CV-1234-ID', stage: 'escalation-1', recipient: `truongphong${i}@example.edu.vn` };
      const claimedAt = await log.claim(k, meta);
      if (claimedAt === undefined) throw new Error(`${k.recipient} was claimed before`);
      claims.push({ key: k, claimedAt });
    }
    await log.markSent(claims, { ...meta, messageId: 'ses-escalation' });
    const records = await log.sentFor('PGD02-S09');
    expect(records).toHaveLength(60);
    for (const { key: k, claimedAt } of claims) {
      expect(records.find((r) => r.recipient === k.recipient)).toMatchObject({ claimedAt, messageId: 'ses-escalation', sentAt: expect.any(Number), subject: meta.subject, day: meta.day });
    }
    expect(await log.claim(claims[0]!.key, meta)).toBeUndefined();
  });

  it('remembers suppressed addresses, whatever their case', async () => {
    expect(await log.isSuppressed('ketoan@example.edu.vn')).toBe(false);
    await log.suppress('KeToan@example.edu.vn', 'bounce');
    await log.suppress('ketoan@example.edu.vn', 'complaint');
    expect(await log.isSuppressed('ketoan@example.edu.vn')).toBe(true);
    expect(await log.isSuppressed(' KETOAN@EXAMPLE.EDU.VN ')).toBe(true);
    expect(await log.isSuppressed('other@example.edu.vn')).toBe(false);
  });

  it('tells which of many addresses are suppressed in batched reads', async () => {
    const many = Array.from({ length: 230 }, (_, i) => `gv${i}@example.edu.vn`);
    await log.suppress('GV7@example.edu.vn', 'bounce');
    await log.suppress('gv150@example.edu.vn', 'complaint');
    const gone = await log.suppressedAmong([...many, ' GV7@EXAMPLE.EDU.VN ', 'KeToan@example.edu.vn']);
    expect([...gone].sort()).toEqual(['gv150@example.edu.vn', 'gv7@example.edu.vn', 'ketoan@example.edu.vn']);
    expect(await log.suppressedAmong([])).toEqual(new Set());
  });
});
