import { z } from 'zod';
import { StatusCountsSchema as Counts } from '../../core/evaluation/status-counts-schema.ts';
import type { RollupEntry } from '../../core/evaluation/rollup-entries.ts';
import { rollupDayKey, rollupKey } from './keys.ts';
import { parseItem } from './parse-item.ts';

const RollupItem = z.object({ scope: z.string(), key: z.string(), counts: Counts, evaluatedAt: z.number() });
const RollupDayItem = RollupItem.extend({ day: z.iso.date() });

export function toRollupItems(day: string, entry: RollupEntry, evaluatedAt: number): Record<string, unknown>[] {
  const body = { scope: entry.scope, key: entry.key, counts: entry.counts, evaluatedAt };
  return [
    { ...rollupKey(entry.scope, entry.key), ...body },
    { ...rollupDayKey(entry.scope, day, entry.key), ...body, day },
  ];
}

export function fromRollupItem(item: unknown): RollupEntry {
  const { scope, key, counts } = parseItem(RollupItem, item, 'rollup');
  return { scope, key, counts };
}

export function fromRollupDayItem(item: unknown): RollupEntry & { day: string } {
  const { scope, key, counts, day } = parseItem(RollupDayItem, item, 'rollup day');
  return { scope, key, counts, day };
}
