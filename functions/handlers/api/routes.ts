import { z } from 'zod';
import type { Scope } from '../../core/access/scope.ts';
import { DondocError } from '../../core/errors.ts';
import type { ApiDeps } from './api-deps.ts';
import { RequirementId, StatusName, UnitCode } from './input-schemas.ts';
import { parseInput } from './parse-input.ts';
import { appendix, appendixCsvFile, appendixXlsx } from './appendix-routes.ts';
import { calendar, me, overdue, overview } from './dashboard-routes.ts';
import { requirementUnits } from './requirement-units.ts';
import { unitChildren, unitPage } from './unit-routes.ts';
import { uploadResult } from './upload-result-route.ts';
import { createUpload } from './upload-route.ts';

export interface RouteCall {
  deps: ApiDeps;
  scope: Scope;
  params: Record<string, string>;
  query: Record<string, string>;
  body: () => unknown;
}

interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  run: (call: RouteCall) => Promise<unknown>;
}

const UnitParams = z.object({ code: UnitCode });
const RequirementParams = z.object({ requirementId: RequirementId });
const StatusQuery = z.object({ status: StatusName });
const OfficeQuery = z.object({ office: UnitCode.optional() });

const office = (query: unknown) => parseInput(OfficeQuery, query, 'query').office;

/*
 * HTTP APIs hand the function a path with `%2F` already decoded, so a requirement id
 * (`<dispatch>/<requirement>`) arrives either encoded or as two segments: the pattern takes both.
 * Each route answers the type views.ts gives it.
 */
const ROUTES: readonly Route[] = [
  { method: 'GET', path: /^\/api\/me$/, run: ({ deps, scope }) => me(deps, scope) },
  { method: 'GET', path: /^\/api\/overview$/, run: ({ deps, scope, query }) => overview(deps, scope, office(query)) },
  { method: 'GET', path: /^\/api\/calendar$/, run: ({ deps, scope, query }) => calendar(deps, scope, office(query)) },
  { method: 'GET', path: /^\/api\/overdue$/, run: ({ deps, scope, query }) => overdue(deps, scope, office(query)) },
  { method: 'GET', path: /^\/api\/appendix$/, run: ({ deps, scope }) => appendix(deps, scope) },
  { method: 'GET', path: /^\/api\/exports\/appendix\.xlsx$/, run: ({ deps, scope }) => appendixXlsx(deps, scope) },
  { method: 'GET', path: /^\/api\/exports\/appendix\.csv$/, run: ({ deps, scope, query }) => appendixCsvFile(deps, scope, query) },
  {
    method: 'GET',
    path: /^\/api\/units\/(?<code>[^/]+)$/,
    run: ({ deps, scope, params }) => unitPage(deps, scope, parseInput(UnitParams, params, 'path').code),
  },
  {
    method: 'GET',
    path: /^\/api\/units\/(?<code>[^/]+)\/children$/,
    run: ({ deps, scope, params }) => unitChildren(deps, scope, parseInput(UnitParams, params, 'path').code),
  },
  {
    method: 'GET',
    path: /^\/api\/requirements\/(?<requirementId>.+)\/units$/,
    run: ({ deps, scope, params, query }) =>
      requirementUnits(deps.store, scope, parseInput(RequirementParams, params, 'path').requirementId, parseInput(StatusQuery, query, 'query').status),
  },
  { method: 'POST', path: /^\/api\/uploads$/, run: ({ deps, scope, body }) => createUpload(deps, scope, body()) },
  { method: 'GET', path: /^\/api\/uploads\/result$/, run: ({ deps, scope, query }) => uploadResult(deps, scope, query) },
];

export interface MatchedRoute {
  run: Route['run'];
  params: Record<string, string>;
}

export function matchRoute(method: string, path: string): MatchedRoute {
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  for (const route of ROUTES) {
    const match = route.method === method ? route.path.exec(trimmed) : null;
    if (match !== null) return { run: route.run, params: decodeParams(match.groups ?? {}) };
  }
  throw new DondocError('NOT_FOUND', `Không có đường dẫn ${method} ${path} / No route ${method} ${path}`);
}

function decodeParams(groups: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    throw new DondocError('INVALID_ARGUMENT', 'Đường dẫn mã hóa sai / The path is not correctly encoded', { field: 'path' });
  }
}
