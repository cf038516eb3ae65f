import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { DondocTable } from '../constructs/dondoc-table.ts';
import { GSI1, GSI2 } from '../constructs/dondoc-table.ts';

/* Explicit actions instead of table.grantReadData/grantWriteData: those include Scan (the
   data model never scans) and wildcard index and KMS actions. The key may only be used
   through DynamoDB. */

const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];

function viaDynamoDb(store: DondocTable): Record<string, Record<string, string>> {
  return { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(store.table).region}.amazonaws.com` } };
}

function leadingKeys(partitions: string[]): Record<string, Record<string, string[]>> {
  return { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions.map((p) => `${p}*`) } };
}

export interface TableReadGrant {
  /**
   * Partition-key prefixes this function may read, e.g. `SUPPRESS#`. Narrowing drops the
   * indexes: `dynamodb:LeadingKeys` is the table's partition key, which an index query does
   * not name. By default the whole table and both indexes are readable.
   */
  partitions?: string[];
}

export function grantTableRead(grantee: IGrantable, store: DondocTable, grant: TableReadGrant = {}): void {
  const { table } = store;
  grantee.grantPrincipal.addToPrincipalPolicy(
    grant.partitions === undefined
      ? new PolicyStatement({
          actions: READ_ACTIONS,
          resources: [table.tableArn, `${table.tableArn}/index/${GSI1}`, `${table.tableArn}/index/${GSI2}`],
        })
      : new PolicyStatement({ actions: READ_ACTIONS, resources: [table.tableArn], conditions: leadingKeys(grant.partitions) }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [store.key.keyArn], conditions: viaDynamoDb(store) }),
  );
}

export interface TableWriteGrant {
  /** Partition-key prefixes (docs/data-model.md) this function may write, e.g. `UNIT#`. */
  partitions: string[];
  /** Whether the function may delete items (the ingest replaces registry entries, the sender gives back a failed claim). */
  delete?: boolean;
}

/** Put/update (and optionally delete) items whose partition key starts with one of the given prefixes. */
export function grantTableWrite(grantee: IGrantable, store: DondocTable, grant: TableWriteGrant): void {
  const actions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'];
  if (grant.delete === true) actions.push('dynamodb:DeleteItem');
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions,
      resources: [store.table.tableArn],
      conditions: leadingKeys(grant.partitions),
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt', 'kms:DescribeKey'],
      resources: [store.key.keyArn],
      conditions: viaDynamoDb(store),
    }),
  );
}
