import type { Rollups, StatusCounts } from './types.ts';

/** One stored rollup: the units of one scope, for one requirement (or one dispatch), by status. */
export interface RollupEntry {
  /** `PROVINCE`, `OFFICE#<code>`, `LEVEL#<level>` or `DISPATCH` */
  scope: string;
  /** a requirement id, or a dispatch id under the `DISPATCH` scope */
  key: string;
  counts: StatusCounts;
}

/** Flattens the rollups of one evaluation into what the store keeps and the dashboard reads. */
export function rollupEntries(rollups: Rollups): RollupEntry[] {
  const entries: RollupEntry[] = [];
  const add = (scope: string, table: Record<string, StatusCounts>) => {
    for (const [key, counts] of Object.entries(table)) entries.push({ scope, key, counts });
  };
  add('PROVINCE', rollups.province);
  add('DISPATCH', rollups.byDispatch);
  for (const [level, table] of Object.entries(rollups.byLevel)) add(`LEVEL#${level}`, table);
  for (const [office, table] of Object.entries(rollups.byDistrictOffice)) add(`OFFICE#${office}`, table);
  return entries;
}
