import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDondocTable } from '../../functions/adapters/dynamodb/create-table.ts';
import { startLocalDynamo } from '../../functions/local/services/local-dynamodb.ts';

export interface DynaliteFixture {
  /** `http://127.0.0.1:<port>`, for DONDOC_DYNAMODB_ENDPOINT */
  endpoint: string;
  tableName: string;
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  stop(): Promise<void>;
}

/* dynalite checks signatures loosely; any credentials sign well enough. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'dondoc-local', secretAccessKey: 'dondoc-local' };

/**
 * An in-memory dynalite on a random loopback port with the dondoc table created and active.
 * One per test file: they are cheap, and files run in parallel.
 */
export async function startDynalite(tableName = 'dondoc-test'): Promise<DynaliteFixture> {
  const { endpoint, stop } = await startLocalDynamo();
  const client = new DynamoDBClient({ endpoint, region: 'ap-southeast-1', credentials: DUMMY_CREDENTIALS });
  const documentClient = DynamoDBDocumentClient.from(client);
  await createDondocTable(client, tableName);
  return {
    endpoint,
    tableName,
    client,
    documentClient,
    async stop() {
      documentClient.destroy();
      client.destroy();
      await stop();
    },
  };
}
