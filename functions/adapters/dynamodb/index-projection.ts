/**
 * The attributes both indexes carry besides their keys (INCLUDE projection), shared by the
 * CDK table and the local one. Everything an index query reads back — a registry entry for
 * children and shards, a status's figures, a notification claim — and never a status's list
 * of failing codes, which would be copied into both indexes on every write for nothing:
 * that list is read from the base table only.
 */
export const INDEX_ATTRIBUTES = [
  'unitCode',
  'unitName',
  'unitKind',
  'levels',
  'parentCode',
  'district',
  'headEmail',
  'officerEmail',
  'asOf',
  'unit',
  'requirement',
  'dispatch',
  'status',
  'deadline',
  'total',
  'failing',
  'rate',
  'warning',
  'compliantSince',
  'evaluatedAt',
  'since',
  'previous',
  'stage',
  'recipient',
  'day',
  'subject',
  'claimedAt',
  'sentAt',
  'messageId',
] as const;
