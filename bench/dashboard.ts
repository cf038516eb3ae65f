import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { DynamoStateStore } from '../functions/adapters/dynamodb/dynamo-state-store.ts';
import { REGISTRY_SHARDS } from '../functions/core/ports/state-store.ts';
import { DEPARTMENT_CODE } from '../functions/demo/province-units.ts';
import { closeServer, listenOnLoopback } from '../functions/local/services/listening.ts';
import { LOCAL_NAMES } from '../functions/local/stack/local-names.ts';
import { DASHBOARD_DIST } from '../functions/local/web/dashboard-build.ts';
import { StaticSite } from '../functions/local/web/static-site.ts';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from '../test/browser/chromium.ts';
import { scaleArg, startDemoLocal } from './demo-local.ts';

/**
 * `npm run bench:dashboard [-- --scale n]`: the department's overview on the demo province in
 * chromium, cold cache each time: bytes transferred (compressed as served), first contentful
 * paint, and the moment the requirement figures are on the page. The peer, in the same run,
 * is the very same page and build served as static files with the API's answers inlined in
 * index.html: what is left is the cost of asking the API.
 */
const RUNS = 7;
/* The overview is interactive once a requirement card shows its figures. */
const READY = '[data-testid="req-card"] [data-testid="fig-overdue"]';

interface Load {
  bytes: number;
  decoded: number;
  fcp: number;
  interactive: number;
  /** the slowest API call of the load, by the browser's clock */
  slowestApi: { path: string; ms: number } | undefined;
}

/* Run in the page, so written as page script: the project's types have no DOM. */
const MARK_INTERACTIVE = `new MutationObserver((_, observer) => {
  if (document.querySelector(${JSON.stringify(READY)}) !== null) { window.__interactive = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;
const READ_TIMINGS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const api = resources.filter((r) => new URL(r.name).pathname.startsWith('/api/')).sort((a, b) => b.duration - a.duration)[0];
  return {
    bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    decoded: nav.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    interactive: window.__interactive ?? NaN,
    slowestApi: api && { path: new URL(api.name).pathname, ms: api.duration },
  };
})()`;

async function load(browser: Browser, url: string, signIn?: { base: string; code: string }): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    if (signIn) await context.request.post(`${signIn.base}/local/sign-in`, { form: { code: signIn.code }, maxRedirects: 0 });
    const page = await context.newPage();
    await page.addInitScript({ content: MARK_INTERACTIVE });
    await page.goto(url);
    await page.waitForFunction('window.__interactive !== undefined', undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return (await page.evaluate(READ_TIMINGS)) as Load;
  } finally {
    await context.close();
  }
}

/** What the page asks the server for on this load, path and query → body, for the peer to inline. */
async function recordAnswers(browser: Browser, url: string, code: string): Promise<Record<string, string>> {
  const context = await browser.newContext();
  try {
    await context.request.post(`${url}/local/sign-in`, { form: { code }, maxRedirects: 0 });
    const page = await context.newPage();
    const answers: Record<string, string> = {};
    page.on('response', (response) => {
      const { pathname, search } = new URL(response.url());
      if (pathname.startsWith('/api/') || pathname === '/config.json') void response.text().then((body) => (answers[pathname + search] = body));
    });
    await page.goto(`${url}/`);
    await page.locator(READY).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return answers;
  } finally {
    await context.close();
  }
}

/* The peer's index.html answers the page's fetches from the inlined JSON, before the app's module runs. */
async function peerSite(answers: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-peer-'));
  await cp(DASHBOARD_DIST, dir, { recursive: true });
  const data = JSON.stringify(answers).replaceAll('<', '\\u003c');
  const shim = `<script>(()=>{const data=${data};const real=window.fetch.bind(window);window.fetch=(input,init)=>{const u=new URL(typeof input==='string'?input:input.url,location.href);const body=data[u.pathname+u.search];return body===undefined?real(input,init):Promise.resolve(new Response(body,{headers:{'content-type':'application/json'}}));};})();</script>`;
  const index = join(dir, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace('<head>', `<head>${shim}`));
  return dir;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/* Checked before the demo stack starts: on a machine where only `npm ci` ran, the part is skipped, and `npm run bench` goes on. */
if (!chromiumInstalled()) {
  console.log(
    `\nBỏ qua phần bảng điều khiển: không có chromium tại ${CHROMIUM_PATH} (cài bằng \`apt-get install -y chromium\` hoặc chỉ đường dẫn qua DONDOC_CHROMIUM)` +
      `\ndashboard benchmark skipped: no chromium at ${CHROMIUM_PATH} (install it with \`apt-get install -y chromium\` or point DONDOC_CHROMIUM at one)`,
  );
  process.exit(0);
}

const scale = scaleArg();
const running = await startDemoLocal(scale);
const browser = await launchChromium();
const peerDir = await peerSite(await recordAnswers(browser, running.web.url, DEPARTMENT_CODE));
const site = new StaticSite(peerDir);
const peerServer = createServer((req, res) => {
  void site.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname, req.headers['accept-encoding']).then((file) => {
    if (file === undefined) return void res.writeHead(500).end();
    res.writeHead(file.status, file.headers).end(file.body);
  });
});
const peerUrl = await listenOnLoopback(peerServer, 0);
try {
  const store = new DynamoStateStore(DynamoDBDocumentClient.from(running.stack.dynamodb), LOCAL_NAMES.table);
  let units = 0;
  for (let shard = 0; shard < REGISTRY_SHARDS; shard++) for await (const _ of store.listShard(shard)) units++;

  const signIn = { base: running.web.url, code: DEPARTMENT_CODE };
  /* One load each first: the server compresses each asset once, and the JIT warms up. */
  await load(browser, `${running.web.url}/`, signIn);
  await load(browser, `${peerUrl}/`);
  const dashboard: Load[] = [];
  const peer: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    dashboard.push(await load(browser, `${running.web.url}/`, signIn));
    peer.push(await load(browser, `${peerUrl}/`));
  }
  const row = (name: string, loads: Load[]) => [name, kb(median(loads.map((l) => l.bytes))), kb(median(loads.map((l) => l.decoded))), ms(median(loads.map((l) => l.fcp))), ms(median(loads.map((l) => l.interactive)))];
  const ratio = (pick: (l: Load) => number) => (median(dashboard.map(pick)) / median(peer.map(pick))).toFixed(2);
  const rows = [
    ['', 'transferred', 'decoded', 'first paint', 'interactive'],
    row('dashboard (local server + API)', dashboard),
    row('peer (same build, JSON inlined)', peer),
    ['ratio dashboard / peer', ratio((l) => l.bytes), ratio((l) => l.decoded), ratio((l) => l.fcp), ratio((l) => l.interactive)],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  console.log(`\nTổng quan của Sở / the department's overview — ${units} đơn vị / units (scale ${scale}), chromium headless, median of ${RUNS} cold loads`);
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  const slowest = dashboard.map((l) => l.slowestApi).filter((a) => a !== undefined);
  const worst = slowest.sort((a, b) => a.ms - b.ms)[Math.floor(slowest.length / 2)];
  if (worst) console.log(`slowest API call (median load): ${worst.path} ${ms(worst.ms)}`);
} finally {
  await closeServer(peerServer);
  await browser.close();
  await running.stop();
  await rm(peerDir, { recursive: true, force: true });
}
