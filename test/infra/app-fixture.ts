import fs from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { vi } from 'vitest';
import { readDondocConfig } from '../../lib/config/dondoc-config.ts';
import { PROJECT_ROOT, type HandlerName } from '../../lib/constructs/dondoc-function.ts';
import { createDondocStacks, type DondocStacks } from '../../lib/dondoc-app.ts';

export const HANDLERS: readonly HandlerName[] = ['ingest', 'planner', 'sender', 'ses-events', 'api'];

/** The context `cdk synth` starts from: the documented defaults and the feature flags. */
export const CDK_JSON_CONTEXT = (JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> })
  .context;

/* NodejsFunction checks that its entry file exists even when bundling is skipped. The
   handlers are written and tested on their own, so these tests answer that one question
   for the five entry paths and leave every other file-system lookup alone. */
const ENTRIES = new Set(HANDLERS.map((name) => `${PROJECT_ROOT}functions/handlers/${name}.ts`));

function answerForHandlerEntries(): void {
  if (vi.isMockFunction(fs.existsSync)) return;
  const realExistsSync = fs.existsSync;
  vi.spyOn(fs, 'existsSync').mockImplementation((path) => (typeof path === 'string' && ENTRIES.has(path)) || realExistsSync(path));
}

export interface BuiltApp extends DondocStacks {
  app: App;
  dataTemplate: Template;
  serviceTemplate: Template;
}

/** The whole app as bin/app.ts builds it under `cdk synth`, without bundling; `context` plays `-c key=value`. */
export function buildApp(context: Record<string, unknown> = {}): BuiltApp {
  answerForHandlerEntries();
  const app = new App({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = createDondocStacks(app, readDondocConfig((key) => app.node.tryGetContext(key)));
  return {
    app,
    ...stacks,
    dataTemplate: Template.fromStack(stacks.data),
    serviceTemplate: Template.fromStack(stacks.service),
  };
}
