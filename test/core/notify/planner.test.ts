import { describe, expect, it } from 'vitest';
import { parseDispatch } from '../../../functions/core/catalog/load.ts';
import { notificationKey, notificationKeyString } from '../../../functions/core/notify/notification-key.ts';
import type { EscalationMessage, ReminderMessage } from '../../../functions/core/notify/types.ts';
import { DEADLINE, MemoryLog, REQ, at, catalogWith, days, office, plan, registryOf, requirementWith, result, run, school } from './province.ts';

const catalog = catalogWith(requirementWith());

describe('escalation grouping', () => {
  const registry = registryOf(
    office('PGD1'),
    office('PGD2'),
    school('A1', 'PGD1'),
    school('A2', 'PGD1'),
    school('A3', 'PGD1'),
    school('B1', 'PGD2'),
    school('B2', 'PGD2'),
    school('C1', 'SGD'),
  );
  const units = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1'];

  it('sends one email per district office listing all its overdue schools, and one to the department for its own', () => {
    const asOf = run('2023-06-09');
    const results = units.map((u) => result(u, u !== 'A3', asOf));
    const escalations = plan({ catalog, registry, results, department: 'SGD', asOf }).messages as EscalationMessage[];
    expect(escalations.map((m) => [m.kind, m.stage, m.unit, m.to, m.overdue.map((r) => r.unit)])).toEqual([
      ['escalation', 'escalation-1', 'PGD1', ['tp.pgd1@hp.edu.vn'], ['A1', 'A2']],
      ['escalation', 'escalation-1', 'PGD2', ['tp.pgd2@hp.edu.vn'], ['B1', 'B2']],
      ['escalation', 'escalation-1', 'SGD', ['giamdoc@hp.edu.vn'], ['C1']],
    ]);
    const pgd1 = escalations[0];
    expect(pgd1?.overdue[0]).toMatchObject({ unit: 'A1', unitName: 'Trường A1', total: 284, failing: 13, rate: 4.58, daysOverdue: 1, deadline: DEADLINE });
    expect(pgd1?.keys.map(notificationKeyString)).toEqual([
      `A1#${REQ}#escalation-1#tp.pgd1@hp.edu.vn`,
      `A2#${REQ}#escalation-1#tp.pgd1@hp.edu.vn`,
    ]);
  });

  it("sends the department's escalation as one email for every unit still behind", () => {
    const asOf = run('2023-06-12');
    const results = units.map((u) => result(u, true, asOf));
    const messages = plan({ catalog, registry, results, department: 'SGD', asOf, missedStages: 'assume_sent' }).messages.filter((m) => m.kind === 'escalation');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ stage: 'escalation-2', unit: 'SGD', to: ['giamdoc@hp.edu.vn'] });
    expect((messages[0] as EscalationMessage).overdue.map((r) => r.unit)).toEqual(units);
  });
});

describe('weekly digest', () => {
  const registry = registryOf(office('PGD1'), school('A1', 'PGD1'), school('A2', 'PGD1', { levels: ['TH'] }));

  it('goes out on Mondays only, to the department head and officer, once', () => {
    const log = new MemoryLog();
    const sentOn: string[] = [];
    for (const day of days('2023-06-01', 14)) {
      const asOf = run(day);
      const p = plan({ catalog, registry, results: [result('A1', true, asOf), result('A2', false, asOf)], department: 'SGD', asOf, alreadySent: log.alreadySent });
      log.record(p);
      for (const m of p.messages) if (m.kind === 'digest') sentOn.push(`${day} ${m.stage} ${m.to.join(',')}`);
    }
    expect(sentOn).toEqual([
      '2023-06-05 digest-2023-06-05 giamdoc@hp.edu.vn,csdl@hp.edu.vn',
      '2023-06-12 digest-2023-06-12 giamdoc@hp.edu.vn,csdl@hp.edu.vn',
    ]);
  });

  it('gives the province by level and the units furthest behind', () => {
    const asOf = run('2023-06-12');
    const p = plan({ catalog, registry, results: [result('A1', true, asOf), result('A2', false, asOf)], department: 'SGD', asOf });
    const digest = p.messages.find((m) => m.kind === 'digest');
    expect(digest).toMatchObject({ kind: 'digest', unit: 'SGD', requirement: '*', cc: [] });
    if (digest?.kind !== 'digest') throw new Error('no digest');
    expect(digest.sections).toHaveLength(1);
    expect(digest.sections[0]).toMatchObject({ units: 2, total: 568, failing: 13, rate: 2.29, byStatus: { overdue: 1, compliant: 1 } });
    expect(digest.sections[0]?.byLevel).toEqual([
      { level: 'TH', units: 1, overdueUnits: 0, total: 284, failing: 0, rate: 0 },
      { level: 'THCS', units: 1, overdueUnits: 1, total: 284, failing: 13, rate: 4.58 },
    ]);
    expect(digest.furthestBehind.map((r) => [r.unit, r.status])).toEqual([['A1', 'overdue']]);
  });
});

