import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DondocError } from '../../core/errors.ts';
import { applies } from '../../core/evaluation/applies.ts';
import type { RollupEntry } from '../../core/evaluation/rollup-entries.ts';
import type { Finding } from '../../core/notify/types.ts';
import type { Status, UnitEntitySummary, UnitRequirementResult, UnitState } from '../../core/evaluation/types.ts';
import {
  type LatestRun,
  type ObjectOutcome,
  type ProcessedObject,
  REGISTRY_SHARDS,
  type StateStore,
  type StatusChange,
  type StoredStatus,
} from '../../core/ports/state-store.ts';
import type { IdentitySource } from '../../core/report/identity.ts';
import { ENTITY_KINDS, type EntityKind, type UnitRecord } from '../../core/snapshot/entities.ts';
import { AdapterError } from '../adapter-error.ts';
import { type DynamoAdapterOptions, type ResolvedOptions, resolveOptions } from './adapter-options.ts';
import { getAll } from './batch-get.ts';
import { putAll } from './batch-write.ts';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import {
  FINDING_PREFIX,
  LATEST_RUN_KEY,
  ROLLUP_DAY_PREFIX,
  ROLLUP_PREFIX,
  rollupPk,
  childrenPk,
  GSI1,
  GSI2,
  HISTORY_PREFIX,
  registryPk,
  requirementStatusPk,
  STATUS_PREFIX,
  statusKey,
  SUMMARY_PREFIX,
  summaryKey,
  TOP_LEVEL_PK,
  unitKey,
  unitPk,
  objectKey,
  objectLatestKey,
} from './keys.ts';
import { fromFindingItem, toFindingItem } from './finding-item.ts';
import { fromProcessedObjectItem, toProcessedObjectItems } from './object-item.ts';
import { fromRollupDayItem, fromRollupItem, toRollupItems } from './rollup-item.ts';
import { parseItem } from './parse-item.ts';
import { countItems, queryItems } from './query-items.ts';
import { call, isConditionalCheckFailed } from './sdk-errors.ts';
import { fromHistoryItem, fromStatusItem, type StatusItem, storedStatusOf, toHistoryItem, toStatusItem, unchanged } from './status-item.ts';
import { transition } from './status-transition.ts';
import { fromIdentitySourceItem, IDENTITY_SOURCE_ATTRIBUTES } from './identity-source-item.ts';
import { fromSummaryItem, toSummaryItem } from './summary-item.ts';
import { fromUnitItem, toUnitItem } from './unit-item.ts';

/* Registry entries and summaries replace what is stored only when they are at least as new. */
const AT_LEAST_AS_NEW = 'attribute_not_exists(PK) OR asOf <= :asOf';

const UnitCodeOnly = z.object({ unit: z.string().min(1) });
/* Marks written before outcomes were kept carry only the instant; that is all a redelivery needs. */
const ProcessedAt = z.object({ processedAt: z.number() });
const LatestRunItem = z.object({ day: z.iso.date(), evaluatedAt: z.number() });

