import type { RowKind } from './person-rows.ts';
import { headerOf } from './person-rows.ts';
import { deriveSeed, mulberry32, type Rng } from './prng.ts';
import type { UnitHabits } from './unit-habits.ts';

type Person = 'students' | 'staff';

/** The staff fields seed 003 §4.3 and seed 002 §2 require; a careless officer leaves one of them blank. */
const STAFF_GAP_FIELDS = ['birth_date', 'qualification', 'pedagogy_certificate', 'role', 'contract'] as const;

/**
 * Writes one unit's habits into its person rows as they stream past, in place. It touches
 * neither a record's status nor its verification, so every active and unverified count stays
 * what the plan says; it draws from its own stream, so a unit without habits keeps its bytes.
 */
export class HabitRows {
  private readonly rng: Rng;
  private readonly idColumn: number;
  private readonly gapColumns: readonly number[];
  private readonly gapShare: number;
  private reentryPending: boolean;
  private lastActiveId: string | undefined;

  constructor(seed: number, entity: Person, unitCode: string, habits: UnitHabits) {
    const header = headerOf(entity);
    this.rng = mulberry32(deriveSeed(seed, 'habit-rows', entity, unitCode));
    this.idColumn = header.indexOf('national_id');
    this.gapColumns = entity === 'staff' ? STAFF_GAP_FIELDS.map((field) => header.indexOf(field)) : [];
    this.gapShare = entity === 'staff' ? habits.staffGapShare : 0;
    this.reentryPending = habits.reentered[entity];
  }

  apply(values: string[], kind: RowKind): void {
    if (kind === 'inactive') {
      // The record of someone who left, kept when they were entered again under a new code:
      // the person's number now sits on two records, the second one in file order is the duplicate.
      if (this.reentryPending && this.lastActiveId !== undefined) {
        values[this.idColumn] = this.lastActiveId;
        this.reentryPending = false;
      }
      return;
    }
    const id = values[this.idColumn];
    if (id) this.lastActiveId = id;
    if (this.gapShare > 0 && this.rng.chance(this.gapShare)) values[this.gapColumns[this.rng.int(this.gapColumns.length)] as number] = '';
  }
}
