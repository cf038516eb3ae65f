import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { runLocal, type RunningLocal } from '../../functions/local/run-local.ts';
import { connectChromium, signInAs } from './chromium.ts';
import { AS_OF, DEPARTMENT, RUNS, STUDENT_FILES, UNITS_CSV } from './fixture-province.ts';

export interface BrowserStack {
  url: string;
  running: RunningLocal;
  /** a fresh browser context (its own cookies), signed in as the unit `code` */
  pageAs(code: string): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * `dondoc start` on random ports with the fixture province loaded through the bucket and
 * its daily runs played, and the run's shared chromium. The dashboard is the one the
 * global setup built.
 */
export async function startBrowserStack(): Promise<BrowserStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-browser-'));
  const running = await runLocal({ dataDir, port: 0, demo: undefined, department: DEPARTMENT, logLevel: 'WARN', clock: false, buildDashboard: false, print: () => undefined });
  const { stack } = running;
  await stack.upload('snapshots/units/fixture/units.csv', UNITS_CSV, { asOf: AS_OF });
  await stack.idle();
  for (const { unit, csv } of STUDENT_FILES) await stack.upload(`snapshots/students/${unit}/students.csv`, csv, { asOf: AS_OF, unit });
  await stack.idle();
  for (const run of RUNS) await stack.runSchedule('daily', run);

  const browser: Browser = await connectChromium(inject('chromiumWsEndpoint'));
  const contexts: BrowserContext[] = [];
  return {
    url: running.web.url,
    running,
    async pageAs(code) {
      const context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      contexts.push(context);
      const page = await context.newPage();
      await signInAs(page, running.web.url, code);
      return page;
    },
    async stop() {
      await Promise.all(contexts.map((c) => c.close()));
      await browser.close();
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
