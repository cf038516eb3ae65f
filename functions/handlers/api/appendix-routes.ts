import { z } from 'zod';
import type { Scope } from '../../core/access/scope.ts';
import { appendixCsv, APPENDIX_TABLES } from '../../core/dashboard/appendix-csv.ts';
import { buildAppendix, readableIdentityReport } from '../../core/dashboard/appendix.ts';
import type { AppendixView } from '../../core/dashboard/views.ts';
import { identityXlsxBytes } from '../../core/report/identity-xlsx.ts';
import type { IdentityReport } from '../../core/report/identity.ts';
import type { ApiDeps } from './api-deps.ts';
import { FileBody } from './http-response.ts';
import { parseInput } from './parse-input.ts';
import { readableRegistry } from './readable-units.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

const TableQuery = z.object({ table: z.coerce.number().pipe(z.literal(APPENDIX_TABLES)) });

/* The figures are live (the latest summaries), so they are dated by the request, as the CLI dates its report by --as-of. */
async function report(deps: ApiDeps, scope: Scope): Promise<{ report: IdentityReport; asOf: number }> {
  const registry = await readableRegistry(deps.store, scope);
  const sources = await deps.store.getIdentitySources([...registry.keys()]);
  const asOf = deps.now();
  return { report: readableIdentityReport(registry, sources, asOf), asOf };
}

export async function appendix(deps: ApiDeps, scope: Scope): Promise<AppendixView> {
  const built = await report(deps, scope);
  return buildAppendix(built.report, built.asOf);
}

/** The same workbook `dondoc report identity --format xlsx` writes, over the caller's units. */
export async function appendixXlsx(deps: ApiDeps, scope: Scope): Promise<FileBody> {
  return new FileBody('phu-luc-1-4.xlsx', XLSX, await identityXlsxBytes((await report(deps, scope)).report));
}

export async function appendixCsvFile(deps: ApiDeps, scope: Scope, query: unknown): Promise<FileBody> {
  const { table } = parseInput(TableQuery, query, 'query');
  const csv = appendixCsv((await report(deps, scope)).report, table);
  return new FileBody(`phu-luc-${table}.csv`, CSV, Buffer.from(csv, 'utf8'));
}
