import { readFile } from 'node:fs/promises';

/**
 * The benchmark's peers are only worth comparing with if they compute what dondoc computes:
 * these read dondoc's output and a peer's counts and throw at the first number that differs,
 * naming the unit, the requirement or level, and both values. Each returns how many figures
 * agreed, so a comparison that matched nothing does not pass unnoticed.
 */

interface CheckResult {
  unit: string;
  requirement: string;
  total: number;
  failing: number;
  warning?: number;
  failingCodes?: string[];
}

interface PeerCount {
  unit: string;
  rule: string;
  total: number;
  failing: number;
  warning: number;
}

/**
 * `dondoc check --json` (with or without --codes) against duckdb-check-peer.mjs: every result
 * of a requirement whose rule the peer computes (`ruleOf`: requirement id → rule key). A unit
 * the peer has no row for holds no record of the entity: 0 of 0, as dondoc reports no_data.
 */
export async function crossCheckCheck(label: string, dondocJson: string, peerJson: string, ruleOf: ReadonlyMap<string, string>): Promise<number> {
  const { results } = JSON.parse(await readFile(dondocJson, 'utf8')) as { results: CheckResult[] };
  const peer = new Map<string, PeerCount>();
  for (const p of JSON.parse(await readFile(peerJson, 'utf8')) as PeerCount[]) peer.set(`${p.unit}\n${p.rule}`, p);
  let agreed = 0;
  for (const r of results) {
    const rule = ruleOf.get(r.requirement);
    if (rule === undefined) continue;
    const p = peer.get(`${r.unit}\n${rule}`) ?? { total: 0, failing: 0, warning: 0 };
    const where = `${label}: unit ${r.unit}, requirement ${r.requirement} (rule ${rule})`;
    same(where, 'total', r.total, p.total);
    same(where, 'failing', r.failing, p.failing);
    if (r.warning !== undefined) same(where, 'warning', r.warning, p.warning);
    if (r.failingCodes !== undefined && r.failingCodes.length !== r.failing) {
      throw new Error(`${where}: dondoc lists ${r.failingCodes.length} failing codes for ${r.failing} failing records`);
    }
    agreed += 1;
  }
  return agreed;
}

interface Tally {
  total: number;
  unverified: number;
}

type Person = 'students' | 'staff';

interface IdentityUnit extends Record<Person, Tally> {
  code: string;
  kind: string;
  levels: string[];
  byLevel: Array<{ level: string } & Record<Person, Tally>>;
}

interface PeerGroup extends Tally {
  unit: string;
  entity: Person;
  level: string | null;
}

/**
 * `dondoc report identity --json` against duckdb-peer.mjs: each unit's totals and each of its
 * levels. A record without a level counts in its unit's totals, and in a level only where the
 * report places it (identity.ts): the unit's only level, or GDTX for a centre declaring none.
 * The report's own kind and levels say which, so a unit missing from the registry, listed with
 * the levels its records name, would be placed here where the report does not place it.
 */
export async function crossCheckIdentity(dondocJson: string, peerJson: string): Promise<number> {
  const { units } = JSON.parse(await readFile(dondocJson, 'utf8')) as { units: IdentityUnit[] };
  const peer = new Map<string, Tally>();
  const add = (key: string, g: Tally) => {
    const t = peer.get(key) ?? { total: 0, unverified: 0 };
    t.total += g.total;
    t.unverified += g.unverified;
    peer.set(key, t);
  };
  // the levels DuckDB found records of, per unit: every one must be in the report too
  const peerUnits = new Map<string, Set<string>>();
  for (const g of JSON.parse(await readFile(peerJson, 'utf8')) as PeerGroup[]) {
    add(`${g.unit}\n${g.entity}\n*`, g);
    add(`${g.unit}\n${g.entity}\n${g.level ?? '?'}`, g);
    const levels = peerUnits.get(g.unit) ?? new Set();
    if (g.level !== null) levels.add(g.level);
    peerUnits.set(g.unit, levels);
  }
  const counts = (key: string): Tally => peer.get(key) ?? { total: 0, unverified: 0 };
  let agreed = 0;
  for (const u of units) {
    const placed = u.levels.length === 1 ? u.levels[0] : u.levels.length === 0 && u.kind === 'centre' ? 'GDTX' : undefined;
    const levels = new Set([...u.byLevel.map((l) => l.level), ...u.levels, ...(peerUnits.get(u.code) ?? [])]);
    peerUnits.delete(u.code);
    for (const entity of ['students', 'staff'] as const) {
      const base = `${u.code}\n${entity}\n`;
      sameTally(`report identity: unit ${u.code}, ${entity}, all levels`, u[entity], counts(`${base}*`));
      agreed += 1;
      for (const level of levels) {
        const own = counts(`${base}${level}`);
        const unplaced = level === placed ? counts(`${base}?`) : { total: 0, unverified: 0 };
        const expected = { total: own.total + unplaced.total, unverified: own.unverified + unplaced.unverified };
        const reported = u.byLevel.find((l) => l.level === level)?.[entity] ?? { total: 0, unverified: 0 };
        sameTally(`report identity: unit ${u.code}, ${entity}, level ${level}`, reported, expected);
        agreed += 1;
      }
    }
  }
  const missing = [...peerUnits.keys()][0];
  if (missing !== undefined) throw new Error(`report identity: unit ${missing} has records DuckDB counts, and no row in dondoc's report`);
  return agreed;
}

function same(where: string, field: string, ours: number, theirs: number): void {
  if (ours !== theirs) throw new Error(`cross-check failed: ${where}: ${field} is ${ours} in dondoc, ${theirs} in DuckDB`);
}

function sameTally(where: string, ours: Tally, theirs: Tally): void {
  same(where, 'total', ours.total, theirs.total);
  same(where, 'unverified', ours.unverified, theirs.unverified);
}
