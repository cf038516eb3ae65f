import type { TestProject } from 'vitest/node';
import { ensureDashboardBuilt } from '../../functions/local/web/dashboard-build.ts';
import { CHROMIUM_PATH, launchChromiumServer } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumWsEndpoint: string;
  }
}

/* Once per run, not per file: vite's build and chromium's start are the slow parts. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureDashboardBuilt();
  const server = await launchChromiumServer().catch((error: unknown) => {
    throw new Error(`chromium did not start from ${CHROMIUM_PATH} (Debian: apt-get install -y chromium, as .ci/run does; or set DONDOC_CHROMIUM)`, { cause: error });
  });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