describe('missing addresses', () => {
  it("sends a school's reminder to its district office and reports the school", () => {
    const registry = registryOf(office('PGD1'), school('NOMAIL', 'PGD1', { headEmail: undefined, officerEmail: undefined }));
    const asOf = run('2023-06-01');
    const p = plan({ catalog, registry, results: [result('NOMAIL', true, asOf)], department: 'SGD', asOf });
    const reminder = p.messages[0] as ReminderMessage;
    expect(reminder).toMatchObject({ kind: 'reminder', unit: 'NOMAIL', to: ['cb.pgd1@hp.edu.vn', 'tp.pgd1@hp.edu.vn'], redirectedTo: 'PGD1' });
    expect(reminder.keys.map((k) => k.unit)).toEqual(['NOMAIL', 'NOMAIL']);
    expect(p.findings).toEqual([
      { kind: 'missing_email', unit: 'NOMAIL', field: 'officer_email' },
      { kind: 'missing_email', unit: 'NOMAIL', field: 'head_email' },
    ]);
  });

  it('sends to the address that exists when only one is missing, and reports the other', () => {
    const registry = registryOf(office('PGD1'), school('HALF', 'PGD1', { officerEmail: undefined }));
    const asOf = run('2023-06-01');
    const p = plan({ catalog, registry, results: [result('HALF', true, asOf)], department: 'SGD', asOf });
    expect(p.messages[0]).toMatchObject({ to: ['ht.half@hp.edu.vn'] });
    expect(p.messages[0]).not.toHaveProperty('redirectedTo');
    expect(p.findings).toEqual([{ kind: 'missing_email', unit: 'HALF', field: 'officer_email' }]);
  });

  it("escalates past a district office without a head's address to the department", () => {
    const registry = registryOf(office('PGD1', { headEmail: undefined }), school('A1', 'PGD1'));
    const asOf = run('2023-06-09');
    const p = plan({ catalog, registry, results: [result('A1', true, asOf)], department: 'SGD', asOf });
    expect(p.messages).toHaveLength(1);
    expect(p.messages[0]).toMatchObject({ stage: 'escalation-1', unit: 'PGD1', to: ['giamdoc@hp.edu.vn'], redirectedTo: 'SGD' });
    expect(p.findings).toEqual([{ kind: 'missing_email', unit: 'PGD1', field: 'head_email' }]);
  });

  it('reports a unit missing from the registry and still reaches the department', () => {
    const asOf = run('2023-06-01');
    const p = plan({ catalog, registry: registryOf(), results: [result('GHOST', true, asOf)], department: 'SGD', asOf });
    expect(p.messages[0]).toMatchObject({ unit: 'GHOST', to: ['csdl@hp.edu.vn', 'giamdoc@hp.edu.vn'], redirectedTo: 'SGD' });
    expect(p.findings).toEqual([{ kind: 'not_in_registry', unit: 'GHOST' }]);
  });

  it('reports a message nobody can receive', () => {
    const asOf = run('2023-06-01');
    const registry = new Map([['A1', school('A1', 'SGD', { headEmail: undefined, officerEmail: undefined })]]);
    const p = plan({ catalog, registry, results: [result('A1', true, asOf)], department: 'SGD', asOf });
    expect(p.messages).toEqual([]);
    expect(p.findings).toContainEqual({ kind: 'no_recipient', unit: 'A1', requirement: REQ, stage: 'reminder-7' });
  });
});

