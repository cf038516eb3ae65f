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
