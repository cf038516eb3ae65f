import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import type { UnitRequirementResult } from '../../functions/core/evaluation/types.ts';
import { PART_UNITS } from '../../functions/core/pipeline/plan-task.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { benchCatalog } from './bench-catalog.ts';
import { nationalParts, nationalRegistry, nationalResults } from './national-run.ts';
import { planBenchPart } from './plan-part.ts';

/**
 * Every part of a national daily run, one after the other in this process: the total time
 * against the one-go plan and DuckDB, the slowest part, and the parts' results written one
 * JSON line each to `out` for the finish. Prints one BENCH line on stderr for notify.ts.
 */
const [units, out] = [Number(process.argv[2]), process.argv[3] ?? ''];
const asOf = parseInstant('2023-06-12T08:00:00+07:00');
const catalog = benchCatalog(await loadCatalog());
const registry = nationalRegistry(units, Math.round(units / 70), 2023);
const parts = nationalParts(registry, PART_UNITS);
const byUnit = new Map<string, UnitRequirementResult[]>();
for (const r of nationalResults(catalog, registry, asOf, 2023)) {
  const list = byUnit.get(r.unit) ?? [];
  list.push(r);
  byUnit.set(r.unit, list);
}
const file = createWriteStream(out);
let ms = 0;
let slowest = { ms: 0, part: 0 };
let emails = 0;
let largest = { units: 0, part: 0 };
for (const [i, codes] of parts.entries()) {
  const results = codes.flatMap((code) => byUnit.get(code) ?? []);
  const started = performance.now();
  const part = planBenchPart(catalog, registry, String(i), codes, results, asOf);
  const took = performance.now() - started;
  ms += took;
  emails += part.emails;
  if (took > slowest.ms) slowest = { ms: took, part: i };
  if (codes.length > largest.units) largest = { units: codes.length, part: i };
  if (!file.write(`${JSON.stringify(part.result)}\n`)) await once(file, 'drain');
}
file.end();
await once(file, 'finish');
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, parts: parts.length, emails, slowest, largest })}\n`);
