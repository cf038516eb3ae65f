import { describe, expect, it } from 'vitest';
import { buildUnitView, FAILING_RECORDS_SHOWN, HISTORY_SHOWN } from '../../../functions/core/dashboard/unit-view.ts';
import type { UnitState } from '../../../functions/core/evaluation/types.ts';
import type { NotificationRecord } from '../../../functions/core/ports/notification-log.ts';
import type { StatusChange, StoredStatus } from '../../../functions/core/ports/state-store.ts';
import { unit } from '../evaluation/builders.ts';
import { catalogWith, DEADLINE, REQ, requirementWith, run } from '../notify/province.ts';

const STAFF_REQ = 'hp-2023-quy-trinh-ra-soat/nhan-su';
const catalog = catalogWith(requirementWith(), {
  ...requirementWith(undefined, STAFF_REQ),
  entity: 'staff',
  rule: { kind: 'identity_verification', entity: 'staff', threshold: 100 },
  title: 'Nhân sự',
});

const codes = (n: number) => Array.from({ length: n }, (_, i) => `HS${String(i + 1).padStart(4, '0')}`);

const status = (requirement: string, over: Partial<StoredStatus> = {}): StoredStatus => ({
  unit: 'THPT1',
  requirement,
  dispatch: 'hp-2023-quy-trinh-ra-soat',
  status: 'overdue',
  deadline: DEADLINE,
  total: 900,
  failing: 1200,
  rate: 12,
  failingCodes: codes(1000),
  evaluatedAt: run('2023-06-09'),
  ...over,
});

const state: UnitState = {
  students: { unit: 'THPT1', entity: 'students', asOf: 1, rows: 90, tallies: {}, byClass: { '10A2': { total: 40, unverified: 3 }, '10A10': { total: 45, unverified: 0 }, '10A1': { total: 5, unverified: 5 } } },
  staff: { unit: 'THPT1', entity: 'staff', asOf: 1, rows: 9, tallies: {}, byClass: { 'Tổ Toán': { total: 9, unverified: 1 } } },
  explanations: {
    unit: 'THPT1',
    entity: 'explanations',
    asOf: 1,
    rows: 2,
    tallies: {},
    explanations: { students: { HS0001: { cause: true, remedy: false, expectedDate: '2023-06-30' }, HS0002: { cause: true, remedy: true } }, staff: { HS0001: { cause: false, remedy: true } } },
  },
};

const claim = (stage: string, sentAt?: number): NotificationRecord => ({
  unit: 'THPT1', requirement: REQ, stage, recipient: 'hieutruong@thpt1.edu.vn', day: '2023-06-09', subject: stage, claimedAt: 1, ...(sentAt === undefined ? {} : { sentAt }),
});

