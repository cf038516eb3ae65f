import type { Level, UnitKind } from '../snapshot/entities.ts';
import { formatVn } from '../time.ts';
import type { Applicability, Catalog, Deadline, Dispatch, NotificationPolicy, Requirement, Rule, RuleKind } from './schema.ts';

/* The shape of `dondoc dispatches --json` (cli-contract.md). Contract keys come first; the rest are extras. */

export interface DeadlineJson {
  at: string;
  levels?: Level[];
  unitKinds?: UnitKind[];
  districts?: string[];
}

export interface AppliesToJson {
  unitKinds?: UnitKind[];
  levels?: Level[];
  districts?: string[];
}

export interface RequirementJson {
  id: string;
  title: string;
  entity: Requirement['entity'];
  kind: RuleKind;
  deadlines: DeadlineJson[];
  source: string;
  appliesTo: AppliesToJson;
  rule: Rule;
  action?: string;
  policy?: NotificationPolicy;
}

export interface DispatchJson {
  id: string;
  issuer: string;
  number: string;
  date: string;
  title: string;
  requirements: RequirementJson[];
  source?: string;
  policy?: NotificationPolicy;
}

export interface CatalogJson {
  dispatches: DispatchJson[];
}

function deadlineJson(d: Deadline): DeadlineJson {
  return {
    at: formatVn(d.at),
    ...(d.levels && { levels: d.levels }),
    ...(d.unitKinds && { unitKinds: d.unitKinds }),
    ...(d.districts && { districts: d.districts }),
  };
}

function appliesToJson(a: Applicability): AppliesToJson {
  return {
    ...(a.unit_kinds?.length && { unitKinds: a.unit_kinds }),
    ...(a.levels?.length && { levels: a.levels }),
    ...(a.districts?.length && { districts: a.districts }),
  };
}

function requirementJson(r: Requirement): RequirementJson {
  return {
    id: r.id,
    title: r.title,
    entity: r.entity,
    kind: r.rule.kind,
    deadlines: r.deadlines.map(deadlineJson),
    source: r.source,
    appliesTo: appliesToJson(r.appliesTo),
    rule: r.rule,
    ...(r.action !== undefined && { action: r.action }),
    ...(r.policy && { policy: r.policy }),
  };
}

function dispatchJson(d: Dispatch): DispatchJson {
  return {
    id: d.id,
    issuer: d.issuer,
    number: d.number,
    date: d.date,
    title: d.title,
    requirements: d.requirements.map(requirementJson),
    ...(d.source !== undefined && { source: d.source }),
    ...(d.policy && { policy: d.policy }),
  };
}

export function catalogToJson(catalog: Catalog): CatalogJson {
  return { dispatches: catalog.dispatches.map(dispatchJson) };
}
