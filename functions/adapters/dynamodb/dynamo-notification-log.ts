import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimedKey, NotificationKey, NotificationLog, NotificationRecord } from '../../core/ports/notification-log.ts';
import { type DynamoAdapterOptions, type ResolvedOptions, resolveOptions } from './adapter-options.ts';
import { z } from 'zod';
import { getAll } from './batch-get.ts';
import { putAll } from './batch-write.ts';
import { GSI1, normaliseAddress, notificationKey, sentPk, SUPPRESS_PREFIX, suppressionKey } from './keys.ts';
import { parseItem } from './parse-item.ts';
import { fromClaimItem, toClaimItem, toSuppressionItem } from './notification-items.ts';
import { queryItems } from './query-items.ts';
import { call, isConditionalCheckFailed } from './sdk-errors.ts';

const SuppressedPk = z.object({ PK: z.string().startsWith(SUPPRESS_PREFIX) });

/** NotificationLog over the single table: one item per (unit, requirement, stage, recipient). */
export class DynamoNotificationLog implements NotificationLog {
  private readonly options: ResolvedOptions;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoAdapterOptions = {},
  ) {
    this.options = resolveOptions(options);
  }

  async claim(key: NotificationKey, meta: { day: string; subject: string }): Promise<number | undefined> {
    const claimedAt = this.options.now();
    try {
      await call('PutItem', () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: toClaimItem(key, meta, claimedAt),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      );
      return claimedAt;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  }

  /*
   * Unconditional, and the whole claim item rewritten with the send: SES has accepted the
   * message, so recording that matters more than whether the claim is still there, and only
   * this sender holds these claims (any other's claim of them failed). An escalation stands
   * for hundreds of keys: batches of 25, not an update each.
   */
  async markSent(claims: readonly ClaimedKey[], sent: { day: string; subject: string; messageId: string }): Promise<void> {
    const sentAt = this.options.now();
    const items = claims.map(({ key, claimedAt }) => ({ ...toClaimItem(key, sent, claimedAt), messageId: sent.messageId, sentAt }));
    await putAll(this.client, this.tableName, items, this.options.retry);
  }

  /** Deletes the claim unless it was marked sent: a sent message must never be claimable again. */
  async release(key: NotificationKey): Promise<void> {
    try {
      await call('DeleteItem', () =>
        this.client.send(
          new DeleteCommand({ TableName: this.tableName, Key: notificationKey(key), ConditionExpression: 'attribute_not_exists(sentAt)' }),
        ),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async sentFor(unit: string): Promise<NotificationRecord[]> {
    const records: NotificationRecord[] = [];
    const items = queryItems(this.client, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': sentPk(unit) },
    });
    for await (const item of items) records.push(fromClaimItem(item));
    return records;
  }

  async claimedAmong(keys: readonly NotificationKey[]): Promise<NotificationRecord[]> {
    const unique = new Map(keys.map(notificationKey).map((key) => [`${key.PK}|${key.SK}`, key]));
    return (await getAll(this.client, this.tableName, [...unique.values()], this.options.retry)).map(fromClaimItem);
  }

  async isSuppressed(address: string): Promise<boolean> {
    const { Item } = await call('GetItem', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: suppressionKey(address), ProjectionExpression: 'PK' })),
    );
    return Item !== undefined;
  }

  async suppressedAmong(addresses: readonly string[]): Promise<Set<string>> {
    const keys = [...new Set(addresses.map(normaliseAddress))].map(suppressionKey);
    const found = await getAll(this.client, this.tableName, keys, this.options.retry, ['PK']);
    return new Set(found.map((item) => parseItem(SuppressedPk, item, 'suppressed address').PK.slice(SUPPRESS_PREFIX.length)));
  }

  /** The latest reason wins; suppression itself never lapses. */
  async suppress(address: string, reason: 'bounce' | 'complaint'): Promise<void> {
    await call('PutItem', () =>
      this.client.send(new PutCommand({ TableName: this.tableName, Item: toSuppressionItem(address, reason, this.options.now()) })),
    );
  }
}
