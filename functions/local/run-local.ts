import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoStateStore } from '../adapters/dynamodb/dynamo-state-store.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import type { Catalog } from '../core/catalog/schema.ts';
import { whenAborted } from '../core/concurrency/when-aborted.ts';
import { DondocError } from '../core/errors.ts';
import { isoWeekday } from '../core/notify/run-days.ts';
import { formatVn, parseInstant, vnDate } from '../core/time.ts';
import { loadDemo } from './demo/load-demo.ts';
import { storedProgress } from './demo/stored-progress.ts';
import { formatSummary } from './stack/format-summary.ts';
import { watchInbox } from './stack/inbox-watcher.ts';
import { startLocalClock } from './stack/local-clock.ts';
import { LOCAL_NAMES } from './stack/local-names.ts';
import { startLocalStack, type LocalStack } from './stack/local-stack.ts';
import { readCompliance } from './stack/read-compliance.ts';
import { writeStackFile } from './stack/stack-file.ts';
import { ensureDashboardBuilt } from './web/dashboard-build.ts';
import { localApiDeps } from './web/local-api-deps.ts';
import { startLocalWeb, type LocalWeb } from './web/local-web.ts';
import { StopList } from './stop-list.ts';

export interface RunLocalOptions {
  dataDir: string;
  port: number;
  /** the day whose scheduled runs are played after start-up (ISO 8601); absent: only the live clock */
  asOf?: string;
  /**
   * the demo province, the day whose runs are played right after it is first loaded, and the
   * earlier digests played before that day so the overview's trend has points (ISO 8601, oldest first)
   */
  demo: { scale: number; seed: number; asOf: string; firstRun: string; trendRuns?: readonly string[] } | undefined;
  department: string;
  logLevel: string;
  /** keep the wall-clock schedules running (off in tests) */
  clock: boolean;
  /** build dashboard/dist when it is missing or older than its sources (default; tests build it once instead) */
  buildDashboard?: boolean;
  /** aborted (Ctrl-C) before the start is done: what was started stops, and the start rejects with INTERRUPTED */
  signal?: AbortSignal;
  print: (line: string) => void;
}

export interface RunningLocal {
  web: LocalWeb;
  stack: LocalStack;
  inbox: string;
  stop(): Promise<void>;
}

/**
 * `dondoc start`: the web server and the dashboard's build, the local services, the handlers,
 * the inbox folder, then (once what runs where is printed) the demo province, its runs and
 * the clock, in that order; ends with a summary.
 */
export async function runLocal(opts: RunLocalOptions): Promise<RunningLocal> {
  const startedAt = Date.now();
  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const catalog = await loadCatalog();
  /* The port first: a busy one is the likeliest failure, and should not wait for a build. */
  const web = await startLocalWeb(opts.port);
  /* A step that fails stops what the steps before it started: a stack half started must end the command, not hold it open on its servers. */
  const told = (err: unknown) => opts.print(`! ${err instanceof Error ? err.message : String(err)}`);
  const stops = new StopList(told);
  stops.add(() => web.stop());
  /* Ctrl-C, or a service lost mid-start: the start ends at once with why, rather than going on or failing request by request. */
  const halt = new AbortController();
  const interrupt = () => halt.abort(new DondocError('INTERRUPTED', INTERRUPTED_MESSAGE));
  if (opts.signal?.aborted) interrupt();
  else opts.signal?.addEventListener('abort', interrupt, { once: true });
  try {
    return await Promise.race([startOn(web, stops, { ...opts, dataDir, catalog, startedAt }, halt), halted(halt.signal)]);
  } catch (err) {
    /* The failure that stopped the start is the one to report; a service that also fails to stop is told, not thrown over it. */
    await stops.stopAll().catch(told);
    throw err;
  } finally {
    opts.signal?.removeEventListener('abort', interrupt);
  }
}

