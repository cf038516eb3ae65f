import { z } from 'zod';
import { Level, type UnitRecord, UnitKind } from '../../core/snapshot/entities.ts';
import { unitIndexes, unitKey } from './keys.ts';
import { parseItem } from './parse-item.ts';
import { plainData } from './plain-data.ts';

const UnitRecordSchema = z.object({
  unitCode: z.string().min(1),
  unitName: z.string(),
  unitKind: UnitKind,
  levels: z.array(Level),
  parentCode: z.string().optional(),
  district: z.string().optional(),
  headEmail: z.string().optional(),
  officerEmail: z.string().optional(),
}) satisfies z.ZodType<UnitRecord>;

/** The registry entry, stamped with the as-of of the units snapshot it came from so an older snapshot cannot overwrite it. */
export function toUnitItem(unit: UnitRecord, asOf: number): Record<string, unknown> {
  const record = UnitRecordSchema.parse(unit);
  return { ...unitKey(record.unitCode), ...unitIndexes(record.unitCode, record.parentCode), ...plainData(record), asOf };
}

export function fromUnitItem(item: unknown): UnitRecord {
  return parseItem(UnitRecordSchema, item, 'unit');
}
