import { identityAppendices } from '../report/identity-appendices.ts';
import { identityReport, type IdentityReport, type IdentitySource } from '../report/identity.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import type { AppendixView } from './views.ts';

/**
 * `dondoc report identity` over the units the caller may read: the registry passed in is
 * already cut to them, and so are the figures, so no other unit's numbers reach a total.
 */
export function readableIdentityReport(readable: ReadonlyMap<string, UnitRecord>, sources: readonly IdentitySource[], asOf: number): IdentityReport {
  return identityReport(
    readable,
    sources.filter((source) => readable.has(source.unit)),
    asOf,
  );
}

export function buildAppendix(report: IdentityReport, asOf: number): AppendixView {
  return { evaluatedAt: asOf, appendices: identityAppendices(report), units: report.units };
}
