import { describe, expect, it } from 'vitest';
import { buildOverdue } from '../../../functions/core/dashboard/overdue.ts';
import type { NotificationRecord } from '../../../functions/core/ports/notification-log.ts';
import type { StoredStatus } from '../../../functions/core/ports/state-store.ts';
import { unit } from '../evaluation/builders.ts';
import { at, catalogWith, DEADLINE, REQ, requirementWith, run } from '../notify/province.ts';

const status = (code: string, over: Partial<StoredStatus> = {}): StoredStatus => ({
  unit: code,
  requirement: REQ,
  dispatch: 'hp-2023-quy-trinh-ra-soat',
  status: 'overdue',
  deadline: DEADLINE,
  total: 200,
  failing: 20,
  rate: 10,
  failingCodes: ['HS1'],
  evaluatedAt: run('2023-06-09'),
  ...over,
});

const claim = (code: string, stage: string, sent = true): NotificationRecord => ({
  unit: code,
  requirement: REQ,
  stage,
  recipient: 'hieutruong@example.edu.vn',
  day: '2023-06-09',
  subject: 's',
  claimedAt: run('2023-06-09'),
  ...(sent ? { sentAt: run('2023-06-09') } : {}),
});

const units = new Map(['A', 'B', 'C', 'D'].map((code) => [code, unit(code, { parentCode: 'PGD1' })]));
const catalog = catalogWith(requirementWith());

describe('buildOverdue', () => {
  it('counts Vietnam calendar days after the last day the unit could act, whatever the machine’s zone', () => {
    const rows = buildOverdue({
      catalog,
      units,
      statuses: [
        status('A'),
        /* "trước ngày 15/6": the last day to act is the 14th, so the 15th is one day late */
        status('B', { deadline: at('2023-06-15T00:00:00+07:00') }),
        /* 23:30 on the 8th in Vietnam is still the 8th */
        status('C', { deadline: at('2023-06-08T23:30:00+07:00') }),
      ],
      claims: new Map(),
      asOf: at('2023-06-15T00:30:00+07:00'),
    });
    expect(Object.fromEntries(rows.map((r) => [r.unit, r.daysOverdue]))).toEqual({ A: 7, B: 1, C: 7 });
  });

  it('gives the stage reached from emails that went out, in-flight claims not counted', () => {
    const rows = buildOverdue({
      catalog,
      units,
      statuses: [status('A'), status('B'), status('C'), status('D')],
      claims: new Map([
        ['A', [claim('A', 'reminder-1'), claim('A', 'escalation-2'), claim('A', 'escalation-1')]],
        ['B', [claim('B', 'reminder-0'), claim('B', 'escalation-1', false)]],
        ['C', [claim('C', 'escalation-1'), { ...claim('C', 'escalation-2'), requirement: 'other/req' }]],
      ]),
      asOf: run('2023-06-12'),
    });
    expect(Object.fromEntries(rows.map((r) => [r.unit, r.reached]))).toEqual({ A: 'department', B: 'reminders', C: 'office', D: 'none' });
  });

  it('lists only overdue statuses of the given units, furthest behind first, with the unit’s name and office', () => {
    const rows = buildOverdue({
      catalog,
      units: new Map([...units].filter(([code]) => code !== 'D')),
      statuses: [status('A', { rate: 5 }), status('B', { deadline: run('2023-06-01'), rate: 1 }), status('C', { status: 'compliant' }), status('D')],
      claims: new Map(),
      asOf: run('2023-06-12'),
    });
    expect(rows.map((r) => r.unit)).toEqual(['B', 'A']);
    expect(rows[1]).toEqual({
      unit: 'A',
      unitName: 'Trường A',
      office: 'PGD1',
      requirement: REQ,
      requirementTitle: '100% học sinh được xác thực định danh cá nhân với CSDLQG về dân cư',
      dispatch: 'hp-2023-quy-trinh-ra-soat',
      deadline: DEADLINE,
      daysOverdue: 4,
      total: 200,
      failing: 20,
      rate: 5,
      reached: 'none',
    });
  });
});
