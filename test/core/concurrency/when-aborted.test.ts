import { expect, it } from 'vitest';
import { whenAborted } from '../../../functions/core/concurrency/when-aborted.ts';

it('settles with the reason once the signal is aborted, not before', async () => {
  const controller = new AbortController();
  let settled: unknown = 'pending';
  const waiting = whenAborted(controller.signal).then((reason) => (settled = reason));
  await Promise.resolve();
  expect(settled).toBe('pending');
  const reason = new Error('stop');
  controller.abort(reason);
  await waiting;
  expect(settled).toBe(reason);
});

it('settles at once for a signal already aborted', async () => {
  await expect(whenAborted(AbortSignal.abort('gone'))).resolves.toBe('gone');
});
