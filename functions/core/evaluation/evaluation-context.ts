import type { EntityKind, Level, UnitRecord } from '../snapshot/entities.ts';
import { LEVELS } from '../snapshot/entities.ts';
import type { EvaluationInput, UnitState } from './types.ts';

/** What every requirement of one evaluation reads: units, their state as of the instant, and who supervises whom. */
export interface EvaluationContext {
  asOf: number;
  /** sorted by code */
  units: UnitRecord[];
  /** only summaries whose snapshot was taken at or before `asOf` */
  states: ReadonlyMap<string, UnitState>;
  /** entities for which any unit has a summary as of `asOf` */
  entitiesSeen: ReadonlySet<EntityKind>;
  childrenOf: ReadonlyMap<string, UnitRecord[]>;
}

export function evaluationContext(input: EvaluationInput): EvaluationContext {
  const states = new Map<string, UnitState>();
  const entitiesSeen = new Set<EntityKind>();
  for (const [code, state] of input.states) {
    const visible: UnitState = {};
    for (const summary of Object.values(state)) {
      if (!summary || summary.asOf > input.asOf) continue;
      visible[summary.entity] = summary;
      entitiesSeen.add(summary.entity);
    }
    states.set(code, visible);
  }
  const units = new Map<string, UnitRecord>(input.registry);
  for (const [code, state] of states) if (!units.has(code)) units.set(code, unregisteredUnit(code, state));
  const sorted = [...units.values()].sort((a, b) => compareCodes(a.unitCode, b.unitCode));
  const childrenOf = new Map<string, UnitRecord[]>();
  for (const unit of sorted) {
    if (unit.parentCode === undefined) continue;
    const list = childrenOf.get(unit.parentCode) ?? [];
    list.push(unit);
    childrenOf.set(unit.parentCode, list);
  }
  return { asOf: input.asOf, units: sorted, states, entitiesSeen, childrenOf };
}

/** The summaries that tell the levels of a unit missing from the registry. */
export const LEVELS_READ_FROM = ['students', 'staff'] as const satisfies readonly EntityKind[];

/** A unit that uploaded data but is missing from the registry is most likely a school; its data tells its levels. */
function unregisteredUnit(code: string, state: UnitState): UnitRecord {
  const seen = new Set<string>();
  for (const entity of LEVELS_READ_FROM) for (const level of Object.keys(state[entity]?.byLevel ?? {})) seen.add(level);
  const levels: Level[] = LEVELS.filter((level) => seen.has(level));
  return { unitCode: code, unitName: code, unitKind: 'school', levels };
}

/** Code-unit order, not locale order, so results sort the same on every machine. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
