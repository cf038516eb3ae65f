import { DondocError } from '../core/errors.ts';
import { isActive } from '../core/snapshot/entities.ts';
import { fileInput, openSnapshot } from '../core/snapshot/open-snapshot.ts';

export type Person = 'students' | 'staff';

/** An active record the national population database has not verified; a mismatch needs a different explanation. */
export interface UnverifiedRecord {
  code: string;
  mismatch: boolean;
}

/**
 * The unverified active records of a generated person file, per unit in file order. Read
 * through the production parser, so "active" and "unverified" (Vietnamese labels included)
 * mean what the explanations rule will mean; rows stream past, only the few thousand
 * unverified codes are kept.
 */
export async function readUnverified(path: string, entity: Person): Promise<Map<string, UnverifiedRecord[]>> {
  const opened = await openSnapshot(fileInput(path), { entity });
  const byUnit = new Map<string, UnverifiedRecord[]>();
  for await (const batch of opened.batches()) {
    for (const rec of batch) {
      if (rec.entity !== 'students' && rec.entity !== 'staff') continue;
      const { record } = rec;
      if (record.idVerification === 'verified' || !isActive(entity, record.status)) continue;
      const code = rec.entity === 'students' ? rec.record.studentCode : rec.record.staffCode;
      const list = byUnit.get(record.unitCode) ?? [];
      list.push({ code, mismatch: record.idVerification === 'mismatch' });
      byUnit.set(record.unitCode, list);
    }
  }
  if (!opened.report.ok) {
    throw new DondocError('INVALID_SNAPSHOT', `Tệp ${entity} không hợp lệ / invalid ${entity} file: ${path} (${opened.report.errors} lỗi / errors)`, opened.report);
  }
  return byUnit;
}
