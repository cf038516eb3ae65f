import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalQueue } from '../../../functions/local/queue/local-queue.ts';

/* What one invocation does: answer which records failed, throw, or answer something Lambda rejects. */
const Invocation = fc.oneof(
  fc.record({ kind: fc.constant('partial' as const), fails: fc.array(fc.boolean(), { maxLength: 10 }) }),
  fc.record({ kind: fc.constant('throw' as const) }),
  fc.record({ kind: fc.constant('stranger' as const) }),
);
type Invocation = typeof Invocation extends fc.Arbitrary<infer T> ? T : never;

describe('LocalQueue, for any sequence of consumer outcomes', () => {
  it('ends every message exactly once: deleted after one success, or dead-lettered after maxReceiveCount failures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(Invocation, { minLength: 1, maxLength: 30 }),
        async (messages, batchSize, maxReceiveCount, script) => {
          const succeeded = new Map<string, number>();
          const receives = new Map<string, number>();
          let invocation = 0;
          let failedWhole = 0;
          const consumer = async (event: SQSEvent): Promise<SQSBatchResponse> => {
            const step = script[invocation++ % script.length] as Invocation;
            for (const r of event.Records) receives.set(r.messageId, Number(r.attributes.ApproximateReceiveCount));
            if (step.kind !== 'partial') failedWhole += 1;
            if (step.kind === 'throw') throw new Error('consumer failed');
            if (step.kind === 'stranger') return { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] };
            const failed = event.Records.filter((_, i) => step.fails[i] ?? false);
            for (const r of event.Records.filter((r) => !failed.includes(r))) succeeded.set(r.messageId, (succeeded.get(r.messageId) ?? 0) + 1);
            return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
          };
          const errors: unknown[] = [];
          const queue = new LocalQueue('dondoc-property', {
            consumer,
            batchSize,
            maxReceiveCount,
            visibilityTimeoutMs: 0,
            maxVisibilityTimeoutMs: 0,
            onError: (error) => errors.push(error),
          });
          try {
            const ids = queue.sendBatch(Array.from({ length: messages }, (_, i) => `m${i}`));
            await queue.idle();

            const dead = queue.deadLetters().map((r) => r.messageId);
            for (const id of ids) {
              expect((succeeded.get(id) ?? 0) + dead.filter((d) => d === id).length).toBe(1);
              expect(receives.get(id)).toBeLessThanOrEqual(maxReceiveCount);
            }
            for (const id of dead) expect(receives.get(id)).toBe(maxReceiveCount);
            const stats = queue.stats();
            expect(stats).toMatchObject({ sent: messages, deleted: succeeded.size, deadLettered: dead.length, depth: 0 });
            expect(stats.consumerErrors).toBe(failedWhole);
            expect(errors).toHaveLength(failedWhole);
          } finally {
            await queue.stop();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