/** StateStore over the single table of docs/data-model.md. No Scan, no transactions. */
export class DynamoStateStore implements StateStore {
  private readonly options: ResolvedOptions;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoAdapterOptions = {},
  ) {
    this.options = resolveOptions(options);
  }

  async putUnits(units: readonly UnitRecord[], asOf: number): Promise<void> {
    const latest = [...new Map(units.map((unit) => [unit.unitCode, unit])).values()];
    await boundedMap(latest, this.options.concurrency, (unit) => this.putIfNewer(toUnitItem(unit, asOf), asOf));
  }

  async getUnit(code: string): Promise<UnitRecord | undefined> {
    const { Item } = await call('GetItem', () => this.client.send(new GetCommand({ TableName: this.tableName, Key: unitKey(code) })));
    return Item === undefined ? undefined : fromUnitItem(Item);
  }

  async getUnits(codes: readonly string[]): Promise<Map<string, UnitRecord>> {
    const found = await getAll(this.client, this.tableName, [...new Set(codes)].map(unitKey), this.options.retry);
    return new Map(found.map((item) => fromUnitItem(item)).map((unit) => [unit.unitCode, unit]));
  }

  async listChildren(parentCode: string): Promise<UnitRecord[]> {
    const children: UnitRecord[] = [];
    for await (const item of this.queryIndex(GSI1, childrenPk(parentCode))) children.push(fromUnitItem(item));
    return children;
  }

  async listTopLevel(): Promise<UnitRecord[]> {
    const units: UnitRecord[] = [];
    for await (const item of this.queryIndex(GSI1, TOP_LEVEL_PK)) units.push(fromUnitItem(item));
    return units;
  }

  async *listShard(shard: number): AsyncIterable<UnitRecord> {
    if (!Number.isInteger(shard) || shard < 0 || shard >= REGISTRY_SHARDS) {
      throw new DondocError('INVALID_ARGUMENT', `registry shard must be an integer 0…${REGISTRY_SHARDS - 1}, got ${shard}`);
    }
    for await (const item of this.queryIndex(GSI2, registryPk(shard))) yield fromUnitItem(item);
  }

  async applySummary(summary: UnitEntitySummary): Promise<'applied' | 'stale'> {
    return (await this.putIfNewer(toSummaryItem(summary), summary.asOf)) ? 'applied' : 'stale';
  }

  async getUnitState(code: string): Promise<UnitState> {
    const state: UnitState = {};
    for await (const item of this.queryUnit(code, SUMMARY_PREFIX)) {
      const summary = fromSummaryItem(item);
      state[summary.entity] = summary;
    }
    return state;
  }

  /* A unit's summaries have known keys (one per entity): a group's states are a few batch reads, not a query per unit. */
  async getUnitStates(codes: readonly string[], entities: readonly EntityKind[] = ENTITY_KINDS): Promise<Map<string, UnitState>> {
    const states = new Map<string, UnitState>([...new Set(codes)].map((code) => [code, {}]));
    const kinds = [...new Set(entities)];
    const keys = [...states.keys()].flatMap((code) => kinds.map((entity) => summaryKey(code, entity)));
    for (const item of await getAll(this.client, this.tableName, keys, this.options.retry)) {
      const summary = fromSummaryItem(item);
      const state = states.get(summary.unit);
      if (state) state[summary.entity] = summary;
    }
    return states;
  }

  /**
   * Reads the stored statuses in batches, writes each status with an optimistic condition on
   * the evaluation it replaces, then appends the history of the changes. History goes last
   * and is keyed by evaluation instant, so a retry after a failure rewrites the same history
   * items (see `transition`).
   */
  async putResults(results: readonly UnitRequirementResult[], evaluatedAt: number, opts: { replay?: boolean } = {}): Promise<StatusChange[]> {
    const latest = [...new Map(results.map((result) => [`${result.unit}#${result.requirement}`, result])).values()];
    const found = await getAll(
      this.client,
      this.tableName,
      latest.map((result) => statusKey(result.unit, result.requirement)),
      this.options.retry,
    );
    const stored = new Map<string, StatusItem>();
    for (const item of found) {
      const status = fromStatusItem(item);
      stored.set(`${status.unit}#${status.requirement}`, status);
    }
    const changes = await boundedMap(latest, this.options.concurrency, (result) =>
      this.writeStatus(result, evaluatedAt, stored.get(`${result.unit}#${result.requirement}`), opts.replay === true),
    );
    const made = changes.filter((change): change is StatusChange => change !== undefined);
    await putAll(this.client, this.tableName, made.map(toHistoryItem), this.options.retry);
    return made;
  }

  /* A status whose requirement stopped applying stays as an item, so its lineage makes a retry of
     the same evaluation report the same change; the readers of current statuses skip it. */
  async getStatuses(unit: string): Promise<StoredStatus[]> {
    const statuses: StoredStatus[] = [];
    for await (const item of this.queryUnit(unit, STATUS_PREFIX)) statuses.push(storedStatusOf(item));
    return statuses.filter(applies);
  }

  async getStatusHistory(unit: string): Promise<StatusChange[]> {
    const changes: StatusChange[] = [];
    for await (const item of this.queryUnit(unit, HISTORY_PREFIX)) changes.push(fromHistoryItem(item));
    return changes;
  }

  async getStatusesOf(pairs: ReadonlyArray<{ unit: string; requirement: string }>): Promise<StoredStatus[]> {
    const keys = new Map(pairs.map(({ unit, requirement }) => [`${unit}#${requirement}`, statusKey(unit, requirement)]));
    return (await getAll(this.client, this.tableName, [...keys.values()], this.options.retry)).map(storedStatusOf).filter(applies);
  }

  /* Only the per-level tallies: a province's summaries with their code lists would be tens of megabytes. */
  async getIdentitySources(units: readonly string[]): Promise<IdentitySource[]> {
    const keys = [...new Set(units)].flatMap((unit) => [summaryKey(unit, 'students'), summaryKey(unit, 'staff')]);
    return (await getAll(this.client, this.tableName, keys, this.options.retry, IDENTITY_SOURCE_ATTRIBUTES)).map(fromIdentitySourceItem);
  }

  async *unitsWithStatus(requirement: string, status: Status): AsyncIterable<string> {
    for await (const item of this.queryIndex(GSI2, requirementStatusPk(requirement, status), 'unit')) {
      yield parseItem(UnitCodeOnly, item, 'status').unit;
    }
  }

  async countWithStatus(requirement: string, status: Status): Promise<number> {
    return countItems(this.client, {
      TableName: this.tableName,
      IndexName: GSI2,
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': requirementStatusPk(requirement, status) },
    });
  }

  async putFindings(day: string, findings: readonly Finding[]): Promise<void> {
    const now = this.options.now();
    /* One item per finding: the same gap met by several messages of a run is one finding. */
    const items = new Map(findings.map((finding) => toFindingItem(day, finding, now)).map((item) => [`${String(item.PK)}|${String(item.SK)}`, item]));
    await putAll(this.client, this.tableName, [...items.values()], this.options.retry);
  }

  async getFindings(unit: string, day: string): Promise<Finding[]> {
    const findings: Finding[] = [];
    for await (const item of this.queryUnit(unit, `${FINDING_PREFIX}${day}#`)) findings.push(fromFindingItem(item));
    return findings;
  }

  async latestRunDay(): Promise<string | undefined> {
    const { Item } = await call('GetItem', () => this.client.send(new GetCommand({ TableName: this.tableName, Key: LATEST_RUN_KEY, ConsistentRead: true })));
    return Item === undefined ? undefined : parseItem(LatestRunItem.pick({ day: true }), Item, 'latest run').day;
  }

  async latestRun(): Promise<LatestRun | undefined> {
    const { Item } = await call('GetItem', () => this.client.send(new GetCommand({ TableName: this.tableName, Key: LATEST_RUN_KEY, ConsistentRead: true })));
    return Item === undefined ? undefined : parseItem(LatestRunItem, Item, 'latest run');
  }

  async putRollups(day: string, entries: readonly RollupEntry[], evaluatedAt: number): Promise<void> {
    await putAll(this.client, this.tableName, entries.flatMap((entry) => toRollupItems(day, entry, evaluatedAt)), this.options.retry);
    await call('PutItem', () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...LATEST_RUN_KEY, day, evaluatedAt } })));
  }

  async getRollups(scope: string): Promise<RollupEntry[]> {
    const entries: RollupEntry[] = [];
    for await (const item of this.queryPrefix(rollupPk(scope), ROLLUP_PREFIX)) entries.push(fromRollupItem(item));
    return entries;
  }

  async getRollupTrend(scope: string): Promise<Array<RollupEntry & { day: string }>> {
    const points: Array<RollupEntry & { day: string }> = [];
    for await (const item of this.queryPrefix(rollupPk(scope), ROLLUP_DAY_PREFIX)) points.push(fromRollupDayItem(item));
    return points;
  }

  async getRollupsOfDay(scope: string, day: string): Promise<RollupEntry[]> {
    const entries: RollupEntry[] = [];
    for await (const item of this.queryPrefix(rollupPk(scope), `${ROLLUP_DAY_PREFIX}${day}#`)) entries.push(fromRollupItem(item));
    return entries;
  }

  /*
   * The version's mark decides "first time". The key's latest item carries the instant the
   * version was first processed and yields only to a later one: a redelivered older version
   * cannot hide a newer one, and a redelivery after a crash between the two writes repairs it.
   */
  async markObjectProcessed(key: string, version: string, outcome: ObjectOutcome): Promise<boolean> {
    const now = this.options.now();
    const firstTime = await this.putIf(toProcessedObjectItems(key, version, outcome, now).mark, { ConditionExpression: 'attribute_not_exists(PK)' });
    const processedAt = firstTime ? now : await this.firstProcessedAt(key, version);
    await this.putIf(toProcessedObjectItems(key, version, outcome, processedAt).latest, {
      ConditionExpression: 'attribute_not_exists(PK) OR processedAt <= :at',
      ExpressionAttributeValues: { ':at': processedAt },
    });
    return firstTime;
  }

  async latestObjectOutcome(key: string): Promise<ProcessedObject | undefined> {
    const { Item } = await call('GetItem', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: objectLatestKey(key), ConsistentRead: true })),
    );
    return Item === undefined ? undefined : fromProcessedObjectItem(Item);
  }

  private async writeStatus(
    result: UnitRequirementResult,
    evaluatedAt: number,
    initial: StatusItem | undefined,
    replay: boolean,
  ): Promise<StatusChange | undefined> {
    let stored = initial;
    for (let attempt = 0; attempt < this.options.retry.maxAttempts; attempt++) {
      if (stored !== undefined && stored.evaluatedAt > evaluatedAt && !replay) return undefined;
      const lineage = transition(stored, result.status, evaluatedAt);
      const change = lineage.change && { unit: result.unit, requirement: result.requirement, ...lineage.change, at: evaluatedAt };
      if (stored !== undefined && unchanged(stored, result)) return change;
      /* Most requirements of a new unit have no data yet, and some do not apply: no item says that as well as one. */
      if (stored === undefined && (result.status === 'no_data' || !applies(result))) return undefined;
      const written = await this.putIf(
        toStatusItem(result, evaluatedAt, lineage),
        stored === undefined
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'evaluatedAt = :replaced', ExpressionAttributeValues: { ':replaced': stored.evaluatedAt } },
      );
      if (written) return change;
      stored = await this.getStatusItem(result.unit, result.requirement);
    }
    throw new AdapterError('CONFLICT', `status ${result.unit}/${result.requirement} kept changing under ${this.options.retry.maxAttempts} writes`);
  }

  private async firstProcessedAt(key: string, version: string): Promise<number> {
    const { Item } = await call('GetItem', () => this.client.send(new GetCommand({ TableName: this.tableName, Key: objectKey(key, version), ConsistentRead: true })));
    return parseItem(ProcessedAt, Item, 'processed object').processedAt;
  }

  private async getStatusItem(unit: string, requirement: string): Promise<StatusItem | undefined> {
    const { Item } = await call('GetItem', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: statusKey(unit, requirement), ConsistentRead: true })),
    );
    return Item === undefined ? undefined : fromStatusItem(Item);
  }

  private putIfNewer(item: Record<string, unknown>, asOf: number): Promise<boolean> {
    return this.putIf(item, { ConditionExpression: AT_LEAST_AS_NEW, ExpressionAttributeValues: { ':asOf': asOf } });
  }

  /** A conditional put: false when the condition failed. */
  private async putIf(
    item: Record<string, unknown>,
    condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ): Promise<boolean> {
    try {
      await call('PutItem', () => this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ...condition })));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  private queryUnit(code: string, skPrefix: string): AsyncGenerator<Record<string, unknown>> {
    return this.queryPrefix(unitPk(code), skPrefix);
  }

  private queryPrefix(pk: string, skPrefix: string): AsyncGenerator<Record<string, unknown>> {
    return queryItems(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    });
  }

  private queryIndex(indexName: string, partition: string, projection?: string): AsyncGenerator<Record<string, unknown>> {
    return queryItems(this.client, {
      TableName: this.tableName,
      IndexName: indexName,
      KeyConditionExpression: `${indexName}PK = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
      /* attribute names such as `unit` are reserved words in expressions */
      ...(projection === undefined ? {} : { ProjectionExpression: '#projected', ExpressionAttributeNames: { '#projected': projection } }),
    });
  }
}
