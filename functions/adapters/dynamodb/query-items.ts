import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { call } from './sdk-errors.ts';

/* Every page of a query: DynamoDB stops each page at 1 MB. */
async function* pages(client: DynamoDBDocumentClient, input: QueryCommandInput): AsyncGenerator<QueryCommandOutput> {
  let start: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await call('Query', () => client.send(new QueryCommand({ ...input, ExclusiveStartKey: start })));
    yield page;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
}

/** Every item a query matches, page after page. */
export async function* queryItems(client: DynamoDBDocumentClient, input: QueryCommandInput): AsyncGenerator<Record<string, unknown>> {
  for await (const page of pages(client, input)) yield* page.Items ?? [];
}

/** How many items a query matches, page after page, with `Select: COUNT`: the items themselves never cross the wire. */
export async function countItems(client: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'Select' | 'ExclusiveStartKey'>): Promise<number> {
  let count = 0;
  for await (const page of pages(client, { ...input, Select: 'COUNT' })) count += page.Count ?? 0;
  return count;
}
