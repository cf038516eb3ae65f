import type { Catalog, Dispatch, Requirement } from '../catalog/schema.ts';
import type { DispatchFacts, RequirementFacts } from './types.ts';

export interface CatalogEntry {
  requirement: Requirement;
  dispatch: Dispatch;
  /** position in the catalog, for catalog-order output */
  order: number;
}

export function indexCatalog(catalog: Catalog): Map<string, CatalogEntry> {
  const index = new Map<string, CatalogEntry>();
  for (const dispatch of catalog.dispatches) {
    for (const requirement of dispatch.requirements) index.set(requirement.id, { requirement, dispatch, order: index.size });
  }
  return index;
}

export function dispatchFacts(d: Dispatch): DispatchFacts {
  return { id: d.id, issuer: d.issuer, number: d.number, date: d.date, title: d.title };
}

export function requirementFacts(r: Requirement): RequirementFacts {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    ...(r.action !== undefined && { action: r.action }),
    entity: r.entity,
    ruleKind: r.rule.kind,
  };
}