describe('buildUnitView', () => {
  const school = unit('THPT1', { district: 'Hồng Bàng', headEmail: 'hieutruong@thpt1.edu.vn', officerEmail: 'canbo@thpt1.edu.vn' });
  const view = buildUnitView({
    unit: school,
    statuses: [status(STAFF_REQ, { failing: 1, failingCodes: ['HS0001'] }), status('retired/requirement'), status(REQ)],
    state,
    claims: [claim('reminder-1', run('2023-06-07')), claim('escalation-1', run('2023-06-09')), claim('escalation-2')],
    findings: [{ kind: 'missing_email', unit: 'THPT1', field: 'officer_email' }],
    history: [
      { unit: 'THPT1', requirement: STAFF_REQ, to: 'pending', at: run('2023-06-01') },
      { unit: 'THPT1', requirement: REQ, from: 'due_soon', to: 'overdue', at: run('2023-06-09') },
      { unit: 'THPT1', requirement: REQ, to: 'pending', at: run('2023-06-01') },
      { unit: 'THPT1', requirement: 'retired/requirement', from: 'pending', to: 'compliant', at: run('2023-06-05') },
    ],
    catalog,
  });

  it('describes the unit without its contact addresses', () => {
    expect(view.unit).toEqual({ code: 'THPT1', name: 'Trường THPT1', kind: 'school', levels: ['THPT'], parent: 'SO', district: 'Hồng Bàng' });
    expect(JSON.stringify(view.unit)).not.toContain('@');
  });

  it('lists the catalog’s requirements in its order with what to do, and the first failing records with the rest counted from the true total', () => {
    expect(view.requirements.map((r) => r.requirement)).toEqual([REQ, STAFF_REQ]);
    const [students] = view.requirements;
    expect(students).toMatchObject({ title: requirementWith().title, status: 'overdue', deadline: DEADLINE, action: requirementWith().action });
    expect(students?.failingRecords).toHaveLength(FAILING_RECORDS_SHOWN);
    expect(students?.more).toBe(1200 - FAILING_RECORDS_SHOWN);
  });

  it('says how far the unit is in the reminder’s words, and nothing once the requirement is met', () => {
    expect(view.requirements.map((r) => r.progress)).toEqual([
      'Đơn vị còn 1.200/900 học sinh chưa xác thực (12%).',
      'Đơn vị còn 1/900 cán bộ, giáo viên, nhân viên chưa xác thực (12%).',
    ]);
    const met = buildUnitView({ unit: school, statuses: [status(REQ, { status: 'compliant_late', failing: 0, rate: 0, failingCodes: [] })], state, claims: [], findings: [], history: [], catalog });
    expect(met.requirements[0]?.progress).toBeUndefined();
  });

  it('says what each failing record’s explanation covers, from the explanations of the requirement’s entity', () => {
    expect(view.requirements[0]?.failingRecords.slice(0, 3)).toEqual([
      { code: 'HS0001', explanation: { cause: true, remedy: false, expectedDate: '2023-06-30' } },
      { code: 'HS0002', explanation: { cause: true, remedy: true } },
      { code: 'HS0003' },
    ]);
    expect(view.requirements[1]?.failingRecords).toEqual([{ code: 'HS0001', explanation: { cause: false, remedy: true } }]);
    expect(view.requirements[1]?.more).toBe(0);
  });

  it('breaks students and staff down by class in natural order', () => {
    expect(view.byClass.map((c) => [c.entity, c.className, c.unverified])).toEqual([
      ['students', '10A1', 5],
      ['students', '10A2', 3],
      ['students', '10A10', 0],
      ['staff', 'Tổ Toán', 1],
    ]);
  });

  it('lists the status changes newest first, the same instant in catalog order, with each requirement’s title', () => {
    expect(view.history).toEqual([
      { at: run('2023-06-09'), requirement: REQ, title: requirementWith().title, from: 'due_soon', to: 'overdue' },
      { at: run('2023-06-05'), requirement: 'retired/requirement', title: 'retired/requirement', from: 'pending', to: 'compliant' },
      { at: run('2023-06-01'), requirement: REQ, title: requirementWith().title, to: 'pending' },
      { at: run('2023-06-01'), requirement: STAFF_REQ, title: 'Nhân sự', to: 'pending' },
    ]);
    expect(view.historyTotal).toBe(4);
  });

  it('shows the latest changes only when there are more than a page holds, and counts them all', () => {
    const history: StatusChange[] = Array.from({ length: HISTORY_SHOWN + 5 }, (_, i) => ({ unit: 'THPT1', requirement: REQ, to: i % 2 ? 'overdue' : 'pending', at: i * 86_400_000 }));
    const long = buildUnitView({ unit: school, statuses: [], state, claims: [], findings: [], history, catalog });
    expect(long.history).toHaveLength(HISTORY_SHOWN);
    expect(long.history[0]?.at).toBe((HISTORY_SHOWN + 4) * 86_400_000);
    expect(long.historyTotal).toBe(HISTORY_SHOWN + 5);
  });

  it('shows the emails that went out, newest first, and the run’s findings', () => {
    expect(view.emails.map((e) => e.stage)).toEqual(['escalation-1', 'reminder-1']);
    expect(view.findings).toEqual([{ kind: 'missing_email', unit: 'THPT1', field: 'officer_email' }]);
  });
});
