import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';

/*
 * One SDK client per service per container, built on first use. On AWS the endpoints are the
 * defaults; the local stack and the integration tests point the very same clients at dynalite,
 * s3rver and aws-ses-v2-local through these variables.
 */
const EndpointEnv = z.object({
  DONDOC_DYNAMODB_ENDPOINT: z.url().optional(),
  DONDOC_S3_ENDPOINT: z.url().optional(),
  DONDOC_SES_ENDPOINT: z.url().optional(),
  DONDOC_SQS_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('ap-southeast-1'),
});
type EndpointEnv = z.infer<typeof EndpointEnv>;

function endpointEnv(): EndpointEnv {
  return EndpointEnv.parse(process.env);
}

function options(endpoint: string | undefined, region: string) {
  return endpoint === undefined ? { region } : { region, endpoint };
}

let dynamo: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let ses: SESv2Client | undefined;
let sqs: SQSClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  const env = endpointEnv();
  dynamo ??= DynamoDBDocumentClient.from(withoutSdkLogging(new DynamoDBClient(options(env.DONDOC_DYNAMODB_ENDPOINT, env.AWS_REGION))), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return dynamo;
}

/*
 * The SDK's logger middleware copies every request and response through a sensitive-data
 * filter before handing them to its logger, even when that logger discards them (dondoc sets
 * none: the handlers log through Powertools). For DynamoDB that is a walk over every item
 * read and written, summaries of thousands of codes included.
 */
function withoutSdkLogging(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

export function s3Client(): S3Client {
  const env = endpointEnv();
  /* s3rver only serves path-style requests. */
  s3 ??= new S3Client({ ...options(env.DONDOC_S3_ENDPOINT, env.AWS_REGION), forcePathStyle: env.DONDOC_S3_ENDPOINT !== undefined });
  return s3;
}

export function sesClient(): SESv2Client {
  const env = endpointEnv();
  ses ??= new SESv2Client(options(env.DONDOC_SES_ENDPOINT, env.AWS_REGION));
  return ses;
}

export function sqsClient(): SQSClient {
  const env = endpointEnv();
  sqs ??= new SQSClient(options(env.DONDOC_SQS_ENDPOINT, env.AWS_REGION));
  return sqs;
}
