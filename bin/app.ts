import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDondocConfig } from '../lib/config/dondoc-config.ts';
import { createDondocStacks } from '../lib/dondoc-app.ts';

const app = new App();
createDondocStacks(app, readDondocConfig((key) => app.node.tryGetContext(key)));
/* Synthesis fails on any AwsSolutions finding that is not acknowledged with a reason. */
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
