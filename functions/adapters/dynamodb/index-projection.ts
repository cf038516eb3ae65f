/**
 * The attributes both indexes carry besides their keys (INCLUDE projection), shared by the
 * CDK table and the local one: what an index query reads back, a registry entry for children
 * and shards, and a notification claim for a unit's sent list. A status is read from the index
 * by its unit code only (or counted), its figures and failing codes from the base table, so
 * none of them is copied into GSI2 on every status write.
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
  'stage',
  'recipient',
  'day',
  'subject',
  'claimedAt',
  'sentAt',
  'messageId',
] as const;
