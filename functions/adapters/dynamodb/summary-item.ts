import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { UnitEntitySummary } from '../../core/evaluation/types.ts';
import { AdapterError } from '../adapter-error.ts';
import { fitSummary } from './fit-summary.ts';
import { summaryKey } from './keys.ts';
import { parseItem } from './parse-item.ts';
import { plainData } from './plain-data.ts';
import { SummaryCache } from './summary-cache.ts';
import { SummarySchema } from './summary-schema.ts';

/**
 * The stored form: the whitelisted summary, cut to fit, gzip'd whole into `body`. A summary
 * is only ever written and read whole, and as attributes its tallies, classes and code lists
 * are hundreds of nested values that the SDK and the table walk one by one; compressed, it is
 * one value and under a third of the bytes, so of the write units on AWS. Beside it stay the
 * attributes a request names: `asOf` (the write condition) and `unit`, `entity`, `byLevel`
 * (the identity report's projection); `codesCap` when the code lists were cut.
 */
export function toSummaryItem(summary: UnitEntitySummary): Record<string, unknown> {
  const fitted = fitSummary(plainData(SummarySchema.parse(summary)));
  const { unit, entity, asOf, byLevel } = fitted.summary;
  return {
    ...summaryKey(unit, entity),
    unit,
    entity,
    asOf,
    ...(byLevel === undefined ? {} : { byLevel }),
    body: gzipSync(JSON.stringify(fitted.summary)),
    ...(fitted.codesCap === undefined ? {} : { codesCap: fitted.codesCap }),
  };
}

const CompressedSummary = z.object({ body: z.instanceof(Uint8Array) });

/**
 * Summaries decoded in this process, shared by every store in it. The bound is on their JSON
 * text: a full-scale demo province's 3,565 summaries are about 13 MB of it, and their parsed
 * objects take two to three times that on the heap.
 */
const decoded = new SummaryCache<UnitEntitySummary>(16 * 1024 * 1024);

/** A summary as stored; the same decoded value (frozen) for every read of the same body. */
export function fromSummaryItem(item: unknown): UnitEntitySummary {
  /* A data folder kept from before bodies were compressed holds summaries as plain attributes. */
  if (typeof item === 'object' && item !== null && !('body' in item)) return parseItem(SummarySchema, item, 'summary');
  const { body } = parseItem(CompressedSummary, item, 'summary');
  return decoded.valueOf(body, () => {
    let json: string;
    let summary: unknown;
    try {
      json = gunzipSync(body).toString('utf8');
      summary = JSON.parse(json);
    } catch (cause) {
      const { PK, SK } = item as { PK?: unknown; SK?: unknown };
      throw new AdapterError('CORRUPT_ITEM', 'unreadable summary item: its body is not gzip’d JSON', { cause, details: { key: { PK, SK } } });
    }
    return { value: parseItem(SummarySchema, summary, 'summary'), size: json.length };
  });
}
