import { describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/aws-clients.ts';

describe('the DynamoDB client the handlers share', () => {
  it('has no SDK logger middleware, whose filter would copy every item for a logger that discards it', () => {
    const names = documentClient().middlewareStack.identify();
    expect(names.some((name) => name.startsWith('loggerMiddleware'))).toBe(false);
    expect(names.length).toBeGreaterThan(0);
  });
});
