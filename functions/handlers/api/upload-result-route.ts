import { z } from 'zod';
import { canUpload, type Scope } from '../../core/access/scope.ts';
import type { UploadResultView } from '../../core/dashboard/views.ts';
import { DondocError } from '../../core/errors.ts';
import { EntityKind } from '../../core/snapshot/entities.ts';
import { SNAPSHOTS_PREFIX } from '../../core/snapshot/object-keys.ts';
import type { ApiDeps } from './api-deps.ts';
import { UnitCode } from './input-schemas.ts';
import { parseInput } from './parse-input.ts';
import { registeredUnit, requireAccess } from './unit-access.ts';

/* The key POST /api/uploads handed out: snapshots/<entity>/<unit>/<file>. */
const UploadKey = z
  .string()
  .max(400)
  .transform((key, ctx) => {
    const [prefix, entity, unit, name, ...rest] = key.split('/');
    const parsed = { entity: EntityKind.safeParse(entity), unit: UnitCode.safeParse(unit) };
    if (`${prefix}/` !== SNAPSHOTS_PREFIX || !parsed.entity.success || !parsed.unit.success || !name || rest.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'expected snapshots/<entity>/<unit>/<file>' });
      return z.NEVER;
    }
    return { key, entity: parsed.entity.data, unit: parsed.unit.data };
  });

/*
 * The browser knows the key, not the version: the latest processing of the key answers.
 * `since` (epoch ms, when the browser started its upload) keeps an earlier upload of the
 * same file name from passing for this one.
 */
const ResultQuery = z.object({ key: UploadKey, since: z.coerce.number().int().nonnegative().optional() });

/** What became of an upload, for a caller who may upload for the key's unit. */
export async function uploadResult(deps: ApiDeps, scope: Scope, query: unknown): Promise<UploadResultView> {
  const { key: upload, since } = parseInput(ResultQuery, query, 'query');
  requireAccess(canUpload(scope, await registeredUnit(deps.store, upload.unit), upload.entity), upload.unit);
  const processed = await deps.store.latestObjectOutcome(upload.key);
  if (processed === undefined || (since !== undefined && processed.processedAt < since)) return { state: 'pending', key: upload.key };
  if (processed.outcome === 'applied') return { state: 'applied', key: upload.key, rows: processed.rows };
  const report = await deps.objects.readReport(processed.reportKey);
  if (report === undefined) {
    throw new DondocError('NOT_FOUND', `Báo cáo kiểm tra của tệp ${upload.key} không còn lưu / The validation report of ${upload.key} is no longer kept`);
  }
  return { state: 'rejected', key: upload.key, report };
}
