import type { Catalog, Rule } from '../catalog/schema.ts';
import type { EntityKind } from '../snapshot/entities.ts';

type DataEntity = Exclude<EntityKind, 'units'>;

/**
 * The summaries a rule's measure reads from a unit's state (its own, or its schools' for a
 * report after_children). Every rule also reads the registry, for whom it concerns and
 * when: that is why a units snapshot re-evaluates every requirement.
 */
export function entitiesRead(rule: Rule): readonly DataEntity[] {
  switch (rule.kind) {
    case 'declared_totals':
      return ['profiles', 'students', 'staff'];
    case 'explanations':
      return [rule.entity, 'explanations'];
    default:
      return [rule.entity];
  }
}

/** Every summary some requirement of the catalog reads. */
export function entitiesReadBy(catalog: Catalog): Set<DataEntity> {
  return new Set(catalog.dispatches.flatMap((d) => d.requirements.flatMap((r) => entitiesRead(r.rule))));
}

/**
 * The part of the catalog whose results a snapshot of `entity` can change: the requirements
 * that read it (all of them for the registry). Dispatches left with no such requirement are
 * dropped; the others keep their order, so results come in catalog order as before.
 */
export function requirementsReading(catalog: Catalog, entity: EntityKind): Catalog {
  if (entity === 'units') return catalog;
  return {
    dispatches: catalog.dispatches
      .map((dispatch) => ({ ...dispatch, requirements: dispatch.requirements.filter((r) => entitiesRead(r.rule).includes(entity)) }))
      .filter((dispatch) => dispatch.requirements.length > 0),
  };
}
