import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNIT_KINDS, type UnitKind } from '../../../functions/core/snapshot/entities.ts';
import { UnitHierarchy, type Placed, type RegistryLookup } from '../../../functions/core/snapshot/unit-hierarchy.ts';
import { located, readText } from './helpers.ts';

function hierarchy(rows: ReadonlyArray<[code: string, kind: UnitKind, parent?: string]>): UnitHierarchy {
  const units = new UnitHierarchy();
  rows.forEach(([code, kind, parent], i) => units.add(code, kind, parent, i + 2));
  return units;
}

describe('UnitHierarchy', () => {
  it('accepts the tree the daily run walks: offices under the department, schools and centres under either, the department under the ministry', () => {
    const units = hierarchy([
      ['BO', 'department'],
      ['SO', 'department', 'BO'],
      ['P1', 'district_office', 'SO'],
      ['T1', 'school', 'P1'],
      ['T2', 'school', 'SO'],
      ['TT', 'centre', 'P1'],
      ['T3', 'school', 'ELSEWHERE'],
      ['T4', 'school'],
    ]);
    expect(units.problems()).toEqual([]);
  });

  it('refuses a unit naming itself, a parent of a kind that supervises nothing, and an office under an office', () => {
    const units = hierarchy([
      ['SO', 'department'],
      ['P1', 'district_office', 'SO'],
      ['P2', 'district_office', 'P1'],
      ['T1', 'school', 'P1'],
      ['T2', 'school', 'T2'],
      ['T3', 'centre', 'T1'],
    ]);
    expect(units.problems()).toEqual([
      { kind: 'wrong_supervisor', row: 4, parent: 'P1', unitKind: 'district_office', parentKind: 'district_office', allowed: ['department'] },
      { kind: 'own_parent', row: 6, parent: 'T2' },
      { kind: 'wrong_supervisor', row: 7, parent: 'T1', unitKind: 'centre', parentKind: 'school', allowed: ['department', 'district_office'] },
    ]);
  });

  it('names every unit of a loop of parents, each from itself round to itself', () => {
    const units = hierarchy([
      ['A', 'department', 'C'],
      ['T', 'school', 'A'],
      ['B', 'department', 'A'],
      ['C', 'department', 'B'],
    ]);
    expect(units.problems()).toEqual([
      { kind: 'loop', row: 2, parent: 'C', loop: ['A', 'C', 'B', 'A'] },
      { kind: 'loop', row: 4, parent: 'A', loop: ['B', 'A', 'C', 'B'] },
      { kind: 'loop', row: 5, parent: 'B', loop: ['C', 'B', 'A', 'C'] },
    ]);
  });

  it('finds a loop exactly when following parents from some unit comes back to it', () => {
    const codes = ['A', 'B', 'C', 'D', 'E'];
    const registry = fc.uniqueArray(fc.tuple(fc.constantFrom(...codes), fc.constantFrom(...UNIT_KINDS), fc.option(fc.constantFrom(...codes, 'X'), { nil: undefined })), {
      selector: ([code]) => code,
      minLength: 1,
    });
    fc.assert(
      fc.property(registry, (rows) => {
        const parentOf = new Map(rows.map(([code, , parent]) => [code, parent]));
        const onLoop = (start: string): boolean => {
          let code = parentOf.get(start);
          for (let steps = 0; steps < codes.length && code !== undefined && parentOf.has(code); steps++) {
            if (code === start) return true;
            code = parentOf.get(code);
          }
          return false;
        };
        const expected = rows.filter(([code, , parent]) => parent !== code && onLoop(code)).map(([code]) => code);
        const looped = hierarchy(rows).problems().filter((p) => p.kind === 'loop');
        expect(looped.map((p) => rows[p.row - 2]?.[0]).sort()).toEqual(expected.sort());
        for (const p of looped) expect(p.loop[0]).toBe(p.loop.at(-1));
      }),
    );
  });
});

