import type { Deadline } from '../catalog/schema.ts';
import type { Level, UnitKind } from '../snapshot/entities.ts';

const KIND_NAMES: Record<UnitKind, string> = {
  department: 'Sở GDĐT',
  district_office: 'Phòng GDĐT',
  school: 'Trường',
  centre: 'Trung tâm GDNN-GDTX',
};

const LEVEL_NAMES: Record<Level, string> = { MN: 'Mầm non', TH: 'Tiểu học', THCS: 'THCS', THPT: 'THPT', GDTX: 'GDTX' };

/**
 * Who a deadline is for, the way a dispatch says it: "Trường THPT", "Mầm non, Tiểu học, THCS",
 * "Trường (địa bàn: Việt Yên)". Empty when the deadline concerns every unit of its requirement.
 */
export function appliesToText(deadline: Pick<Deadline, 'unitKinds' | 'levels' | 'districts'>): string {
  const parts: string[] = [];
  if (deadline.unitKinds?.length) parts.push(deadline.unitKinds.map((kind) => KIND_NAMES[kind]).join(', '));
  if (deadline.levels?.length) parts.push(deadline.levels.map((level) => LEVEL_NAMES[level]).join(', '));
  if (deadline.districts?.length) parts.push(`(địa bàn: ${deadline.districts.join(', ')})`);
  return parts.join(' ');
}
