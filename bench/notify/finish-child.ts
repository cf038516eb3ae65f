import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { planFinish } from '../../functions/core/notify/plan-finish.ts';
import { mergeParts } from '../../functions/core/pipeline/finish-run.ts';
import { PartResult } from '../../functions/core/pipeline/part-result.ts';
import { toOutbound } from '../../functions/core/pipeline/to-outbound.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { benchCatalog } from './bench-catalog.ts';
import { DEPARTMENT, nationalRegistry } from './national-run.ts';
import { DASHBOARD } from './plan-part.ts';

/**
 * The finish of a national run in a process of its own: the parts' results read one line at a
 * time (as the finish pages through the run's partition), merged, the department's
 * escalations and the digest planned and rendered as queued messages. Prints one BENCH line on stderr.
 */
const [units, input] = [Number(process.argv[2]), process.argv[3] ?? ''];
const asOf = parseInstant('2023-06-12T08:00:00+07:00');
const catalog = benchCatalog(await loadCatalog());
const department = nationalRegistry(1, 0, 2023).get(DEPARTMENT);
async function* parts() {
  for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) if (line !== '') yield PartResult.parse(JSON.parse(line));
}
const started = performance.now();
const merged = await mergeParts(parts());
const plan = planFinish(
  { catalog, registry: new Map(department ? [[DEPARTMENT, department]] : []), department: DEPARTMENT, asOf, alreadySent: () => false },
  merged.escalations,
  merged.digest,
);
/* Rendered as the notification queue carries them; SQS takes at most 256 KiB a message. */
let largestEmailKb = 0;
for (const message of plan.messages) largestEmailKb = Math.max(largestEmailKb, Buffer.byteLength(JSON.stringify(toOutbound(message, DASHBOARD))) / 1024);
const ms = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, units, partsUnits: merged.totals.units, emails: plan.messages.length, rollups: merged.rollups.length, largestEmailKb })}\n`);
