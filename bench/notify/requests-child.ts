import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDondocTable } from '../../functions/adapters/dynamodb/create-table.ts';
import { DynamoNotificationLog } from '../../functions/adapters/dynamodb/dynamo-notification-log.ts';
import { DynamoRunStore } from '../../functions/adapters/dynamodb/dynamo-run-store.ts';
import { DynamoStateStore } from '../../functions/adapters/dynamodb/dynamo-state-store.ts';
import { loadCatalog } from '../../functions/core/catalog/load.ts';
import { summariseSnapshot } from '../../functions/core/ingest/summarise-snapshot.ts';
import type { OutboundEmail } from '../../functions/core/outbox/outbound-email.ts';
import { finishRun, type RunSummary } from '../../functions/core/pipeline/finish-run.ts';
import type { PlanTask } from '../../functions/core/pipeline/plan-task.ts';
import type { RunDeps } from '../../functions/core/pipeline/run-deps.ts';
import { runPart } from '../../functions/core/pipeline/run-part.ts';
import { startRun } from '../../functions/core/pipeline/start-run.ts';
import { fileInput } from '../../functions/core/snapshot/open-snapshot.ts';
import { parseInstant } from '../../functions/core/time.ts';
import { generateProvince } from '../../functions/demo/generate-province.ts';
import { DEPARTMENT_CODE } from '../../functions/demo/province-units.ts';
import { startLocalDynamo } from '../../functions/local/services/local-dynamodb.ts';
import { benchCatalog } from './bench-catalog.ts';

/**
 * DynamoDB requests per unit of a real daily run, fanned out: a small generated province in
 * dynalite, the run of 12/6/2023 with the benchmark's ten requirements (its start, every part,
 * its finish), every request counted by a middleware on the client. The emails are counted,
 * not sent.
 */
const started = performance.now();
const dir = await mkdtemp(join(tmpdir(), 'dondoc-bench-requests-'));
const dynamo = await startLocalDynamo();
try {
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  await createDondocTable(client, 'dondoc-bench');
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  let requests = 0;
  client.middlewareStack.add((next) => (args) => {
    requests += 1;
    return next(args);
  }, { step: 'initialize', name: 'countRequests' });
  const store = new DynamoStateStore(documents, 'dondoc-bench');
  const catalog = benchCatalog(await loadCatalog());
  const asOf = parseInstant('2023-06-12T08:00:00+07:00');
  const province = await generateProvince(dir, { scale: 0.05, seed: 2023 });
  const requirements = catalog.dispatches.flatMap((d) => d.requirements);
  for (const file of [province.files.units, province.files.students, province.files.staff]) {
    const summary = await summariseSnapshot(fileInput(file), requirements, { asOf: parseInstant('2023-05-25T08:00:00+07:00') });
    if (summary.registry.length > 0) await store.putUnits(summary.registry, asOf);
    for (const s of summary.summaries) await store.applySummary(s);
  }
  let emails = 0;
  const outbox = { enqueue: async (batch: readonly OutboundEmail[]) => void (emails += batch.length) };
  const tasks: PlanTask[] = [];
  const base = {
    store,
    runs: new DynamoRunStore(documents, 'dondoc-bench'),
    log: new DynamoNotificationLog(documents, 'dondoc-bench'),
    outbox,
    plans: { enqueue: async (queued: readonly PlanTask[]) => void tasks.push(...queued) },
    catalog,
    department: DEPARTMENT_CODE,
    dashboardUrl: 'https://dondoc.example.gov.vn',
  };
  /* The start, every part and the finish, one after the other as the plan queue would hand them out. */
  const dailyRun = async (deps: RunDeps): Promise<RunSummary | undefined> => {
    await startRun(deps, 'daily');
    let summary: RunSummary | undefined;
    for (let task = tasks.shift(); task !== undefined; task = tasks.shift()) {
      if (task.task === 'part') await runPart(deps, task.run, task.part);
      else summary = await finishRun(deps, task.run);
    }
    return summary;
  };
  requests = 0;
  const first = await dailyRun({ ...base, now: () => asOf });
  const firstRequests = requests;
  requests = 0;
  await dailyRun({ ...base, now: () => asOf + 86_400_000 });
  const ms = performance.now() - started;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const units = first?.units ?? 0;
  process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRssMb, units, parts: first?.parts, first: firstRequests / units, next: requests / units, emails })}\n`);
  documents.destroy();
  client.destroy();
} finally {
  await dynamo.stop();
  await rm(dir, { recursive: true, force: true });
}