describe('quiet days', () => {
  // 17h00 Monday 12/6/2023: reminder-1 falls on Sunday 11/6, escalation-1 on Tuesday 13/6.
  const deadline = at('2023-06-12T17:00:00+07:00');
  const requirement = { ...requirementWith({ quiet_weekdays: [7], quiet_dates: ['2023-06-13'] }), deadlines: [{ at: deadline }] };
  const quietCatalog = catalogWith(requirement);
  const registry = registryOf(office('PGD1'), school('A1', 'PGD1'));

  function walk(from: string, count: number): string[] {
    const log = new MemoryLog();
    const out: string[] = [];
    for (const day of days(from, count)) {
      const asOf = run(day);
      const p = plan({ catalog: quietCatalog, registry, results: [result('A1', true, asOf, { deadline })], department: 'SGD', asOf, alreadySent: log.alreadySent });
      log.record(p);
      for (const m of p.messages) if (m.kind !== 'digest') out.push(`${day} ${m.stage}`);
    }
    return out;
  }

  it('moves a reminder to the previous working day and an escalation to the next', () => {
    expect(walk('2023-06-09', 6)).toEqual(['2023-06-09 reminder-3', '2023-06-10 reminder-1', '2023-06-12 reminder-0', '2023-06-14 escalation-1']);
  });
});

describe('policy from the catalog', () => {
  const yaml = `
id: thu-nghiem
issuer: Sở GDĐT Hải Phòng
number: "12/SGDĐT-VP"
date: "03/2025"
title: Công văn thử nghiệm
policy:
  reminder_days: [5, 0]
  department_escalation_days: 1
  cc: [phong.gdtx@hp.edu.vn]
requirements:
  - id: hoc-sinh
    title: Học sinh được xác thực
    source: "§1"
    rule: { kind: identity_verification, entity: students }
    deadlines:
      - at: trước 17h00 ngày 08/6/2023
  - id: khong-bao-cap-tren
    title: Không báo cấp trên
    source: "§2"
    rule: { kind: identity_verification, entity: staff }
    deadlines:
      - at: trước 17h00 ngày 08/6/2023
    policy:
      escalate: false
`;
  const overridden = { dispatches: [parseDispatch(yaml, 'thu-nghiem.yaml')] };
  const registry = registryOf(office('PGD1'), school('A1', 'PGD1'));

  it("uses the dispatch's reminder days, cc and department delay, and a requirement's own override", () => {
    const log = new MemoryLog();
    const out: string[] = [];
    for (const day of days('2023-05-29', 16)) {
      const asOf = run(day);
      const results = ['thu-nghiem/hoc-sinh', 'thu-nghiem/khong-bao-cap-tren'].map((requirement) => result('A1', true, asOf, { requirement }));
      const p = plan({ catalog: overridden, registry, results, department: 'SGD', asOf, alreadySent: log.alreadySent });
      log.record(p);
      for (const m of p.messages) if (m.kind !== 'digest') out.push(`${day} ${m.stage} ${m.requirement.split('/')[1]} cc=${m.cc.join(',')}`);
    }
    expect(out).toEqual([
      '2023-06-03 reminder-5 hoc-sinh cc=phong.gdtx@hp.edu.vn',
      '2023-06-03 reminder-5 khong-bao-cap-tren cc=phong.gdtx@hp.edu.vn',
      '2023-06-08 reminder-0 hoc-sinh cc=phong.gdtx@hp.edu.vn',
      '2023-06-08 reminder-0 khong-bao-cap-tren cc=phong.gdtx@hp.edu.vn',
      '2023-06-09 escalation-1 hoc-sinh cc=phong.gdtx@hp.edu.vn',
      '2023-06-10 escalation-2 hoc-sinh cc=phong.gdtx@hp.edu.vn',
    ]);
  });

  it('tells the supervising office and the department on the same day when the delay is 0', () => {
    const sameDay = { dispatches: [parseDispatch(yaml.replace('department_escalation_days: 1', 'department_escalation_days: 0'), 'x.yaml')] };
    const asOf = run('2023-06-09');
    const p = plan({ catalog: sameDay, registry, results: [result('A1', true, asOf, { requirement: 'thu-nghiem/hoc-sinh' })], department: 'SGD', asOf });
    expect(p.messages.map((m) => `${m.stage} ${m.to.join(',')}`)).toEqual(['escalation-1 tp.pgd1@hp.edu.vn', 'escalation-2 giamdoc@hp.edu.vn']);
  });
});

