import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PartResult } from '../../core/pipeline/part-result.ts';
import type { RunRef } from '../../core/pipeline/plan-task.ts';
import type { RunState, RunStore } from '../../core/ports/run-store.ts';
import { AdapterError } from '../adapter-error.ts';
import { queryItems } from './query-items.ts';
import { fromPartItem, fromRunItem, PART_PREFIX, runKey, runPk, toPartItem, toRunItem } from './run-items.ts';
import { call, isConditionalCheckFailed } from './sdk-errors.ts';

/**
 * RunStore over the single table. The run item counts its parts with a set of the parts done,
 * so a part redelivered after it was counted (or after a crash between its result and its
 * count) is counted once; no transactions are needed.
 */
export class DynamoRunStore implements RunStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  createRun(run: RunRef, parts: number): Promise<boolean> {
    return this.conditional(() =>
      this.client.send(new PutCommand({ TableName: this.tableName, Item: toRunItem(run, parts, this.now()), ConditionExpression: 'attribute_not_exists(PK)' })),
    );
  }

  async getRun(id: string): Promise<RunState | undefined> {
    const { Item } = await call('GetItem', () => this.client.send(new GetCommand({ TableName: this.tableName, Key: runKey(id), ConsistentRead: true })));
    return Item === undefined ? undefined : fromRunItem(Item);
  }

  async markPartsQueued(id: string): Promise<void> {
    await call('UpdateItem', () =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: runKey(id),
          UpdateExpression: 'SET partsQueued = :yes',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':yes': true },
        }),
      ),
    );
  }

  putPartResult(id: string, result: PartResult): Promise<boolean> {
    return this.conditional(() =>
      this.client.send(new PutCommand({ TableName: this.tableName, Item: toPartItem(id, result, this.now()), ConditionExpression: 'attribute_not_exists(PK)' })),
    );
  }

  async completePart(id: string, part: string): Promise<RunState> {
    try {
      const { Attributes } = await call('UpdateItem', () =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: runKey(id),
            UpdateExpression: 'ADD done :one, doneParts :part',
            ConditionExpression: 'attribute_exists(PK) AND NOT contains(doneParts, :id)',
            ExpressionAttributeValues: { ':one': 1, ':part': new Set([part]), ':id': part },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return fromRunItem(Attributes);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    const state = await this.getRun(id);
    if (state === undefined) throw new AdapterError('REJECTED', `part ${part} completes run ${id}, which was never recorded`);
    return state;
  }

  async *partResults(id: string): AsyncIterable<PartResult> {
    const items = queryItems(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': runPk(id), ':prefix': PART_PREFIX },
      ConsistentRead: true,
    });
    for await (const item of items) yield fromPartItem(item);
  }

  markFinished(id: string): Promise<boolean> {
    return this.conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: runKey(id),
          UpdateExpression: 'SET finishedAt = :now',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(finishedAt)',
          ExpressionAttributeValues: { ':now': this.now() },
        }),
      ),
    );
  }

  /** A conditional write: false when its condition failed. */
  private async conditional(send: () => Promise<unknown>): Promise<boolean> {
    try {
      await call('conditional write', send);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}
