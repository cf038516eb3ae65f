import { loadCatalog } from '../functions/core/catalog/load.ts';
import type { Rule } from '../functions/core/catalog/schema.ts';
import { RECORD_RULE_KINDS } from '../functions/core/evaluation/record-rules.ts';
import { COLUMNS, LEVELS, STAFF_ACTIVE, STUDENT_ACTIVE, type ColumnSpec } from '../functions/core/snapshot/entities.ts';

/**
 * What the DuckDB peers are told, as JSON, so that they read the same labels and judge the
 * same rules as dondoc without a TypeScript loader of their own: the spellings are taken
 * from the snapshot contract and the rules from the catalog `dondoc check` loads.
 */
export interface PeerSpec {
  /** check treats its files as snapshots taken at --as-of: freshness measures from it */
  asOf: number;
  /** lower-case spellings (canonical value and Vietnamese labels) of an active status, of verified, and of each level */
  labels: { active: { students: string[]; staff: string[] }; verified: string[]; levels: Record<string, string> };
  /** distinct rules, each judged once as dondoc judges it once (accumulator.ts keys them the same way) */
  rules: Array<{ key: string; rule: Rule }>;
}

/**
 * The rule kinds the check peer computes: every kind that reads students or staff but two.
 * Left out, and left out of the cross-check:
 * - explanations: its counts come from the unverified records *and* an explanations file,
 *   which the benchmark does not give; dondoc then reports no_data (0 of 0) for a unit with
 *   unverified records and 0 of 0 for the rest, so there is nothing to compute or compare.
 * - declared_totals: it also reads the profiles file, likewise not given: no_data everywhere.
 * The record rules but reference_set (which reads school profiles only), and freshness.
 */
const PEER_KINDS: ReadonlySet<Rule['kind']> = new Set<Rule['kind']>([...RECORD_RULE_KINDS.filter((kind) => kind !== 'reference_set'), 'freshness']);

/** The spec, and which rule (by its key) each covered requirement of the catalog (dondoc's own by default) states. */
export async function peerSpec(asOf: number, catalogDir?: string): Promise<{ spec: PeerSpec; ruleOf: Map<string, string> }> {
  const catalog = await loadCatalog(catalogDir);
  const rules = new Map<string, Rule>();
  const ruleOf = new Map<string, string>();
  for (const requirement of catalog.dispatches.flatMap((d) => d.requirements)) {
    const rule = requirement.rule;
    if (!PEER_KINDS.has(rule.kind) || (rule.entity !== 'students' && rule.entity !== 'staff')) continue;
    const key = JSON.stringify(rule);
    rules.set(key, rule);
    ruleOf.set(requirement.id, key);
  }
  const labels = {
    active: { students: spellings('students', 'status', STUDENT_ACTIVE), staff: spellings('staff', 'status', STAFF_ACTIVE) },
    verified: spellings('students', 'id_verification', new Set(['verified'])),
    levels: Object.fromEntries(LEVELS.flatMap((level) => spellings('students', 'level', new Set([level])).map((s) => [s, level]))),
  };
  return { spec: { asOf, labels, rules: [...rules].map(([key, rule]) => ({ key, rule })) }, ruleOf };
}

function spellings(entity: 'students' | 'staff', column: string, values: ReadonlySet<string>): string[] {
  const spec = COLUMNS[entity].find((c) => c.name === column) as ColumnSpec;
  return Object.entries(spec.labels ?? {})
    .filter(([canonical]) => values.has(canonical))
    .flatMap(([canonical, labels]) => [canonical, ...labels].map((s) => s.toLowerCase()));
}
