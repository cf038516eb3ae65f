import { gzipSync } from 'node:zlib';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { PART_UNITS } from '../../functions/core/pipeline/plan-task.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { benchCatalog } from './bench-catalog.ts';
import { nationalParts, nationalRegistry, nationalResults } from './national-run.ts';
import { planBenchPart } from './plan-part.ts';

/**
 * One part of a national run in a process of its own, as one plan-worker invocation holds it:
 * its results only (the registry is generated whole here, which a worker never loads, so the
 * peak is an upper bound). Prints one BENCH line on stderr for notify.ts.
 */
const [units, index] = [Number(process.argv[2]), Number(process.argv[3])];
const asOf = parseInstant('2023-06-12T08:00:00+07:00');
const catalog = benchCatalog(await loadCatalog());
const registry = nationalRegistry(units, Math.round(units / 70), 2023);
const codes = nationalParts(registry, PART_UNITS)[index] ?? [];
const mine = new Set(codes);
const results = nationalResults(catalog, registry, asOf, 2023, (unit) => mine.has(unit));
const dataRssMb = process.memoryUsage().rss / 1024 / 1024;
const started = performance.now();
const part = planBenchPart(catalog, registry, String(index), codes, results, asOf);
const ms = performance.now() - started;
/* What the part's item stores (run-items.ts): its result, gzip'd. */
const resultKb = gzipSync(JSON.stringify(part.result)).byteLength / 1024;
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, dataRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024, units: codes.length, results: results.length, emails: part.emails, resultKb })}\n`);