describe('a units file naming the wrong parents', () => {
  it('is refused with the row, the column as written and the parent named', async () => {
    const text = [
      'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị quản lý',
      'SO,Sở GDĐT,Sở,',
      'P1,Phòng GDĐT 1,Phòng GDĐT,SO',
      'T1,Trường 1,Trường,P1',
      'T2,Trường 2,Trường,T1',
      'T3,Trường 3,Trường,T3',
    ].join('\n');
    const { records, report } = await readText('units.csv', text);
    expect(records).toHaveLength(5);
    expect(report.ok).toBe(false);
    expect(located(report)).toEqual([
      { severity: 'error', code: 'invalid_parent', row: 5, column: 'Mã đơn vị quản lý', field: 'parent_code', value: 'T1' },
      { severity: 'error', code: 'invalid_parent', row: 6, column: 'Mã đơn vị quản lý', field: 'parent_code', value: 'T3' },
    ]);
    expect(report.issues[0]?.messageVi).toBe('Đơn vị quản lý T1 là trường; trường phải trực thuộc Sở GDĐT hoặc Phòng GDĐT');
    expect(report.issues[0]?.messageEn).toBe('The supervising unit T1 is a school; a school must come under a department or a district office');
  });

  it('is accepted when its parents are right, or registered elsewhere', async () => {
    const text = ['unit_code,unit_name,unit_kind,parent_code', 'P1,Phòng 1,district_office,SO', 'T1,Trường 1,school,P1', 'T2,Trường 2,school,P9'].join('\n');
    expect((await readText('units.csv', text)).report).toMatchObject({ ok: true, errors: 0 });
  });
});

describe('UnitHierarchy with the registry', () => {
  const REGISTERED: ReadonlyMap<string, Placed> = new Map<string, Placed>([
    ['BO', { unitKind: 'department' }],
    ['SO', { unitKind: 'department', parentCode: 'BO' }],
    ['P1', { unitKind: 'district_office', parentCode: 'SO' }],
    ['T1', { unitKind: 'school', parentCode: 'P1' }],
    ['S2', { unitKind: 'department', parentCode: 'S3' }],
    ['S3', { unitKind: 'department', parentCode: 'BO' }],
  ]);
  function lookup(): { registry: RegistryLookup; asked: string[][] } {
    const asked: string[][] = [];
    const registry: RegistryLookup = async (codes) => {
      asked.push([...codes].sort());
      return new Map(codes.flatMap((code) => (REGISTERED.has(code) ? [[code, REGISTERED.get(code) as Placed] as const] : [])));
    };
    return { registry, asked };
  }

  it('judges parents named outside the file by their registered kind, reading the tree upwards only as far as it goes', async () => {
    const units = hierarchy([
      ['T2', 'school', 'P1'],
      ['T3', 'school', 'T1'],
      ['P2', 'district_office', 'P1'],
      ['T4', 'school', 'NOWHERE'],
    ]);
    const { registry, asked } = lookup();
    await units.lookUp(registry);
    expect(asked).toEqual([['NOWHERE', 'P1', 'T1'], ['SO'], ['BO']]);
    expect(units.problems()).toEqual([
      { kind: 'wrong_supervisor', row: 3, parent: 'T1', unitKind: 'school', parentKind: 'school', allowed: ['department', 'district_office'] },
      { kind: 'wrong_supervisor', row: 4, parent: 'P1', unitKind: 'district_office', parentKind: 'district_office', allowed: ['department'] },
    ]);
  });

  it('finds a loop closed through registered units, named from the rows of the file only', async () => {
    const units = hierarchy([['S3', 'department', 'S2']]);
    await units.lookUp(lookup().registry);
    expect(units.problems()).toEqual([{ kind: 'loop', row: 2, parent: 'S2', loop: ['S3', 'S2', 'S3'] }]);
  });

  it("takes the file's entry for a unit over the registered one it replaces", async () => {
    const units = hierarchy([
      ['S2', 'department', 'BO'],
      ['S3', 'department', 'S2'],
    ]);
    await units.lookUp(lookup().registry);
    expect(units.problems()).toEqual([]);
  });
});
