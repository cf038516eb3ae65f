import type { IdentitySource } from '../../core/report/identity.ts';
import { parseItem } from './parse-item.ts';
import { SummarySchema } from './summary-schema.ts';

/** The attributes of a summary item the identity report reads. */
export const IDENTITY_SOURCE_ATTRIBUTES = ['unit', 'entity', 'byLevel'] as const;

const IdentitySourceItem = SummarySchema.pick({ unit: true, entity: true, byLevel: true });

export function fromIdentitySourceItem(item: unknown): IdentitySource {
  return parseItem(IdentitySourceItem, item, 'summary figures');
}
