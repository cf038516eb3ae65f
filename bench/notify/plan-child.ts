import { writeFile } from 'node:fs/promises';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { planNotifications } from '../../functions/core/notify/plan-notifications.ts';
import { renderEmail } from '../../functions/core/notify/templates/render-email.ts';
import { formatVn, parseInstant, vnDate } from '../../functions/core/time.ts';
import { DEPARTMENT, nationalRegistry, nationalResults } from './national-run.ts';
import { benchCatalog } from './bench-catalog.ts';

/**
 * One national daily run's planning in this process: the plan and every email rendered.
 * The registry and results are built first and not timed; with `--csv F` they are also
 * written for the DuckDB peer. Prints one BENCH line on stderr for notify.ts.
 */
const [units, csv] = [Number(process.argv[2]), process.argv[3]];
const asOf = parseInstant('2023-06-12T08:00:00+07:00');
const catalog = benchCatalog(await loadCatalog());
const registry = nationalRegistry(units, Math.round(units / 70), 2023);
const results = nationalResults(catalog, registry, asOf, 2023);
if (csv !== undefined) {
  const lines = ['unit,parent,requirement,status,deadline_day'];
  for (const r of results) lines.push([r.unit, registry.get(r.unit)?.parentCode ?? '', r.requirement, r.status, r.deadline === undefined ? '' : vnDate(r.deadline)].join(','));
  await writeFile(csv, `${lines.join('\n')}\n`);
}
const dataRssMb = process.memoryUsage().rss / 1024 / 1024;
const started = performance.now();
const plan = planNotifications({ catalog, registry, results, department: DEPARTMENT, asOf, alreadySent: () => false });
let bytes = 0;
for (const message of plan.messages) {
  const email = renderEmail(message, { dashboardUrl: 'https://dondoc.example.gov.vn' });
  bytes += email.html.length + email.text.length;
}
const ms = performance.now() - started;
const kinds = { reminder: 0, escalation: 0, digest: 0 };
for (const m of plan.messages) kinds[m.kind] += 1;
process.stderr.write(
  `\nBENCH ${JSON.stringify({ code: 0, ms, dataRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024, results: results.length, messages: plan.messages.length, kinds, mb: bytes / 1e6, asOf: formatVn(asOf) })}\n`,
);
