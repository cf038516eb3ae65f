import type { UnitKind, UnitRecord } from './entities.ts';

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

/** How many levels above a file's units the registry is read: a ministry, a department, an office, and some to spare. */
const MAX_LOOKUPS = 8;

export type HierarchyProblem =
  | { kind: 'own_parent'; row: number; parent: string }
  | { kind: 'wrong_supervisor'; row: number; parent: string; unitKind: UnitKind; parentKind: UnitKind; allowed: readonly UnitKind[] }
  | { kind: 'loop'; row: number; parent: string; loop: readonly string[] };

/** A registered unit, as far as its place in the tree goes. */
export type Placed = Pick<UnitRecord, 'unitKind' | 'parentCode'>;

/** Registered units by code: those asked for that are registered (a store's batch read). */
export type RegistryLookup = (codes: readonly string[]) => Promise<ReadonlyMap<string, Placed>>;

/** A unit's kind and parent, from a row of the file or from the registry. */
interface Entry {
  kind: UnitKind;
  parent: string | undefined;
}

/**
 * The supervising units a units file names, checked once it is read: what a row can say of
 * its parent only the file's other rows, or the registry, can tell. A parent in neither is
 * left alone (it may be registered later). Holds a few fields per unit.
 */
export class UnitHierarchy {
  private readonly units = new Map<string, Entry & { row: number }>();
  private readonly registered = new Map<string, Entry>();

  add(code: string, kind: UnitKind, parent: string | undefined, row: number): void {
    this.units.set(code, { kind, parent, row });
  }

  /**
   * Reads from the registry the parents the file's units name outside the file, and theirs in
   * turn, so that kinds and loops through registered units are judged too. The file's own
   * entry for a unit wins over the registered one, as it is about to replace it.
   */
  async lookUp(registry: RegistryLookup): Promise<void> {
    const asked = new Set<string>();
    for (let round = 0; round < MAX_LOOKUPS; round++) {
      const wanted = new Set<string>();
      for (const { parent } of [...this.units.values(), ...this.registered.values()]) {
        if (parent !== undefined && !asked.has(parent) && this.entry(parent) === undefined) wanted.add(parent);
      }
      if (wanted.size === 0) return;
      for (const code of wanted) asked.add(code);
      for (const [code, unit] of await registry([...wanted])) this.registered.set(code, { kind: unit.unitKind, parent: unit.parentCode });
    }
  }

  /** Every problem of the file's rows, in row order: a unit naming itself, a parent of the wrong kind, and each unit of a loop of parents. */
  problems(): HierarchyProblem[] {
    const found: HierarchyProblem[] = [];
    for (const [code, { kind, parent, row }] of this.units) {
      if (parent === undefined) continue;
      if (parent === code) {
        found.push({ kind: 'own_parent', row, parent });
        continue;
      }
      const above = this.entry(parent);
      if (above !== undefined && !SUPERVISORS[kind].includes(above.kind)) {
        found.push({ kind: 'wrong_supervisor', row, parent, unitKind: kind, parentKind: above.kind, allowed: SUPERVISORS[kind] });
      }
    }
    for (const loop of this.loops()) {
      for (const [i, code] of loop.entries()) {
        const entry = this.units.get(code);
        if (entry === undefined) continue;
        found.push({ kind: 'loop', row: entry.row, parent: entry.parent as string, loop: [...loop.slice(i), ...loop.slice(0, i), code] });
      }
    }
    return found.sort((a, b) => a.row - b.row);
  }

  private entry(code: string): Entry | undefined {
    return this.units.get(code) ?? this.registered.get(code);
  }

  /** Each loop of two or more units through a unit of the file once, as the codes met going up from where it was entered. */
  private loops(): string[][] {
    const state = new Map<string, 'climbing' | 'done'>();
    const loops: string[][] = [];
    for (const start of this.units.keys()) {
      const path: string[] = [];
      let code: string | undefined = start;
      while (code !== undefined && this.entry(code) !== undefined && state.get(code) === undefined) {
        state.set(code, 'climbing');
        path.push(code);
        const parent: string | undefined = this.entry(code)?.parent;
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
