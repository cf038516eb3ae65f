import type { UnitEntitySummary } from '../../core/evaluation/types.ts';
import { fitSummary } from './fit-summary.ts';
import { summaryKey } from './keys.ts';
import { parseItem } from './parse-item.ts';
import { plainData } from './plain-data.ts';
import { SummarySchema } from './summary-schema.ts';

/** The stored form: whitelisted fields only, cut to fit, `codesCap` recorded when it was cut. */
export function toSummaryItem(summary: UnitEntitySummary): Record<string, unknown> {
  const fitted = fitSummary(plainData(SummarySchema.parse(summary)));
  return {
    ...summaryKey(fitted.summary.unit, fitted.summary.entity),
    ...fitted.summary,
    ...(fitted.codesCap === undefined ? {} : { codesCap: fitted.codesCap }),
  };
}

export function fromSummaryItem(item: unknown): UnitEntitySummary {
  return parseItem(SummarySchema, item, 'summary');
}
