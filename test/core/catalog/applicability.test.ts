import { beforeAll, describe, expect, it } from 'vitest';
import { appliesTo, deadlineFor } from '../../../functions/core/catalog/applicability.ts';
import { loadCatalog, parseDispatch } from '../../../functions/core/catalog/load.ts';
import type { Catalog, Requirement } from '../../../functions/core/catalog/schema.ts';
import type { Level, UnitKind, UnitRecord } from '../../../functions/core/snapshot/entities.ts';
import { formatVn } from '../../../functions/core/time.ts';

function unit(unitCode: string, unitKind: UnitKind, levels: Level[], district?: string): UnitRecord {
  return { unitCode, unitName: unitCode, unitKind, levels, ...(district !== undefined && { district }) };
}

const thpt = unit('THPT001', 'school', ['THPT'], 'Quận Ngô Quyền');
const multiLevel = unit('PT-EDISON', 'school', ['TH', 'THCS', 'THPT'], 'Huyện Thủy Nguyên');
const thThcs = unit('TH-THCS-01', 'school', ['TH', 'THCS'], 'Huyện An Lão');
const mn = unit('MN-HOA-SEN', 'school', ['MN'], 'Quận Lê Chân');
const centre = unit('TT-GDNN-KT', 'centre', ['GDTX'], 'Huyện Kiến Thụy');
const centreNoLevels = unit('TT-GDTX-HP', 'centre', []);
const office = unit('PGD-LC', 'district_office', [], 'Quận Lê Chân');
const department = unit('SGD-HP', 'department', []);

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function seed(id: string): Requirement {
  const r = catalog.dispatches.flatMap((d) => d.requirements).find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
}

const deadlineOf = (r: Requirement, u: UnitRecord) => {
  const d = deadlineFor(r, u);
  return d && formatVn(d.at);
};

function requirement(yaml: string): Requirement {
  const d = parseDispatch(
    `id: thu\nissuer: Sở\nnumber: "1"\ndate: "2025"\ntitle: Thử\nrequirements:\n  - id: r\n    title: R\n    source: "§1"\n    rule: { kind: identity_verification, entity: students }\n${yaml}`,
    'thu.yaml',
  );
  return d.requirements[0]!;
}

describe('appliesTo', () => {
  it('applies a requirement without filters to every unit', () => {
    const r = requirement('');
    for (const u of [thpt, office, department, centreNoLevels]) expect(appliesTo(r, u)).toBe(true);
  });

  it('matches unit kinds, and levels by intersection with the unit\'s levels', () => {
    const r = requirement('    applies_to: { unit_kinds: [school, centre], levels: [THPT, GDTX] }');
    expect([thpt, multiLevel, centre].map((u) => appliesTo(r, u))).toEqual([true, true, true]);
    expect([thThcs, mn, centreNoLevels, office, department].map((u) => appliesTo(r, u))).toEqual([false, false, false, false, false]);
  });

  it('matches districts by unit code, or by accent-insensitive containment in the unit\'s district', () => {
    const r = requirement('    applies_to: { districts: ["le chan", "THPT001", "Thủy Nguyên"] }');
    expect(appliesTo(r, mn)).toBe(true);
    expect(appliesTo(r, office)).toBe(true);
    expect(appliesTo(r, thpt)).toBe(true);
    expect(appliesTo(r, { ...multiLevel, district: 'HUYỆN THỦY NGUYÊN'.normalize('NFD') })).toBe(true);
    expect(appliesTo(r, thThcs)).toBe(false);
    expect(appliesTo(r, centreNoLevels)).toBe(false);
  });

  it('scopes the seed requirements to the units the dispatches address', () => {
    const officeReport = seed('hcm-2024-quy-che-du-lieu/bao-cao-ket-noi-phong-gddt');
    const schoolReport = seed('hcm-2024-quy-che-du-lieu/bao-cao-ket-noi-co-so');
    expect([office, thpt, mn].map((u) => appliesTo(officeReport, u))).toEqual([true, false, false]);
    expect([office, thpt, multiLevel, centre, mn, thThcs].map((u) => appliesTo(schoolReport, u))).toEqual([false, true, true, true, false, false]);
    const identity = seed('hp-2023-dong-bo-dan-cu/hoc-sinh-dong-bo-dan-cu');
    expect([thpt, mn, centre, office, department].map((u) => appliesTo(identity, u))).toEqual([true, true, true, false, false]);
    const online = seed('hp-2022-bao-cao-dau-nam/hoc-truc-tuyen');
    expect([thpt, thThcs, mn].map((u) => appliesTo(online, u))).toEqual([true, true, false]);
  });
});

