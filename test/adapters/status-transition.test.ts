import { describe, expect, it } from 'vitest';
import { transition } from '../../functions/adapters/dynamodb/status-transition.ts';

const T1 = 1_000;
const T2 = 2_000;

describe('transition', () => {
  it('reports a first status as a change from nothing', () => {
    expect(transition(undefined, 'pending', T1)).toEqual({ since: T1, change: { to: 'pending' } });
  });

  it('reports a different status as a change and remembers the one before', () => {
    expect(transition({ status: 'pending', evaluatedAt: T1, since: T1 }, 'overdue', T2)).toEqual({
      since: T2,
      previous: 'pending',
      change: { from: 'pending', to: 'overdue' },
    });
  });

  it('keeps the lineage and reports nothing when the status holds', () => {
    expect(transition({ status: 'overdue', evaluatedAt: T1, since: T1, previous: 'pending' }, 'overdue', T2)).toEqual({
      since: T1,
      previous: 'pending',
    });
  });

  it('reports the same change again when the evaluation that made it is written again', () => {
    const stored = { status: 'overdue' as const, evaluatedAt: T2, since: T2, previous: 'pending' as const };
    expect(transition(stored, 'overdue', T2)).toEqual({ since: T2, previous: 'pending', change: { from: 'pending', to: 'overdue' } });
    expect(transition({ status: 'pending', evaluatedAt: T1, since: T1 }, 'pending', T1)).toEqual({ since: T1, change: { to: 'pending' } });
  });
});
