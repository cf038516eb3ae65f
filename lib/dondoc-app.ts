import type { App } from 'aws-cdk-lib';
import type { DondocConfig } from './config/dondoc-config.ts';
import { DondocDataStack } from './stacks/data-stack.ts';
import { DondocServiceStack } from './stacks/service-stack.ts';

export interface DondocStacks {
  data: DondocDataStack;
  service: DondocServiceStack;
}

/**
 * The two stacks, wired. bin/app.ts and the tests build the app through this one function,
 * so what the tests check is what `cdk deploy` deploys. The account comes from the CLI's
 * credentials; the region is fixed by the config so nothing drifts with a developer's profile.
 */
export function createDondocStacks(app: App, config: DondocConfig): DondocStacks {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region };
  const data = new DondocDataStack(app, 'DondocData', { env, config, description: 'dondoc: snapshots, table and dashboard users' });
  const service = new DondocServiceStack(app, 'DondocService', {
    env,
    config,
    snapshots: data.snapshots,
    table: data.table,
    ingestQueue: data.ingestQueue,
    users: data.users,
    description: 'dondoc: functions, schedules, dashboard API, email and alarms',
  });
  return { data, service };
}
