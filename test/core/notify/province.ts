import type { Catalog, NotificationPolicy, Requirement } from '../../../functions/core/catalog/schema.ts';
import type { Status, UnitRequirementResult } from '../../../functions/core/evaluation/types.ts';
import { notificationKeyString } from '../../../functions/core/notify/notification-key.ts';
import { planNotifications } from '../../../functions/core/notify/plan-notifications.ts';
import type { NotificationPlan, PlanInput } from '../../../functions/core/notify/types.ts';
import type { UnitRecord } from '../../../functions/core/snapshot/entities.ts';
import { parseInstant } from '../../../functions/core/time.ts';

/** Every instant in these tests carries its +07:00 offset, so the machine's zone cannot matter. */
export const at = (iso: string): number => parseInstant(iso);
/** The 08:00 run of a Vietnam calendar day. */
export const run = (day: string): number => at(`${day}T08:00:00+07:00`);

export const REQ = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
/** Thursday: stages fall on Thu 01/6 (−7), Mon 05/6 (−3), Wed 07/6 (−1), Thu 08/6 (0), Fri 09/6 (e1), Mon 12/6 (e2). */
export const DEADLINE = at('2023-06-08T17:00:00+07:00');

export function requirementWith(policy?: NotificationPolicy, id = REQ): Requirement {
  return {
    id,
    dispatchId: id.split('/')[0] ?? 'cv',
    title: '100% học sinh được xác thực định danh cá nhân với CSDLQG về dân cư',
    source: '§2.3',
    entity: 'students',
    rule: { kind: 'identity_verification', entity: 'students', threshold: 100 },
    appliesTo: {},
    deadlines: [{ at: DEADLINE }],
    action: 'Đồng bộ học sinh chưa xác thực với CSDLQG về dân cư.',
    ...(policy && { policy }),
  };
}

export function catalogWith(...requirements: Requirement[]): Catalog {
  const ids = [...new Set(requirements.map((r) => r.dispatchId))];
  return {
    dispatches: ids.map((id) => ({
      id,
      issuer: 'Sở GDĐT Hải Phòng',
      number: '1329/SGDĐT-GDTX&ĐH',
      date: '18/5/2023',
      title: 'Hướng dẫn quy trình rà soát, cập nhật dữ liệu giáo viên và học sinh trên CSDL Ngành',
      requirements: requirements.filter((r) => r.dispatchId === id),
    })),
  };
}

export function school(code: string, parent: string, over: Partial<UnitRecord> = {}): UnitRecord {
  const slug = code.toLowerCase();
  return {
    unitCode: code,
    unitName: `Trường ${code}`,
    unitKind: 'school',
    levels: ['THCS'],
    parentCode: parent,
    district: 'Ngô Quyền',
    headEmail: `ht.${slug}@hp.edu.vn`,
    officerEmail: `cb.${slug}@hp.edu.vn`,
    ...over,
  };
}

export const DEPARTMENT: UnitRecord = {
  unitCode: 'SGD',
  unitName: 'Sở GDĐT Hải Phòng',
  unitKind: 'department',
  levels: [],
  headEmail: 'giamdoc@hp.edu.vn',
  officerEmail: 'csdl@hp.edu.vn',
};

export function office(code: string, over: Partial<UnitRecord> = {}): UnitRecord {
  const slug = code.toLowerCase();
  return {
    unitCode: code,
    unitName: `Phòng GDĐT ${code}`,
    unitKind: 'district_office',
    levels: [],
    parentCode: 'SGD',
    headEmail: `tp.${slug}@hp.edu.vn`,
    officerEmail: `cb.${slug}@hp.edu.vn`,
    ...over,
  };
}

export function registryOf(...units: UnitRecord[]): Map<string, UnitRecord> {
  return new Map([DEPARTMENT, ...units].map((u) => [u.unitCode, u]));
}

/** A result as the evaluation would give it at `asOf` for a unit that is behind or done. */
export function result(unit: string, behind: boolean, asOf: number, opts: { deadline?: number; requirement?: string; doneBy?: number } = {}): UnitRequirementResult {
  const deadline = opts.deadline ?? DEADLINE;
  const requirement = opts.requirement ?? REQ;
  let status: Status;
  if (!behind) status = opts.doneBy !== undefined && opts.doneBy > deadline ? 'compliant_late' : 'compliant';
  else if (asOf >= deadline) status = 'overdue';
  else status = asOf >= deadline - 7 * 86_400_000 ? 'due_soon' : 'pending';
  return {
    unit,
    requirement,
    dispatch: requirement.split('/')[0] ?? 'cv',
    status,
    deadline,
    total: 284,
    failing: behind ? 13 : 0,
    rate: behind ? 4.58 : 0,
    failingCodes: behind ? ['HS001', 'HS002'] : [],
  };
}

/** A notification log in memory: what the sender would have claimed. */
export class MemoryLog {
  readonly sent = new Set<string>();
  readonly alreadySent = (key: Parameters<PlanInput['alreadySent']>[0]): boolean => this.sent.has(notificationKeyString(key));
  record(plan: NotificationPlan): void {
    for (const m of plan.messages) for (const k of m.keys) this.sent.add(notificationKeyString(k));
  }
}

/** The runs of consecutive days, each seeing the log the previous ones wrote. */
export function days(from: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export function plan(input: Omit<PlanInput, 'alreadySent'> & { alreadySent?: PlanInput['alreadySent'] }): NotificationPlan {
  return planNotifications({ alreadySent: () => false, ...input });
}
