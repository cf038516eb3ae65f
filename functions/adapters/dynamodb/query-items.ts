import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { call } from './sdk-errors.ts';

/** Every item a query matches, page after page: DynamoDB stops each page at 1 MB. */
export async function* queryItems(client: DynamoDBDocumentClient, input: QueryCommandInput): AsyncGenerator<Record<string, unknown>> {
  let start: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await call('Query', () => client.send(new QueryCommand({ ...input, ExclusiveStartKey: start })));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
}

/** How many items a query matches, page after page, with `Select: COUNT`: the items themselves never cross the wire. */
export async function countItems(client: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'Select' | 'ExclusiveStartKey'>): Promise<number> {
  let count = 0;
  let start: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await call('Query', () => client.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start })));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return count;
}