describe('deadlineFor', () => {
  it('takes the first matching entry in YAML order; an entry without filters matches every unit', () => {
    const r = requirement(
      [
        '    deadlines:',
        '      - { at: "trước ngày 10/03/2025", levels: [THPT] }',
        '      - { at: "trước ngày 20/03/2025", levels: [TH, THCS] }',
        '      - { at: "trước ngày 30/03/2025" }',
      ].join('\n'),
    );
    expect(deadlineOf(r, multiLevel)).toBe('2025-03-10T00:00:00+07:00');
    expect(deadlineOf(r, thThcs)).toBe('2025-03-20T00:00:00+07:00');
    expect(deadlineOf(r, mn)).toBe('2025-03-30T00:00:00+07:00');
    expect(deadlineOf(r, office)).toBe('2025-03-30T00:00:00+07:00');
  });

  it('returns undefined when there is no deadline, or no entry concerns the unit', () => {
    expect(deadlineFor(requirement(''), thpt)).toBeUndefined();
    const r = requirement('    deadlines: [{ at: "trước ngày 10/03/2025", unit_kinds: [centre] }]');
    expect(deadlineFor(r, thpt)).toBeUndefined();
    expect(deadlineFor(r, centreNoLevels)?.unitKinds).toEqual(['centre']);
  });

  it('gives 001 a multi-level school with THPT the 15/6 deadline and a TH-THCS school the 8/6 one', () => {
    const r = seed('hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh');
    expect(deadlineOf(r, thpt)).toBe('2023-06-15T17:00:00+07:00');
    expect(deadlineOf(r, multiLevel)).toBe('2023-06-15T17:00:00+07:00');
    expect(deadlineOf(r, thThcs)).toBe('2023-06-08T17:00:00+07:00');
    expect(deadlineOf(r, mn)).toBe('2023-06-08T17:00:00+07:00');
    expect(deadlineOf(r, centre)).toBe('2023-06-15T17:00:00+07:00');
    expect(deadlineOf(r, centreNoLevels)).toBe('2023-06-15T17:00:00+07:00');
  });

  it('gives 003 district offices 30/10, THPT and multi-level schools and centres 25/10, other schools 30/10', () => {
    const r = seed('hp-2022-bao-cao-dau-nam/bao-cao-thong-ke-dau-nam');
    expect(deadlineOf(r, office)).toBe('2022-10-30T00:00:00+07:00');
    expect(deadlineOf(r, thpt)).toBe('2022-10-25T00:00:00+07:00');
    expect(deadlineOf(r, multiLevel)).toBe('2022-10-25T00:00:00+07:00');
    expect(deadlineOf(r, centre)).toBe('2022-10-25T00:00:00+07:00');
    expect(deadlineOf(r, centreNoLevels)).toBe('2022-10-25T00:00:00+07:00');
    expect(deadlineOf(r, thThcs)).toBe('2022-10-30T00:00:00+07:00');
    expect(deadlineOf(r, mn)).toBe('2022-10-30T00:00:00+07:00');
    expect(appliesTo(r, department)).toBe(false);
  });

  it('gives every school and centre of 004 the same 17:00 04/7/2023 deadline', () => {
    const r = seed('hp-2023-dong-bo-dan-cu/giai-trinh-nhan-su');
    for (const u of [thpt, multiLevel, thThcs, mn, centre]) expect(deadlineOf(r, u)).toBe('2023-07-04T17:00:00+07:00');
  });
});
