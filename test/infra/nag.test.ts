import { Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from './app-fixture.ts';

let built: BuiltApp;

beforeAll(() => {
  // buildApp synthesises both stacks, so the tree cdk-nag walks is the one that deploys.
  built = buildApp({ adminEmails: 'ops@sgd.edu.vn', senderDomain: 'example.gov.vn' });
});

function acknowledgements(root: IConstruct): { path: string; id: string; reason: unknown }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({ path: construct.node.path, id, reason }))),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged violation anywhere in the app', () => {
    const report = new AwsSolutionsChecks().validateScope(built.app);
    expect(report.violations.map((v) => ({ rule: v.ruleName, at: v.violatingResources.map((r) => r.constructPath) }))).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('has a written reason for every acknowledgement', () => {
    const acks = acknowledgements(built.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(typeof ack.reason, `${ack.path} ${ack.id}`).toBe('string');
      expect((ack.reason as string).trim().length, `${ack.path} ${ack.id}`).toBeGreaterThan(30);
    }
  });

  it('acknowledges findings one by one, never a wildcard rule as a whole', () => {
    for (const ack of acknowledgements(built.app)) {
      if (ack.id.includes('AwsSolutions-IAM5')) expect(ack.id, ack.path).toMatch(/AwsSolutions-IAM5\[.+\]$/);
    }
  });

  it('still catches a violation, so an empty report means something', () => {
    const probe = buildApp();
    new Bucket(probe.data, 'Unprotected');
    const rules = new AwsSolutionsChecks().validateScope(probe.app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
