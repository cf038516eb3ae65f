import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotAccumulator } from '../../../functions/core/evaluation/accumulator.ts';
import type { UnitEntitySummary } from '../../../functions/core/evaluation/types.ts';
import type { EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { bufferInput, openSnapshot } from '../../../functions/core/snapshot/open-snapshot.ts';
import { profile, report, requirement, staff, student, summarise, unit, vn } from './builders.ts';

const AS_OF = vn('2023-06-23T11:30');
const DAY = 86_400_000;

function find(summaries: UnitEntitySummary[], unitCode: string, entity: string): UnitEntitySummary {
  const s = summaries.find((x) => x.unit === unitCode && x.entity === entity);
  if (!s) throw new Error(`no summary for ${unitCode}/${entity}`);
  return s;
}

describe('SnapshotAccumulator: per unit × entity summaries', () => {
  it('counts active records by level and class, lists unverified codes, keeps the latest update', () => {
    const summaries = summarise([], AS_OF, [
      student('A', 'HS1', { level: 'TH', className: '1A', updatedAt: vn('2023-06-01') }),
      student('A', 'HS2', { level: 'TH', className: '1A', idVerification: 'unverified', updatedAt: vn('2023-06-05') }),
      student('A', 'HS3', { level: 'THCS', className: '6A', idVerification: 'mismatch', status: 'repeating' }),
      student('A', 'HS4', { className: '6A', idVerification: 'unverified', status: 'dropped_out', updatedAt: vn('2023-06-10') }),
      student('A', 'HS5', { idVerification: 'unverified' }),
      student('B', 'HS1', { level: 'THPT' }),
    ]);
    const a = find(summaries, 'A', 'students');
    expect(a.rows).toBe(5);
    expect(a.asOf).toBe(AS_OF);
    expect(a.source).toBe('test');
    expect(a.byLevel).toEqual({ TH: { total: 2, unverified: 1 }, THCS: { total: 1, unverified: 1 }, '?': { total: 1, unverified: 1 } });
    expect(a.byClass).toEqual({ '1A': { total: 2, unverified: 1 }, '6A': { total: 1, unverified: 1 }, '?': { total: 1, unverified: 1 } });
    expect(a.unverifiedCodes).toEqual(['HS2', 'HS3', 'HS5']);
    expect(a.maxUpdatedAt).toBe(vn('2023-06-10'));
    expect(find(summaries, 'B', 'students').byLevel).toEqual({ THPT: { total: 1, unverified: 0 } });
    expect(summaries).toHaveLength(2);
  });

  it('tallies levels and classes as a plain count does, in whatever order the rows come', () => {
    const row = fc.record({
      unit: fc.constantFrom('A', 'B', 'C'),
      level: fc.constantFrom('TH', 'THCS', undefined),
      className: fc.constantFrom('1A', '1B', '6A', undefined),
      idVerification: fc.constantFrom('verified', 'unverified'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const summaries = summarise(
          [],
          AS_OF,
          rows.map((r, i) => student(r.unit, `HS${i}`, { level: r.level, className: r.className, idVerification: r.idVerification })),
        );
        for (const unit of new Set(rows.map((r) => r.unit))) {
          const expected = (key: (r: (typeof rows)[number]) => string) => {
            const tallies: Record<string, { total: number; unverified: number }> = {};
            for (const r of rows.filter((x) => x.unit === unit)) {
              const tally = (tallies[key(r)] ??= { total: 0, unverified: 0 });
              tally.total += 1;
              if (r.idVerification !== 'verified') tally.unverified += 1;
            }
            return tallies;
          };
          const summary = find(summaries, unit, 'students');
          expect(summary.byLevel).toEqual(expected((r) => r.level ?? '?'));
          expect(summary.byClass).toEqual(expected((r) => r.className ?? '?'));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('treats only working (or status-less) staff as active', () => {
    const [s] = summarise([], AS_OF, [
      staff('A', 'GV1', { status: 'working', idVerification: 'unverified' }),
      staff('A', 'GV2', { status: 'retired', idVerification: 'unverified' }),
      staff('A', 'GV3', { status: 'left' }),
      staff('A', 'GV4'),
    ]);
    expect(s?.rows).toBe(4);
    expect(s?.byLevel).toEqual({ '?': { total: 2, unverified: 1 } });
    expect(s?.unverifiedCodes).toEqual(['GV1']);
  });

  it('keeps units as a registry, not as summaries', () => {
    const acc = new SnapshotAccumulator([], { asOf: AS_OF });
    acc.add({ entity: 'units', record: unit('A', { unitName: 'old name' }) });
    acc.add({ entity: 'units', record: unit('A') });
    acc.add({ entity: 'units', record: unit('B') });
    expect(acc.summaries()).toEqual([]);
    expect(acc.registry().map((u) => [u.unitCode, u.unitName])).toEqual([
      ['A', 'Trường A'],
      ['B', 'Trường B'],
    ]);
  });

  it('keeps the last profile, the latest submission per period, and merges explanation rows', () => {
    const explanation = (recordCode: string, over: Record<string, string>): EntityRecord => ({
      entity: 'explanations',
      record: { unitCode: 'A', entity: 'students', recordCode, ...over },
    });
    const summaries = summarise([], AS_OF, [
      profile('A', { declaredStudents: 10 }),
      profile('A', { declaredStudents: 12, updatedAt: vn('2023-05-01') }),
      report('A', '2022-2023/dau-nam', vn('2022-10-20')),
      report('A', '2022-2023/dau-nam', vn('2022-10-24')),
      report('A', '2022-2023/dau-nam', vn('2022-10-21')),
      report('A', '2022-2023/dau-nam'),
      report('A', '2022-2023/cuoi-nam'),
      explanation('HS1', { cause: 'Sai ngày sinh' }),
      explanation('HS1', { remedy: 'Liên hệ công an', expectedDate: '2023-07-01' }),
      explanation('HS2', { cause: '  ', remedy: 'x' }),
    ]);
    expect(find(summaries, 'A', 'profiles').profile).toEqual({ unitCode: 'A', declaredStudents: 12, updatedAt: vn('2023-05-01') });
    expect(find(summaries, 'A', 'profiles').maxUpdatedAt).toBe(vn('2023-05-01'));
    expect(find(summaries, 'A', 'reports').reports).toEqual({
      '2022-2023/dau-nam': { submittedAt: vn('2022-10-24') },
      '2022-2023/cuoi-nam': {},
    });
    expect(find(summaries, 'A', 'explanations').explanations).toEqual({
      students: {
        HS1: { cause: true, remedy: true, expectedDate: '2023-07-01' },
        HS2: { cause: false, remedy: true },
      },
    });
  });

  it('never keeps a national-ID hash, a name flag or anything but codes in its summaries', () => {
    const req = requirement('dup', { kind: 'duplicates', entity: 'students', keys: ['national_id', 'record_code'] });
    const hash = 4_503_599_627_370_449;
    const summaries = summarise([req], AS_OF, [
      student('A', 'HS1', { nationalIdHash: hash }),
      student('B', 'HS9', { nationalIdHash: hash, idVerification: 'unverified' }),
      staff('A', 'GV1', { nationalIdHash: hash + 2 }),
    ]);
    const json = JSON.stringify(summaries);
    expect(json).not.toContain(String(hash));
    expect(json).not.toContain(String(hash + 2));
    expect(json).not.toMatch(/nationalId|hasFullName|fullName/);
    expect(find(summaries, 'B', 'students').tallies[req.id]?.failingCodes).toEqual(['HS9']);
  });
});

describe('SnapshotAccumulator: record-level tallies', () => {
  it('gives every rule on the entity a tally, even when nothing is counted, and none to other entities', () => {
    const idStaff = requirement('id-staff', { kind: 'identity_verification', entity: 'staff' });
    const idStudents = requirement('id-students', { kind: 'identity_verification', entity: 'students' });
    const freshness = requirement('fresh', { kind: 'freshness', entity: 'students', max_age_days: 7 });
    const [s] = summarise([idStaff, idStudents, freshness], AS_OF, [student('A', 'HS1', { status: 'graduated' })]);
    expect(s?.tallies).toEqual({ [idStudents.id]: { total: 0, failing: 0, warning: 0, failingCodes: [], warningCodes: [] } });
  });

  it('judges a rule two dispatches both state once, each requirement getting the same tally in lists of its own', () => {
    const rule = { kind: 'identity_verification', entity: 'students', threshold: 100 };
    const first = requirement('id', rule, { dispatch: 'cv-a' });
    const second = requirement('id', rule, { dispatch: 'cv-b' });
    const other = requirement('id', { ...rule, threshold: 95 }, { dispatch: 'cv-c' });
    const [s] = summarise([first, second, other], AS_OF, [student('A', 'HS1'), student('A', 'HS2', { idVerification: 'unverified' })]);
    const expected = { total: 2, failing: 1, warning: 0, failingCodes: ['HS2'], warningCodes: [] };
    expect(s?.tallies).toEqual({ [first.id]: expected, [second.id]: expected, [other.id]: expected });
    expect(s?.tallies[first.id]?.failingCodes).not.toBe(s?.tallies[second.id]?.failingCodes);
  });

  it('identity_verification: active records, failing when not verified, lastAt over counted records', () => {
    const req = requirement('id', { kind: 'identity_verification', entity: 'students' });
    const [s] = summarise([req], AS_OF, [
      student('A', 'HS1', { updatedAt: vn('2023-06-01') }),
      student('A', 'HS2', { idVerification: 'mismatch', updatedAt: vn('2023-06-02') }),
      student('A', 'HS3', { idVerification: 'unverified', status: 'transferred_out', updatedAt: vn('2023-06-20') }),
    ]);
    expect(s?.tallies[req.id]).toEqual({
      total: 2,
      failing: 1,
      warning: 0,
      failingCodes: ['HS2'],
      warningCodes: [],
      lastAt: vn('2023-06-02'),
    });
  });

  it('required_fields: absent fields fail; false is a declared value; personal fields read their presence flag', () => {
    const staffReq = requirement('rf-staff', {
      kind: 'required_fields',
      entity: 'staff',
      fields: ['birth_date', 'qualification', 'pedagogy_certificate', 'national_id'],
    });
    const profileReq = requirement('rf-profile', { kind: 'required_fields', entity: 'profiles', fields: ['internet', 'clean_water'] });
    const complete = { birthDate: '1980', qualification: 'Đại học', pedagogyCertificate: false };
    const summaries = summarise([staffReq, profileReq], AS_OF, [
      staff('A', 'GV1', complete),
      staff('A', 'GV2', { ...complete, qualification: ' ' }),
      staff('A', 'GV3', { ...complete, hasNationalId: false }),
      staff('A', 'GV4', { birthDate: '1990', qualification: 'ThS' }),
      staff('A', 'GV5', { status: 'retired' }),
      profile('A', { internet: false, cleanWater: true }),
      profile('B', { internet: true }),
    ]);
    const staffTally = find(summaries, 'A', 'staff').tallies[staffReq.id];
    expect([staffTally?.total, staffTally?.failing, staffTally?.failingCodes]).toEqual([4, 3, ['GV2', 'GV3', 'GV4']]);
    expect(find(summaries, 'A', 'profiles').tallies[profileReq.id]?.failing).toBe(0);
    expect(find(summaries, 'B', 'profiles').tallies[profileReq.id]?.failingCodes).toEqual(['B']);
  });

  it('update_window: ≤ 3 days fine, up to 5 days a warning, beyond a violation, counted from 00:00 VN of the effective day', () => {
    const req = requirement('uw', { kind: 'update_window', entity: 'students', effective_field: 'status_effective_date', since: '2024-01-01' });
    const day = '2024-02-01';
    const start = vn(`${day}T00:00`);
    const changed = (code: string, updatedAt: number | undefined, effective = day) =>
      student('A', code, { status: 'dropped_out', statusEffectiveDate: effective, ...(updatedAt === undefined ? {} : { updatedAt }) });
    const [s] = summarise([req], AS_OF, [
      changed('same-day', start + 10 * 3_600_000),
      changed('before', start - DAY),
      changed('3d', start + 3 * DAY),
      changed('3d+1ms', start + 3 * DAY + 1),
      changed('5d', start + 5 * DAY),
      changed('5d+1ms', start + 5 * DAY + 1),
      changed('9d', start + 9 * DAY),
      changed('no-update', undefined),
      changed('before-since', vn('2024-01-30'), '2023-12-20'),
      student('A', 'no-effective-date', { updatedAt: start }),
    ]);
    const tally = s?.tallies[req.id];
    expect(tally?.total).toBe(7);
    expect(tally?.warningCodes).toEqual(['3d+1ms', '5d']);
    expect(tally?.failingCodes).toEqual(['5d+1ms', '9d']);
    expect(tally?.lastAt).toBe(start + 9 * DAY);
  });

  it('update_window reads a profile change date', () => {
    const req = requirement('uw-p', { kind: 'update_window', entity: 'profiles', effective_field: 'change_effective_date' });
    const [s] = summarise([req], AS_OF, [profile('A', { changeEffectiveDate: '2024-02-01', updatedAt: vn('2024-02-07T08:00') })]);
    expect(s?.tallies[req.id]?.failingCodes).toEqual(['A']);
  });

  it('self_review: active staff whose confirmation is missing or predates the campaign fail', () => {
    const req = requirement('sr', { kind: 'self_review', since: '2023-06-01' });
    const [s] = summarise([req], AS_OF, [
      staff('A', 'GV1', { reviewedAt: vn('2023-06-01T00:00') }),
      staff('A', 'GV2', { reviewedAt: vn('2023-05-31T23:59:59') }),
      staff('A', 'GV3'),
      staff('A', 'GV4', { status: 'left' }),
    ]);
    expect(s?.tallies[req.id]).toMatchObject({ total: 3, failing: 2, failingCodes: ['GV2', 'GV3'], lastAt: vn('2023-06-01T00:00') });
  });

  it('school_year_rollover: active records not yet in the new school year fail', () => {
    const req = requirement('roll', { kind: 'school_year_rollover', entity: 'students', school_year: '2024-2025' });
    const [s] = summarise([req], AS_OF, [
      student('A', 'HS1', { schoolYear: '2024-2025' }),
      student('A', 'HS2', { schoolYear: '2023-2024' }),
      student('A', 'HS3'),
      student('A', 'HS4', { schoolYear: '2023-2024', status: 'graduated' }),
    ]);
    expect(s?.tallies[req.id]).toMatchObject({ total: 3, failing: 2, failingCodes: ['HS2', 'HS3'] });
  });

  it('duplicates: the same person anywhere in the snapshot, a code the reader marked as repeated within its unit', () => {
    const byId = requirement('dup-id', { kind: 'duplicates', entity: 'students', keys: ['national_id'] });
    const byCode = requirement('dup-code', { kind: 'duplicates', entity: 'students', keys: ['record_code'] });
    const summaries = summarise([byId, byCode], AS_OF, [
      student('A', 'HS1', { nationalIdHash: 111 }),
      student('A', 'HS2', { nationalIdHash: 222 }),
      student('B', 'HS1', { nationalIdHash: 111 }),
      student('A', 'HS2', { nationalIdHash: 333, status: 'transferred_out', repeatsCode: true }),
      student('B', 'HS7'),
      student('B', 'HS8'),
    ]);
    const a = find(summaries, 'A', 'students').tallies;
    const b = find(summaries, 'B', 'students').tallies;
    expect([a[byId.id]?.total, a[byId.id]?.failingCodes, b[byId.id]?.failingCodes]).toEqual([3, [], ['HS1']]);
    expect([a[byCode.id]?.failingCodes, b[byCode.id]?.total, b[byCode.id]?.failingCodes]).toEqual([['HS2'], 3, []]);
  });

  it('reference_set: judges records in the named district however it is spelled, compares values in NFC', () => {
    const req = requirement('vy', {
      kind: 'reference_set',
      when: { field: 'district', contains: ['Việt Yên'] },
      expect: [{ field: 'ward', one_of: ['Phường Bích Động', 'Phường Nếnh'] }],
      effective_from: '2024-02-01',
    });
    const summaries = summarise([req], AS_OF, [
      profile('P1', { district: 'Viet Yen', ward: 'Phường Bích Động'.normalize('NFD') }),
      profile('P2', { district: 'THỊ XÃ VIỆT YÊN'.normalize('NFD'), ward: 'Xã Bích Sơn' }),
      profile('P3', { district: 'Huyện Việt Yên', ward: ' phường nếnh ' }),
      profile('P4', { district: 'Việt Yên' }),
      profile('P5', { district: 'Hiệp Hòa', ward: 'Xã Bích Sơn' }),
      profile('P6', { district: 'Việt Yên', ward: 'Xã Bích Sơn', changeEffectiveDate: '2024-01-31' }),
      profile('P7', { district: 'Việt Yên', ward: 'Xã Bích Sơn', changeEffectiveDate: '2024-02-01' }),
    ]);
    const tally = (code: string) => summaries.find((s) => s.unit === code)?.tallies[req.id];
    expect(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'].map((c) => [tally(c)?.total, tally(c)?.failing])).toEqual([
      [1, 0],
      [1, 1],
      [1, 0],
      [1, 1],
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('SnapshotAccumulator: fed by the reader', () => {
  async function folded(requirements: Parameters<typeof summarise>[0], csv: string): Promise<SnapshotAccumulator> {
    const opened = await openSnapshot(bufferInput('students.csv', csv));
    const acc = new SnapshotAccumulator(requirements, { asOf: AS_OF });
    for await (const batch of opened.batches()) for (const rec of batch) acc.add(rec);
    return acc;
  }

  it('fails a code repeated within its unit, not one shared by two units, and the same person listed twice', async () => {
    const dup = requirement('dup', { kind: 'duplicates', entity: 'students', keys: ['national_id', 'record_code'] });
    const acc = await folded(
      [dup],
      [
        'unit_code,student_code,national_id,id_verification',
        'T1,HS1,001200000001,verified',
        'T2,HS1,001200000002,verified',
        'T1,HS1,001200000003,verified',
        'T2,HS9,001200000001,verified',
      ].join('\n'),
    );
    const failing = Object.fromEntries(acc.summaries().map((s) => [s.unit, s.tallies[dup.id]?.failingCodes]));
    expect(failing).toEqual({ T1: ['HS1'], T2: ['HS9'] });
  });

  it('counts a school year written with a dash or a short end year as rolled over', async () => {
    const roll = requirement('roll', { kind: 'school_year_rollover', entity: 'students', school_year: '2024-2025' });
    const csv = ['unit_code,student_code,id_verification,school_year', 'T1,HS1,verified,2024–2025', 'T1,HS2,verified,2024 - 25', 'T1,HS3,verified,2023-2024'].join('\n');
    const [summary] = (await folded([roll], csv)).summaries();
    expect(summary?.tallies[roll.id]).toMatchObject({ total: 3, failing: 1, failingCodes: ['HS3'] });
  });

  it('keeps codes packed until asked, then gives what summaries() gives', async () => {
    const id = requirement('id', { kind: 'identity_verification', entity: 'students' });
    const rows = Array.from({ length: 100 }, (_, i) => `T${i % 3},HS${i},${i % 4 === 0 ? 'verified' : 'unverified'}`);
    const csv = ['unit_code,student_code,id_verification', ...rows].join('\n');
    const packed = (await folded([id], csv)).packedSummaries();
    expect(packed.map((p) => p.summary.tallies[id.id]?.failingCodes)).toEqual([[], [], []]);
    expect(packed.map((p) => p.summary.unverifiedCodes)).toEqual([[], [], []]);
    const unpacked = packed.map((p) => p.unpack());
    expect(unpacked).toEqual((await folded([id], csv)).summaries());
    expect(unpacked.map((s) => s.tallies[id.id]?.failingCodes?.length)).toEqual([25, 25, 25]);
    expect(unpacked[0]?.unverifiedCodes?.slice(0, 3)).toEqual(['HS3', 'HS6', 'HS9']);
  });
});
