import type { EntityKind } from '../../core/snapshot/entities.ts';
import type { NotificationKey } from '../../core/ports/notification-log.ts';
import type { Status } from '../../core/evaluation/types.ts';
import { registryShard } from './registry-shard.ts';
import { normaliseAddress } from '../../core/notify/normalise-address.ts';

/* Key and index-attribute builders for the single table of docs/data-model.md. Every string
   that lands in PK, SK or a GSI attribute is built here and nowhere else. */

export const GSI1 = 'GSI1';
export const GSI2 = 'GSI2';

export interface TableKey {
  PK: string;
  SK: string;
}

export const META = 'META';
export const SUMMARY_PREFIX = 'SUMMARY#';
export const STATUS_PREFIX = 'STATUS#';
export const HISTORY_PREFIX = 'HIST#';

export const unitPk = (code: string): string => `UNIT#${code}`;

export const FINDING_PREFIX = 'FINDING#';
/* Written last by each daily run: readers ask it which day's findings are current. */
export const LATEST_RUN_KEY: TableKey = { PK: 'RUN', SK: 'LATEST' };
export const findingKey = (unit: string, day: string, detail: string): TableKey => ({ PK: unitPk(unit), SK: `${FINDING_PREFIX}${day}#${detail}` });

export const ROLLUP_PREFIX = 'REQ#';
export const ROLLUP_DAY_PREFIX = 'DAY#';
export const rollupPk = (scope: string): string => `ROLLUP#${scope}`;
export const rollupKey = (scope: string, key: string): TableKey => ({ PK: rollupPk(scope), SK: `${ROLLUP_PREFIX}${key}` });
export const rollupDayKey = (scope: string, day: string, key: string): TableKey => ({ PK: rollupPk(scope), SK: `${ROLLUP_DAY_PREFIX}${day}#${key}` });

export const unitKey = (code: string): TableKey => ({ PK: unitPk(code), SK: META });

export const summaryKey = (unit: string, entity: EntityKind): TableKey => ({ PK: unitPk(unit), SK: `${SUMMARY_PREFIX}${entity}` });

export const statusKey = (unit: string, requirement: string): TableKey => ({ PK: unitPk(unit), SK: `${STATUS_PREFIX}${requirement}` });

/** ISO instants sort like the epochs they stand for, so a unit's history reads in order. */
export const historyKey = (unit: string, requirement: string, at: number): TableKey => ({
  PK: unitPk(unit),
  SK: `${HISTORY_PREFIX}${requirement}#${new Date(at).toISOString()}`,
});

/* S3 version ids never contain '#', so `key#version` stays unambiguous whatever the key holds. */
export const objectKey = (key: string, version: string): TableKey => ({ PK: `OBJECT#${key}#${version}`, SK: META });
/* The dashboard asks by key alone: the latest processed version of each key is kept under it. */
export const objectLatestKey = (key: string): TableKey => ({ PK: `OBJECT#${key}`, SK: 'LATEST' });

export { normaliseAddress };

export const notificationKey = (key: NotificationKey): TableKey => ({
  PK: `NOTIFY#${key.unit}#${key.requirement}#${key.stage}`,
  SK: `TO#${normaliseAddress(key.recipient)}`,
});

export const sentPk = (unit: string): string => `SENT#${unit}`;

/* Every claim of a unit under one index partition: the dashboard shows a unit's email history,
   and the overdue list its escalations, from one query. */
export const notificationUnitIndex = (key: NotificationKey) => ({
  GSI1PK: sentPk(key.unit),
  GSI1SK: `${key.requirement}#${key.stage}#${normaliseAddress(key.recipient)}`,
});

export const SUPPRESS_PREFIX = 'SUPPRESS#';
export const suppressionKey = (address: string): TableKey => ({ PK: `${SUPPRESS_PREFIX}${normaliseAddress(address)}`, SK: META });

export const childrenPk = (parentCode: string): string => `PARENT#${parentCode}`;
export const registryPk = (shard: number): string => `REGISTRY#${shard}`;
export const requirementStatusPk = (requirement: string, status: Status): string => `REQ#${requirement}#${status}`;

/** Where GSI1 lists the units that name no parent (the department among them). */
export const TOP_LEVEL_PK = 'TOPLEVEL';

/** GSI1: the office's children, or the top level for a unit without a parent; GSI2: the registry shard. */
export function unitIndexes(code: string, parentCode: string | undefined): Record<string, string> {
  return {
    GSI1PK: parentCode === undefined ? TOP_LEVEL_PK : childrenPk(parentCode),
    GSI1SK: unitPk(code),
    GSI2PK: registryPk(registryShard(code)),
    GSI2SK: unitPk(code),
  };
}

/** GSI2 only: units by requirement × status. */
export function statusIndexes(unit: string, requirement: string, status: Status): Record<string, string> {
  return { GSI2PK: requirementStatusPk(requirement, status), GSI2SK: unitPk(unit) };
}
