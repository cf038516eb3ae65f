import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { IdentityTally, UnitEntitySummary } from '../../../functions/core/evaluation/types.ts';
import { COLUMNS, isActive, type Level, type UnitRecord } from '../../../functions/core/snapshot/entities.ts';

/**
 * A deliberately small reader of the generator's own output for its tests: csv-parse for
 * the CSV, the contract's label lists for Vietnamese enum cells, and seed 004's definition
 * of active / unverified. It checks the generator independently of the production readers.
 */

type Person = 'students' | 'staff';

/** value or Vietnamese label → canonical value, from the contract's label lists */
function labelMap(entity: Person, column: string): Map<string, string> {
  const labels = COLUMNS[entity].find((c) => c.name === column)?.labels ?? {};
  return new Map(Object.entries(labels).flatMap(([key, list]) => [[key, key] as const, ...list.map((l) => [l, key] as const)]));
}

/** Rows as arrays plus the header's column positions: objects per row would double the read time of a 530,000-row file. */
export async function* csvRows(path: string): AsyncGenerator<{ header: Map<string, number>; cells: string[] }> {
  let header: Map<string, number> | undefined;
  for await (const cells of createReadStream(path).pipe(parse()) as AsyncIterable<string[]>) {
    if (!header) header = new Map(cells.map((name, i) => [name, i]));
    else yield { header, cells };
  }
}

function cell(row: { header: Map<string, number>; cells: string[] }, column: string): string {
  const i = row.header.get(column);
  if (i === undefined) throw new Error(`no column ${column}`);
  return row.cells[i] ?? '';
}

export async function readUnits(path: string): Promise<Map<string, UnitRecord>> {
  const registry = new Map<string, UnitRecord>();
  for await (const row of csvRows(path)) {
    const get = (column: string) => cell(row, column);
    registry.set(get('unit_code'), {
      unitCode: get('unit_code'),
      unitName: get('unit_name'),
      unitKind: get('unit_kind') as UnitRecord['unitKind'],
      levels: get('levels').split(';').filter(Boolean) as Level[],
      ...(get('parent_code') ? { parentCode: get('parent_code') } : {}),
      ...(get('district') ? { district: get('district') } : {}),
    });
  }
  return registry;
}

export interface PeopleCounts {
  /** unit → level → active / unverified */
  active: Map<string, Map<Level, IdentityTally>>;
  rows: number;
  inactive: number;
  /** raw cell values seen, to show the label mapping is exercised */
  rawVerification: Set<string>;
  rawStatus: Set<string>;
  missingLevel: number;
  duplicateCodes: number;
  header: string[];
}

/** Whether a status cell, value or Vietnamese label, leaves the record active (seed 004's definition). */
export function isActiveCell(entity: Person, raw: string): boolean {
  const status = labelMap(entity, 'status').get(raw) ?? raw;
  return isActive(entity, status === '' ? undefined : status);
}

/** Counts over the entity's files together: the demo splits a province's person records over two. */
export async function countPeople(paths: readonly string[], entity: Person): Promise<PeopleCounts> {
  const out: PeopleCounts = { active: new Map(), rows: 0, inactive: 0, rawVerification: new Set(), rawStatus: new Set(), missingLevel: 0, duplicateCodes: 0, header: [] };
  const seen = new Set<string>();
  const statuses = labelMap(entity, 'status');
  const verifications = labelMap(entity, 'id_verification');
  let at: Record<'unit' | 'code' | 'level' | 'verification' | 'status', number> | undefined;
  for (const path of paths) {
    for await (const row of csvRows(path)) {
      if (!at) {
        out.header = [...row.header.keys()];
        const index = (column: string) => row.header.get(column) ?? -1;
        at = { unit: index('unit_code'), code: index(entity === 'students' ? 'student_code' : 'staff_code'), level: index('level'), verification: index('id_verification'), status: index('status') };
      }
      const [unit = '', code = '', level = '', verification = '', rawStatus = ''] = [at.unit, at.code, at.level, at.verification, at.status].map((i) => row.cells[i]);
      out.rows += 1;
      const key = `${unit}\t${code}`;
      if (seen.has(key)) out.duplicateCodes += 1;
      seen.add(key);
      out.rawVerification.add(verification);
      out.rawStatus.add(rawStatus);
      if (!level) out.missingLevel += 1;
      const status = statuses.get(rawStatus) ?? rawStatus;
      if (!isActive(entity, status === '' ? undefined : status)) {
        out.inactive += 1;
        continue;
      }
      const byLevel = out.active.get(unit) ?? new Map<Level, IdentityTally>();
      const t = byLevel.get(level as Level) ?? { total: 0, unverified: 0 };
      t.total += 1;
      if ((verifications.get(verification) ?? verification) !== 'verified') t.unverified += 1;
      byLevel.set(level as Level, t);
      out.active.set(unit, byLevel);
    }
  }
  return out;
}

export function tallyOf(counts: PeopleCounts, unit: string, level: Level): IdentityTally {
  return counts.active.get(unit)?.get(level) ?? { total: 0, unverified: 0 };
}

/** The per-unit summaries identityReport folds, built from the counts above. */
export function summariesOf(counts: PeopleCounts, entity: Person, asOf: number): UnitEntitySummary[] {
  return [...counts.active].map(([unit, byLevel]) => ({ unit, entity, asOf, rows: 0, byLevel: Object.fromEntries(byLevel), tallies: {} }));
}
