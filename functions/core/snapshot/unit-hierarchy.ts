import type { UnitKind } from './entities.ts';

/**
 * The supervising units a unit may name, by its kind: a school or a centre comes under a
 * district office or the department, an office under the department, and a department under
 * a department only (the ministry, in a national registry). The daily run walks the registry
 * down from the department and one level below its offices, so a unit under a school, or the
 * schools of an office under an office, would never be judged nor chased; refusing the file
 * says so while the officer who wrote it is looking.
 */
const SUPERVISORS: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  department: ['department'],
  district_office: ['department'],
  school: ['department', 'district_office'],
  centre: ['department', 'district_office'],
};

export type HierarchyProblem =
  | { kind: 'own_parent'; row: number; parent: string }
  | { kind: 'wrong_supervisor'; row: number; parent: string; unitKind: UnitKind; parentKind: UnitKind; allowed: readonly UnitKind[] }
  | { kind: 'loop'; row: number; parent: string; loop: readonly string[] };

interface Entry {
  kind: UnitKind;
  parent: string | undefined;
  row: number;
}

/**
 * The supervising units a units file names, checked once it is read: what a row can say of
 * its parent only the file's other rows can tell. Only parents in the same file are judged;
 * one registered earlier is the registry's to know. Holds a few fields per unit.
 */
export class UnitHierarchy {
  private readonly units = new Map<string, Entry>();

  add(code: string, kind: UnitKind, parent: string | undefined, row: number): void {
    this.units.set(code, { kind, parent, row });
  }

  /** Every problem, in row order: a unit naming itself, a parent of the wrong kind, and each unit of a loop of parents. */
  problems(): HierarchyProblem[] {
    const found: HierarchyProblem[] = [];
    for (const [code, { kind, parent, row }] of this.units) {
      if (parent === undefined) continue;
      if (parent === code) {
        found.push({ kind: 'own_parent', row, parent });
        continue;
      }
      const above = this.units.get(parent);
      if (above !== undefined && !SUPERVISORS[kind].includes(above.kind)) {
        found.push({ kind: 'wrong_supervisor', row, parent, unitKind: kind, parentKind: above.kind, allowed: SUPERVISORS[kind] });
      }
    }
    for (const loop of this.loops()) {
      for (const [i, code] of loop.entries()) {
        const entry = this.units.get(code) as Entry;
        found.push({ kind: 'loop', row: entry.row, parent: entry.parent as string, loop: [...loop.slice(i), ...loop.slice(0, i), code] });
      }
    }
    return found.sort((a, b) => a.row - b.row);
  }

  /** Each loop of two or more units once, as the codes met going up from where it was entered. */
  private loops(): string[][] {
    const state = new Map<string, 'climbing' | 'done'>();
    const loops: string[][] = [];
    for (const start of this.units.keys()) {
      const path: string[] = [];
      let code: string | undefined = start;
      while (code !== undefined && this.units.has(code) && state.get(code) === undefined) {
        state.set(code, 'climbing');
        path.push(code);
        const parent: string | undefined = this.units.get(code)?.parent;
        code = parent === code ? undefined : parent;
      }
      if (code !== undefined && state.get(code) === 'climbing') {
        const loop = path.slice(path.indexOf(code));
        if (loop.length > 1) loops.push(loop);
      }
      for (const climbed of path) state.set(climbed, 'done');
    }
    return loops;
  }
}
