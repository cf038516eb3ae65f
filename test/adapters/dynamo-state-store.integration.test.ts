import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { registryShard } from '../../functions/adapters/dynamodb/registry-shard.ts';
import { REGISTRY_SHARDS } from '../../functions/core/ports/state-store.ts';
import { type DynaliteFixture, startDynalite } from './dynalite-fixture.ts';
import { result, studentsSummary, unitRecord } from './samples.ts';

const T0 = Date.UTC(2025, 8, 1);
const DAY = 86_400_000;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('DynamoStateStore against dynalite', () => {
  let db: DynaliteFixture;
  let store: DynamoStateStore;

  beforeAll(async () => {
    db = await startDynalite();
    store = new DynamoStateStore(db.documentClient, db.tableName);
  });
  afterAll(async () => {
    await db.stop();
  });

  describe('registry', () => {
    it('lists an office’s children through GSI1 and every unit across the shards through GSI2', async () => {
      const schools = Array.from({ length: 40 }, (_, i) => unitRecord(`PGD01-S${String(i).padStart(2, '0')}`, 'PGD01'));
      await store.putUnits([unitRecord('SGD'), unitRecord('PGD01', 'SGD'), ...schools], T0);

      const children = await store.listChildren('PGD01');
      expect(children.map((u) => u.unitCode).sort()).toEqual(schools.map((u) => u.unitCode).sort());
      expect(children[0]).toEqual(schools.find((u) => u.unitCode === children[0]?.unitCode));

      const perShard = await Promise.all(Array.from({ length: REGISTRY_SHARDS }, (_, shard) => collect(store.listShard(shard))));
      perShard.forEach((units, shard) => units.forEach((u) => expect(registryShard(u.unitCode)).toBe(shard)));
      expect(perShard.flat()).toHaveLength(42);
      expect(perShard.filter((units) => units.length > 0).length).toBeGreaterThan(4);
    });

    it('keeps a registry entry from a newer units snapshot when an older one arrives late', async () => {
      await store.putUnits([{ ...unitRecord('PGD02-S1', 'PGD02'), unitName: 'Trường mới' }], T0 + DAY);
      await store.putUnits([{ ...unitRecord('PGD02-S1', 'PGD02'), unitName: 'Trường cũ' }], T0);
      expect((await store.getUnit('PGD02-S1'))?.unitName).toBe('Trường mới');
      expect(await store.getUnit('NOWHERE')).toBeUndefined();
    });

    it('lists the units that name no parent, and takes a unit off that list once it names one', async () => {
      await store.putUnits([unitRecord('TOP-S1'), unitRecord('TOP-S2')], T0);
      await store.putUnits([unitRecord('TOP-S2', 'PGD05')], T0 + DAY);
      const top = (await store.listTopLevel()).map((u) => u.unitCode);
      expect(top).toEqual(expect.arrayContaining(['SGD', 'TOP-S1']));
      expect(top).not.toContain('TOP-S2');
      expect(top).not.toContain('PGD01');
    });

    it('moves a unit to its new office’s children when a newer snapshot changes the parent', async () => {
      await store.putUnits([unitRecord('MOVE-1', 'PGD03')], T0);
      await store.putUnits([unitRecord('MOVE-1', 'PGD04')], T0 + DAY);
      expect(await store.listChildren('PGD03')).toEqual([]);
      expect((await store.listChildren('PGD04')).map((u) => u.unitCode)).toEqual(['MOVE-1']);
    });
  });

  describe('summaries', () => {
    it('applies a newer summary, refuses an older one as stale and leaves the state alone', async () => {
      const newer = studentsSummary('S-SUM-1', T0 + DAY, ['HS009']);
      const older = studentsSummary('S-SUM-1', T0, ['HS001', 'HS002']);
      expect(await store.applySummary(newer)).toBe('applied');
      expect(await store.applySummary(older)).toBe('stale');
      expect(await store.getUnitState('S-SUM-1')).toEqual({ students: newer });
    });

    it('applies the same summary twice to the same state (a redelivered S3 event)', async () => {
      const summary = studentsSummary('S-SUM-2', T0);
      expect(await store.applySummary(summary)).toBe('applied');
      const once = await store.getUnitState('S-SUM-2');
      expect(await store.applySummary(summary)).toBe('applied');
      expect(await store.getUnitState('S-SUM-2')).toEqual(once);
      expect(once).toEqual({ students: summary });
    });

    it('keeps one summary per entity in the unit’s state', async () => {
      const students = studentsSummary('S-SUM-3', T0);
      const reports = { unit: 'S-SUM-3', entity: 'reports' as const, asOf: T0, rows: 1, tallies: {}, reports: { '2025-HK1': { submittedAt: T0 - DAY } } };
      await store.applySummary(students);
      await store.applySummary(reports);
      expect(await store.getUnitState('S-SUM-3')).toEqual({ students, reports });
    });

    it('reads many units’ states in batches as one query per unit would, an empty state for a unit with none', async () => {
      const codes = Array.from({ length: 40 }, (_, i) => `S-MANY-${i}`);
      for (const code of codes) await store.applySummary(studentsSummary(code, T0, [`HS-${code}`]));
      await store.applySummary({ unit: 'S-MANY-0', entity: 'reports', asOf: T0, rows: 1, tallies: {}, reports: { '2025-HK1': { submittedAt: T0 - DAY } } });
      const states = await store.getUnitStates([...codes, 'S-MANY-NONE', 'S-MANY-1']);
      expect([...states.keys()].sort()).toEqual([...codes, 'S-MANY-NONE'].sort());
      for (const code of codes) expect(states.get(code)).toEqual(await store.getUnitState(code));
      expect(Object.keys(states.get('S-MANY-0') ?? {}).sort()).toEqual(['reports', 'students']);
      expect(states.get('S-MANY-NONE')).toEqual({});
      const reportsOnly = await store.getUnitStates(['S-MANY-0', 'S-MANY-1'], ['reports']);
      expect(Object.keys(reportsOnly.get('S-MANY-0') ?? {})).toEqual(['reports']);
      expect(reportsOnly.get('S-MANY-1')).toEqual({});
    });

    it('stores a summary far over 400 KB with its code lists cut and its counts intact', async () => {
      const codes = Array.from({ length: 40_000 }, (_, i) => `HS${String(i).padStart(10, '0')}`);
      const huge = studentsSummary('S-HUGE', T0, codes);
      expect(await store.applySummary(huge)).toBe('applied');
      const stored = (await store.getUnitState('S-HUGE')).students;
      const tally = stored?.tallies['CV-1234-ID'];
      expect(tally?.failing).toBe(40_000);
      expect(tally?.failingCodes.length).toBeLessThan(40_000);
      expect(tally?.failingCodes).toEqual(codes.slice(0, tally?.failingCodes.length));
      const { Item } = await db.documentClient.send(
        new GetCommand({ TableName: db.tableName, Key: { PK: 'UNIT#S-HUGE', SK: 'SUMMARY#students' } }),
      );
      expect(Item?.codesCap).toBe(tally?.failingCodes.length);
    });
  });

  describe('statuses', () => {
    const history = async (unit: string) =>
      (
        await db.documentClient.send(
          new QueryCommand({
            TableName: db.tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :hist)',
            ExpressionAttributeValues: { ':pk': `UNIT#${unit}`, ':hist': 'HIST#' },
          }),
        )
      ).Items ?? [];

    it('returns and records only the statuses that changed', async () => {
      await store.putUnits([unitRecord('S-ST-1', 'PGD10')], T0);
      const first = await store.putResults([result('S-ST-1', 'R1', 'pending'), result('S-ST-1', 'R2', 'compliant')], T0);
      expect(first).toEqual([
        { unit: 'S-ST-1', requirement: 'R1', to: 'pending', at: T0 },
        { unit: 'S-ST-1', requirement: 'R2', to: 'compliant', at: T0 },
      ]);

      const second = await store.putResults([result('S-ST-1', 'R1', 'overdue'), result('S-ST-1', 'R2', 'compliant')], T0 + DAY);
      expect(second).toEqual([{ unit: 'S-ST-1', requirement: 'R1', from: 'pending', to: 'overdue', at: T0 + DAY }]);

      const third = await store.putResults([result('S-ST-1', 'R1', 'overdue'), result('S-ST-1', 'R2', 'compliant')], T0 + 2 * DAY);
      expect(third).toEqual([]);

      const items = await history('S-ST-1');
      expect(items.map((item) => item.SK)).toEqual([
        `HIST#R1#${new Date(T0).toISOString()}`,
        `HIST#R1#${new Date(T0 + DAY).toISOString()}`,
        `HIST#R2#${new Date(T0).toISOString()}`,
      ]);
      expect(await store.getStatusHistory('S-ST-1')).toEqual([
        { unit: 'S-ST-1', requirement: 'R1', to: 'pending', at: T0 },
        { unit: 'S-ST-1', requirement: 'R1', from: 'pending', to: 'overdue', at: T0 + DAY },
        { unit: 'S-ST-1', requirement: 'R2', to: 'compliant', at: T0 },
      ]);
      expect(await store.getStatusHistory('S-ST-NONE')).toEqual([]);
      /* An unchanged status is not rewritten: it keeps the evaluation that last changed it. */
      const statuses = await store.getStatuses('S-ST-1');
      expect(statuses.map((s) => [s.requirement, s.status, s.evaluatedAt])).toEqual([
        ['R1', 'overdue', T0 + DAY],
        ['R2', 'compliant', T0],
      ]);
    });

    it('reports the same changes when the same evaluation is written again, and ignores an older one', async () => {
      const changes = await store.putResults([result('S-ST-2', 'R1', 'overdue')], T0 + DAY);
      expect(await store.putResults([result('S-ST-2', 'R1', 'overdue')], T0 + DAY)).toEqual(changes);
      expect(await store.putResults([result('S-ST-2', 'R1', 'compliant')], T0)).toEqual([]);
      expect((await store.getStatuses('S-ST-2'))[0]?.status).toBe('overdue');
      expect(await history('S-ST-2')).toHaveLength(1);
    });

    it('lets an explicit replay of an earlier moment replace a newer evaluation', async () => {
      await store.putResults([result('S-ST-3', 'R1', 'overdue')], T0 + 2 * DAY);
      await store.putResults([result('S-ST-3', 'R1', 'pending')], T0, { replay: true });
      expect((await store.getStatuses('S-ST-3'))[0]).toMatchObject({ status: 'pending', evaluatedAt: T0 });
    });

    it('finds units by requirement and status through GSI2, following the status as it changes', async () => {
      await store.putResults(
        [result('S-ST-3', 'R9', 'overdue'), result('S-ST-4', 'R9', 'overdue'), result('S-ST-5', 'R9', 'due_soon')],
        T0,
      );
      expect((await collect(store.unitsWithStatus('R9', 'overdue'))).sort()).toEqual(['S-ST-3', 'S-ST-4']);
      await store.putResults([result('S-ST-4', 'R9', 'compliant')], T0 + DAY);
      expect(await collect(store.unitsWithStatus('R9', 'overdue'))).toEqual(['S-ST-3']);
      expect(await collect(store.unitsWithStatus('R9', 'compliant'))).toEqual(['S-ST-4']);
      expect(await store.countWithStatus('R9', 'overdue')).toBe(1);
      expect(await store.countWithStatus('R9', 'due_soon')).toBe(1);
      expect(await store.countWithStatus('R9', 'non_compliant')).toBe(0);
    });

    it('retires a status whose requirement stopped applying, and takes it up again when it applies again', async () => {
      await store.putResults([result('S-NA-1', 'R7', 'overdue'), result('S-NA-1', 'R8', 'compliant')], T0);
      const retired = await store.putResults([result('S-NA-1', 'R7', 'not_applicable'), result('S-NA-1', 'R8', 'compliant')], T0 + DAY);
      expect(retired).toEqual([{ unit: 'S-NA-1', requirement: 'R7', from: 'overdue', to: 'not_applicable', at: T0 + DAY }]);

      expect((await store.getStatuses('S-NA-1')).map((s) => s.requirement)).toEqual(['R8']);
      expect(await store.getStatusesOf([{ unit: 'S-NA-1', requirement: 'R7' }, { unit: 'S-NA-1', requirement: 'R8' }])).toEqual([
        expect.objectContaining({ requirement: 'R8', status: 'compliant' }),
      ]);
      expect(await collect(store.unitsWithStatus('R7', 'overdue'))).toEqual([]);
      expect(await store.countWithStatus('R7', 'not_applicable')).toBe(0);

      /* The same evaluation again (a redelivered message) reports the same change; a later one, none. */
      expect(await store.putResults([result('S-NA-1', 'R7', 'not_applicable')], T0 + DAY)).toEqual(retired);
      expect(await store.putResults([result('S-NA-1', 'R7', 'not_applicable')], T0 + 2 * DAY)).toEqual([]);

      expect(await store.putResults([result('S-NA-1', 'R7', 'due_soon')], T0 + 3 * DAY)).toEqual([
        { unit: 'S-NA-1', requirement: 'R7', from: 'not_applicable', to: 'due_soon', at: T0 + 3 * DAY },
      ]);
      expect(await collect(store.unitsWithStatus('R7', 'due_soon'))).toEqual(['S-NA-1']);
      expect((await store.getStatusHistory('S-NA-1')).filter((c) => c.requirement === 'R7').map((c) => c.to)).toEqual(['overdue', 'not_applicable', 'due_soon']);
    });

    it('writes nothing for a requirement that does not apply where nothing is stored', async () => {
      expect(await store.putResults([result('S-NA-2', 'R7', 'not_applicable')], T0)).toEqual([]);
      const { Item } = await db.documentClient.send(new GetCommand({ TableName: db.tableName, Key: { PK: 'UNIT#S-NA-2', SK: 'STATUS#R7' } }));
      expect(Item).toBeUndefined();
    });

    it('keeps statuses out of GSI1, which lists units and notification claims', async () => {
      await store.putUnits([unitRecord('S-ST-6', 'PGD11')], T0);
      await store.putResults([result('S-ST-6', 'R5', 'overdue')], T0);
      const { Item } = await db.documentClient.send(new GetCommand({ TableName: db.tableName, Key: { PK: 'UNIT#S-ST-6', SK: 'STATUS#R5' } }));
      expect(Item).toMatchObject({ status: 'overdue', GSI2PK: 'REQ#R5#overdue' });
      expect(Item).not.toHaveProperty('GSI1PK');
      expect((await store.listChildren('PGD11')).map((u) => u.unitCode)).toEqual(['S-ST-6']);
    });
  });

  it('replaces the current rollups and keeps one point a day for the trend', async () => {
    const counts = (failing: number) => ({ units: 3, total: 30, failing, rate: (failing / 30) * 100, byStatus: { overdue: failing > 0 ? 1 : 0, compliant: 2 } });
    await store.putRollups('2023-06-05', [{ scope: 'PROVINCE', key: 'R1', counts: counts(9) }, { scope: 'OFFICE#PGD01', key: 'R1', counts: counts(9) }], T0);
    await store.putRollups('2023-06-06', [{ scope: 'PROVINCE', key: 'R1', counts: counts(3) }], T0 + DAY);
    expect(await store.getRollups('PROVINCE')).toEqual([{ scope: 'PROVINCE', key: 'R1', counts: counts(3) }]);
    expect((await store.getRollupTrend('PROVINCE')).map((p) => [p.day, p.counts.failing])).toEqual([
      ['2023-06-05', 9],
      ['2023-06-06', 3],
    ]);
    expect(await store.getRollups('OFFICE#PGD01')).toHaveLength(1);
    expect(await store.getRollups('OFFICE#NOWHERE')).toEqual([]);
  });

  it('keeps each run’s findings under their unit and tells which run is the latest', async () => {
    await store.putFindings('2023-06-05', [
      { kind: 'missing_email', unit: 'S-F-1', field: 'officer_email' },
      { kind: 'missing_email', unit: 'S-F-1', field: 'officer_email' },
      { kind: 'no_recipient', unit: 'S-F-1', requirement: 'R1', stage: 'reminder-3' },
    ]);
    await store.putRollups('2023-06-05', [], T0);
    await store.putFindings('2023-06-06', [{ kind: 'missing_email', unit: 'S-F-2', field: 'head_email' }]);
    await store.putRollups('2023-06-06', [], T0 + DAY);
    expect(await store.latestRunDay()).toBe('2023-06-06');
    expect(await store.getFindings('S-F-1', '2023-06-06')).toEqual([]);
    expect(await store.getFindings('S-F-1', '2023-06-05')).toEqual([
      { kind: 'missing_email', unit: 'S-F-1', field: 'officer_email' },
      { kind: 'no_recipient', unit: 'S-F-1', requirement: 'R1', stage: 'reminder-3' },
    ]);
    expect(await store.getFindings('S-F-2', '2023-06-06')).toEqual([{ kind: 'missing_email', unit: 'S-F-2', field: 'head_email' }]);
  });

  it('records a processed S3 object version once', async () => {
    const applied = { outcome: 'applied', rows: 12 } as const;
    expect(await store.markObjectProcessed('incoming/students/PGD01 #1.csv', 'v1', applied)).toBe(true);
    expect(await store.markObjectProcessed('incoming/students/PGD01 #1.csv', 'v1', applied)).toBe(false);
    const rejected = { outcome: 'rejected', quarantineKey: 'quarantine/x.csv', reportKey: 'reports/x.csv.v2.json' } as const;
    expect(await store.markObjectProcessed('incoming/students/PGD01 #1.csv', 'v2', rejected)).toBe(true);
  });
});
