import { DondocError } from '../../core/errors.ts';
import type { StateStore } from '../../core/ports/state-store.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';

export async function registeredUnit(store: StateStore, code: string): Promise<UnitRecord> {
  const unit = await store.getUnit(code);
  if (unit === undefined) throw new DondocError('NOT_FOUND', `Không tìm thấy đơn vị ${code} / Unit ${code} not found`);
  return unit;
}

export function requireAccess(allowed: boolean, code: string): void {
  if (!allowed) {
    throw new DondocError('FORBIDDEN', `Đơn vị ${code} nằm ngoài phạm vi được phân quyền của bạn / Unit ${code} is outside your scope`);
  }
}
