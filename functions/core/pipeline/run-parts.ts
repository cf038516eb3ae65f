import type { StateStore } from '../ports/state-store.ts';
import { PART_UNITS, type PartSpec } from './plan-task.ts';

/**
 * Cuts a run into parts without loading the registry: each district office under the
 * department is one part (its schools are listed by the worker), and the department with the
 * schools and centres directly under it is cut into chunks of PART_UNITS codes. Part ids
 * sort in the order they are made. A unit whose registry entry names no parent (the
 * contract's parent_code is optional) is the department's own, so no unit is left out.
 */
export async function runParts(store: StateStore, department: string): Promise<PartSpec[]> {
  const [children, topLevel] = await Promise.all([store.listChildren(department), store.listTopLevel()]);
  const under = [...children, ...topLevel.filter((u) => u.unitCode !== department)];
  const id = (n: number) => String(n).padStart(5, '0');
  const parts: PartSpec[] = under.filter((u) => u.unitKind === 'district_office').map((u, i) => ({ id: id(i), office: u.unitCode }));
  const own = [department, ...under.filter((u) => u.unitKind !== 'district_office' && u.unitCode !== department).map((u) => u.unitCode)];
  for (let i = 0; i < own.length; i += PART_UNITS) parts.push({ id: id(parts.length), units: own.slice(i, i + PART_UNITS) });
  return parts;
}
