import type { UnitEntitySummary } from '../../core/evaluation/types.ts';
import { AdapterError } from '../adapter-error.ts';

/**
 * DynamoDB refuses items over 400 KB. The budget leaves room for keys and attribute
 * overhead, and the estimate (UTF-8 bytes of the JSON form) is above DynamoDB's own count
 * for these items, so a summary under budget always fits.
 */
export const SUMMARY_BUDGET_BYTES = 350_000;

/** The first cap tried when a summary is over budget; it halves until the summary fits. */
export const FIRST_CODES_CAP = 4_096;

export interface FittedSummary {
  summary: UnitEntitySummary;
  /** set when code lists were cut: each list (and each explanations map) kept its first `codesCap` entries */
  codesCap?: number;
}

export function estimatedBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Brings a summary under the item budget by cutting its code lists, never its counts: every
 * tally's `failing` / `warning` and the identity tallies stay true, so a list shorter than
 * its count is known to be cut. Only a unit with thousands of failing records is ever cut;
 * the explanations rule then sees the kept unverified codes only.
 */
export function fitSummary(summary: UnitEntitySummary, budget = SUMMARY_BUDGET_BYTES): FittedSummary {
  if (estimatedBytes(summary) <= budget) return { summary };
  for (let cap = FIRST_CODES_CAP; ; cap = Math.floor(cap / 2)) {
    const cut = capCodes(summary, cap);
    if (estimatedBytes(cut) <= budget) return { summary: cut, codesCap: cap };
    if (cap === 0) {
      throw new AdapterError('ITEM_TOO_LARGE', `summary ${summary.unit}/${summary.entity} exceeds ${budget} bytes without any codes`, {
        details: { unit: summary.unit, entity: summary.entity, bytes: estimatedBytes(cut) },
      });
    }
  }
}

function capCodes(summary: UnitEntitySummary, cap: number): UnitEntitySummary {
  const tallies = Object.fromEntries(
    Object.entries(summary.tallies).map(([id, tally]) => [
      id,
      { ...tally, failingCodes: tally.failingCodes.slice(0, cap), warningCodes: tally.warningCodes.slice(0, cap) },
    ]),
  );
  const cut: UnitEntitySummary = { ...summary, tallies };
  if (summary.unverifiedCodes) cut.unverifiedCodes = summary.unverifiedCodes.slice(0, cap);
  if (summary.explanations) {
    cut.explanations = Object.fromEntries(
      Object.entries(summary.explanations).map(([entity, byCode]) => [entity, Object.fromEntries(Object.entries(byCode).slice(0, cap))]),
    );
  }
  return cut;
}
