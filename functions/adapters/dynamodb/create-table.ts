import { type CreateTableCommandInput, CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { INDEX_ATTRIBUTES } from './index-projection.ts';
import { GSI1, GSI2 } from './keys.ts';

/**
 * The table of lib/constructs/dondoc-table.ts for local services (dynalite) and tests. TTL is
 * left out: dynalite implements no UpdateTimeToLive, and nothing relies on expiry locally.
 */
export function dondocTableInput(tableName: string): CreateTableCommandInput {
  const indexKeys = [GSI1, GSI2].flatMap((index) => [`${index}PK`, `${index}SK`]);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['PK', 'SK', ...indexKeys].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [GSI1, GSI2].map((IndexName) => ({
      IndexName,
      KeySchema: [
        { AttributeName: `${IndexName}PK`, KeyType: 'HASH' },
        { AttributeName: `${IndexName}SK`, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...INDEX_ATTRIBUTES] },
    })),
  };
}

/**
 * Creates the table unless it exists (a local stack restarted on a persistent store) and
 * waits until it and its indexes are active. The SDK waiter polls every 20 s at the least,
 * far too slow for a table that is ready in milliseconds.
 */
export async function createDondocTable(client: DynamoDBClient, tableName: string, timeoutMs = 30_000): Promise<void> {
  try {
    await client.send(new CreateTableCommand(dondocTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) throw new Error(`table ${tableName} not active after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
