import { z } from 'zod';
import type { Finding } from '../../core/notify/types.ts';
import { findingKey } from './keys.ts';
import { parseItem } from './parse-item.ts';

/* A finding stays readable for a month; the daily run writes the current ones again each day. */
const KEEP_SECONDS = 31 * 86_400;

const FindingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('missing_email'), unit: z.string(), field: z.enum(['officer_email', 'head_email']) }),
  z.object({ kind: z.literal('not_in_registry'), unit: z.string() }),
  z.object({ kind: z.literal('no_recipient'), unit: z.string(), requirement: z.string(), stage: z.string() }),
]);
const FindingItem = z.object({ day: z.iso.date(), finding: FindingSchema });

function detail(finding: Finding): string {
  switch (finding.kind) {
    case 'missing_email':
      return `${finding.kind}#${finding.field}`;
    case 'not_in_registry':
      return finding.kind;
    case 'no_recipient':
      return `${finding.kind}#${finding.requirement}#${finding.stage}`;
  }
}

export function toFindingItem(day: string, finding: Finding, now: number): Record<string, unknown> {
  return { ...findingKey(finding.unit, day, detail(finding)), day, finding, ttl: Math.floor(now / 1000) + KEEP_SECONDS };
}

export function fromFindingItem(item: unknown): Finding {
  return parseItem(FindingItem, item, 'finding').finding;
}
