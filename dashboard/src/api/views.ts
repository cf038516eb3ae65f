/* The API's contract (functions/core/dashboard/views.ts and the routes' own types), as types only. */
export type * from '../../../functions/core/dashboard/views.ts';
export type { UnitChildren, StatusSummary } from '../../../functions/handlers/api/unit-routes.ts';
export type { RequirementUnits } from '../../../functions/handlers/api/requirement-units.ts';
export type { UploadResponse } from '../../../functions/handlers/api/upload-route.ts';
export type { Status, StatusCounts } from '../../../functions/core/evaluation/types.ts';
export type { Finding } from '../../../functions/core/notify/types.ts';
export type { EntityKind, UnitRecord, Level, UnitKind } from '../../../functions/core/snapshot/entities.ts';
export type { ValidationIssue, ValidationReport } from '../../../functions/core/snapshot/validation-report.ts';
export type { Appendix } from '../../../functions/core/report/identity-appendices.ts';
export type { ScopeKind } from '../../../functions/core/access/scope.ts';