describe('deadline days', () => {
  const registry = registryOf(office('PGD1'), school('A1', 'PGD1'));

  it('treats "trước ngày 10/02/2024" (00:00) as due by the 9th: reminder-0 on the 9th, escalation on the 10th', () => {
    const deadline = at('2024-02-10T00:00:00+07:00');
    const c = catalogWith({ ...requirementWith(), deadlines: [{ at: deadline }] });
    const stageOn = (day: string) =>
      plan({ catalog: c, registry, results: [result('A1', true, run(day), { deadline })], department: 'SGD', asOf: run(day), missedStages: 'assume_sent' })
        .messages.filter((m) => m.kind !== 'digest')
        .map((m) => m.stage);
    expect(stageOn('2024-02-09')).toEqual(['reminder-0']);
    expect(stageOn('2024-02-10')).toEqual(['escalation-1']);
    expect(stageOn('2024-02-02')).toEqual(['reminder-7']);
  });

  it('never reminds the department of its own requirements', () => {
    const asOf = run('2023-06-01');
    expect(plan({ catalog, registry, results: [result('SGD', true, asOf)], department: 'SGD', asOf }).messages).toEqual([]);
  });

  it('sends nothing to a unit that is done or has no deadline', () => {
    const asOf = run('2023-06-01');
    const { deadline: _omit, ...standing } = result('A1', true, asOf);
    const p = plan({ catalog, registry, results: [result('A1', false, asOf), { ...standing, status: 'non_compliant' }], department: 'SGD', asOf });
    expect(p.messages).toEqual([]);
  });
});

describe('log keys', () => {
  it('are stable and compare addresses case-insensitively', () => {
    const key = notificationKey('A1', REQ, 'reminder-7', ' HT.A1@HP.edu.vn ');
    expect(key).toEqual({ unit: 'A1', requirement: REQ, stage: 'reminder-7', recipient: 'ht.a1@hp.edu.vn' });
    expect(notificationKeyString(key)).toBe(`A1#${REQ}#reminder-7#ht.a1@hp.edu.vn`);
  });
});

describe('time-zone independence', () => {
  it('plans the same messages whatever zone the machine is in', () => {
    const registry = registryOf(office('PGD1'), school('A1', 'PGD1'));
    const original = process.env.TZ;
    const plans = ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((tz) => {
      process.env.TZ = tz;
      // 00:30 Vietnam time is still the previous day in UTC and the Americas.
      const asOf = at('2023-06-05T00:30:00+07:00');
      return JSON.stringify(plan({ catalog, registry, results: [result('A1', true, asOf)], department: 'SGD', asOf }));
    });
    process.env.TZ = original;
    expect(new Set(plans).size).toBe(1);
    expect(JSON.parse(plans[0] ?? '{}')).toMatchObject({ runDay: '2023-06-05', messages: [{ stage: 'reminder-3' }, { kind: 'digest' }] });
  });
});
