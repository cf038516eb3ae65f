import { objectKey } from './keys.ts';

export function toProcessedObjectItem(key: string, version: string, outcome: 'applied' | 'rejected', processedAt: number): Record<string, unknown> {
  return { ...objectKey(key, version), key, version, outcome, processedAt };
}
