import type { UnitRecord } from '../snapshot/entities.ts';

/** A unit as lists show it: the registry entry without the officials' mailboxes, which only emails need. */
export type ListedUnit = Omit<UnitRecord, 'headEmail' | 'officerEmail'>;

export function listedUnit({ headEmail: _head, officerEmail: _officer, ...unit }: UnitRecord): ListedUnit {
  return unit;
}
