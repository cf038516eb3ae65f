import { describe, expect, it } from 'vitest';
import { StopList } from '../../functions/local/stop-list.ts';

describe('StopList', () => {
  it('stops last-started first, once', async () => {
    const stopped: string[] = [];
    const stops = new StopList();
    for (const name of ['web', 'stack', 'inbox']) stops.add(() => void stopped.push(name));
    await stops.stopAll();
    await stops.stopAll();
    expect(stopped).toEqual(['inbox', 'stack', 'web']);
  });

  it('stops the others when one fails, then throws that failure', async () => {
    const stopped: string[] = [];
    const stops = new StopList();
    stops.add(() => void stopped.push('web'));
    stops.add(() => Promise.reject(new Error('dynalite would not stop')));
    stops.add(async () => void stopped.push('inbox'));
    await expect(stops.stopAll()).rejects.toThrow('dynalite would not stop');
    expect(stopped).toEqual(['inbox', 'web']);
  });

  it('throws every failure when several stops fail', async () => {
    const stops = new StopList();
    stops.add(() => {
      throw new Error('a');
    });
    stops.add(() => Promise.reject(new Error('b')));
    const failure = await stops.stopAll().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).errors.map((e: Error) => e.message)).toEqual(['b', 'a']);
  });

  it('stops at once what is added after everything was stopped, and tells its failure', async () => {
    const stopped: string[] = [];
    const late: unknown[] = [];
    const stops = new StopList((err) => late.push(err));
    stops.add(() => void stopped.push('web'));
    await stops.stopAll();
    stops.add(() => void stopped.push('stack started meanwhile'));
    stops.add(() => Promise.reject(new Error('inbox would not stop')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toEqual(['web', 'stack started meanwhile']);
    expect(late).toEqual([new Error('inbox would not stop')]);
  });
});
