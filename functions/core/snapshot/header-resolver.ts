import { COLUMNS, type ColumnSpec, type EntityKind } from './entities.ts';
import { foldKey } from './fold-key.ts';

export interface ResolvedHeader {
  /** the column each header position means; undefined for unknown, blank or repeated headers */
  columns: (ColumnSpec | undefined)[];
  missingRequired: ColumnSpec[];
}

function aliasMap(entity: EntityKind): ReadonlyMap<string, ColumnSpec> {
  return new Map(COLUMNS[entity].flatMap((spec) => [spec.name, ...spec.aliases].map((alias) => [foldKey(alias), spec] as const)));
}

const ALIASES: Readonly<Record<EntityKind, ReadonlyMap<string, ColumnSpec>>> = {
  units: aliasMap('units'),
  students: aliasMap('students'),
  staff: aliasMap('staff'),
  profiles: aliasMap('profiles'),
  reports: aliasMap('reports'),
  explanations: aliasMap('explanations'),
};

/** The column a header names in an entity, if any. */
export function columnForHeader(entity: EntityKind, header: string): ColumnSpec | undefined {
  return ALIASES[entity].get(foldKey(header));
}

export function resolveHeader(entity: EntityKind, header: readonly string[]): ResolvedHeader {
  const seen = new Set<string>();
  const columns = header.map((text) => {
    const spec = text.trim() === '' ? undefined : columnForHeader(entity, text);
    if (spec === undefined || seen.has(spec.name)) return undefined;
    seen.add(spec.name);
    return spec;
  });
  const missingRequired = COLUMNS[entity].filter((spec) => spec.required && !seen.has(spec.name));
  return { columns, missingRequired };
}

/** The column only one entity has; its presence names the entity even when other required columns are missing. */
const DISTINCTIVE: ReadonlyArray<readonly [EntityKind, string]> = [
  ['students', 'student_code'],
  ['staff', 'staff_code'],
  ['explanations', 'record_code'],
  ['reports', 'period'],
  ['units', 'unit_kind'],
];

/**
 * The entity a header describes. An entity whose distinctive column appears wins,
 * preferring one whose required columns are all there, then the one matching most
 * columns ("Mã học sinh" is both a student code and an explanation's record code).
 * A header with none of them is a school profile if it has a unit code.
 */
export function entityFromHeader(header: readonly string[]): EntityKind | undefined {
  const ranked = DISTINCTIVE.flatMap(([entity, column]) => {
    const resolved = resolveHeader(entity, header);
    if (!resolved.columns.some((spec) => spec?.name === column)) return [];
    const matched = resolved.columns.filter((spec) => spec !== undefined).length;
    return [{ entity, complete: resolved.missingRequired.length === 0, matched }];
  });
  ranked.sort((a, b) => Number(b.complete) - Number(a.complete) || b.matched - a.matched);
  if (ranked[0]) return ranked[0].entity;
  return resolveHeader('profiles', header).missingRequired.length === 0 ? 'profiles' : undefined;
}
