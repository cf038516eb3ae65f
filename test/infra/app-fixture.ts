import fs from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readDondocConfig } from '../../lib/config/dondoc-config.ts';
import { createDondocStacks, type DondocStacks } from '../../lib/dondoc-app.ts';

/** The context `cdk synth` starts from: the documented defaults and the feature flags. */
export const CDK_JSON_CONTEXT = (JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> })
  .context;

export interface BuiltApp extends DondocStacks {
  app: App;
  dataTemplate: Template;
  serviceTemplate: Template;
}

/** The whole app as bin/app.ts builds it under `cdk synth`, without bundling; `context` plays `-c key=value`. */
export function buildApp(context: Record<string, unknown> = {}): BuiltApp {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = createDondocStacks(app, readDondocConfig((key) => app.node.tryGetContext(key)));
  return {
    app,
    ...stacks,
    dataTemplate: Template.fromStack(stacks.data),
    serviceTemplate: Template.fromStack(stacks.service),
  };
}