/** Everything after the web server, each thing started added to `stops`. */
async function startOn(
  web: LocalWeb,
  stops: StopList,
  opts: RunLocalOptions & { catalog: Catalog; startedAt: number },
  halt: AbortController,
): Promise<RunningLocal> {
  const { dataDir, catalog, startedAt } = opts;
  /* Halted meanwhile: the start has already been reported as ended; go no further. */
  const going = () => halt.signal.throwIfAborted();
  if (opts.buildDashboard !== false) {
    const started = Date.now();
    /* The pipeline runs without the page: a failed build leaves the server saying how to build it. */
    await ensureDashboardBuilt(undefined, () => opts.print('Đang dựng bảng điều khiển / building the dashboard…')).then(
      (built) => built && opts.print(`✓ Đã dựng bảng điều khiển / dashboard built in ${seconds(started)}`),
      (err: unknown) => opts.print(`! Không dựng được bảng điều khiển / dashboard build failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
  going();
  const stack = await startLocalStack({
    dataDir: join(dataDir, 'state'),
    department: opts.department,
    dashboardUrl: web.url,
    logLevel: opts.logLevel,
    onHandlerError: (queue, error) => opts.print(`! ${queue}: ${error instanceof Error ? error.message : String(error)}`),
  });
  stops.add(() => stack.stop());
  void stack.lost.then((err) => halt.abort(err));
  going();
  const store = new DynamoStateStore(DynamoDBDocumentClient.from(stack.dynamodb, { marshallOptions: { removeUndefinedValues: true } }), LOCAL_NAMES.table);
  const runSchedule = async (run: 'daily' | 'digest', asOf?: string) => {
    const started = Date.now();
    opts.print(`⏰ ${run === 'daily' ? 'Chạy hằng ngày / daily run' : 'Bản tin tuần / weekly digest'} ${asOf ?? formatVn(Date.now())}…`);
    const result = await stack.runSchedule(run, asOf);
    opts.print(`  ✓ ${seconds(started)}`);
    return result;
  };
  web.attach({ api: localApiDeps(stack, catalog), department: opts.department, mailboxUrl: stack.mailboxUrl, runSchedule });
  await writeStackFile(dataDir, { pid: process.pid, dashboard: web.url, mailbox: stack.mailboxUrl, s3: stack.endpoints.s3, bucket: LOCAL_NAMES.bucket, dataDir });
  const inbox = join(dataDir, 'inbox');
  /* Watched before the load: the folder is printed next, and a file dropped meanwhile queues behind the demo's. */
  await mkdir(inbox, { recursive: true });
  const stopInbox = await watchInbox({
    dir: inbox,
    upload: (name, body) => stack.upload(`snapshots/inbox/${Date.now()}-${name}`, body, { asOf: formatVn(Date.now()) }),
    onUploaded: (name) => opts.print(`📥 ${name}: đã tải lên / uploaded`),
    onError: (name, error) => opts.print(`! ${name}: ${error instanceof Error ? error.message : String(error)}`),
  });
  stops.add(stopInbox);
  going();
  /* The addresses before the long part: the page is usable at once and says when no run has landed yet. */
  opts.print(whereThingsRun(web, stack, dataDir, inbox));
  if (opts.demo) opts.print('Đang nạp dữ liệu mẫu; trang hiện số liệu khi lần chạy đầu xong / loading the demo: the page shows figures once its first run is done');

  let replay = opts.asOf;
  if (opts.demo) {
    going();
    const started = Date.now();
    const progress = storedProgress(store, async (at) => void (await runSchedule('digest', formatVn(parseInstant(at)))));
    const { loaded } = await loadDemo(stack, { cacheDir: join(dataDir, 'demo'), ...opts.demo, onProgress: opts.print }, progress);
    opts.print(loaded ? `✓ Đã nạp dữ liệu mẫu / demo province loaded in ${seconds(started)}` : '✓ Dữ liệu mẫu đã có từ lần trước / demo province kept from the last start');
    /* A restart keeps the statuses and emails of the last run: replaying it would change nothing. */
    if (!(await progress.played(opts.demo.firstRun))) replay ??= opts.demo.firstRun;
  }
  if (replay !== undefined) {
    going();
    const at = formatVn(parseInstant(replay));
    await runSchedule('daily', at);
    if (isoWeekday(vnDate(parseInstant(at))) === 1) await runSchedule('digest', at);
  }

  if (opts.clock) stops.add(startLocalClock(async (run, asOf) => void (await runSchedule(run, asOf))));

  going();
  opts.print(formatSummary(await readCompliance(store, catalog)));
  opts.print(`\n✓ Sẵn sàng / ready in ${seconds(startedAt)}: ${web.url}`);

  return {
    web,
    stack,
    inbox,
    stop: () => stops.stopAll(),
  };
}

/* The load resumes from what the table recorded, so stopping mid-way loses nothing but time. */
const INTERRUPTED_MESSAGE =
  'Đã dừng trước khi khởi động xong / stopped before the start was done: lần sau tiếp tục từ chỗ dừng / the next start takes up where this one stopped';

/** Rejects with the reason `signal` is aborted for, when it is. */
function halted(signal: AbortSignal): Promise<never> {
  return whenAborted(signal).then((reason) => {
    throw reason;
  });
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function whereThingsRun(web: LocalWeb, stack: LocalStack, dataDir: string, inbox: string): string {
  return [
    '',
    `Bảng điều khiển / dashboard   ${web.url}`,
    `Đăng nhập thử / sign in       ${web.url}/local/sign-in`,
    `Hộp thư / mailbox (SES)       ${stack.mailboxUrl}`,
    `S3 (s3rver)                   ${stack.endpoints.s3}  bucket ${LOCAL_NAMES.bucket}`,
    `DynamoDB (dynalite)           ${stack.endpoints.dynamodb}  table ${LOCAL_NAMES.table}`,
    `Thư mục dữ liệu / data folder ${dataDir}`,
    `Thả tệp vào / drop files into ${inbox}`,
    '',
  ].join('\n');
}
