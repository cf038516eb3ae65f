import { z } from 'zod';
import { canUpload, type Scope } from '../../core/access/scope.ts';
import { contentTypesFor, MAX_UPLOAD_BYTES, uploadGrant } from '../../core/access/upload-grant.ts';
import type { PresignedUpload } from '../../core/ports/upload-signer.ts';
import { EntityKind } from '../../core/snapshot/entities.ts';
import { parseInstant } from '../../core/time.ts';
import type { ApiDeps } from './api-deps.ts';
import { UnitCode } from './input-schemas.ts';
import { parseInput } from './parse-input.ts';
import { registeredUnit, requireAccess } from './unit-access.ts';

const Instant = z.string().transform((text, ctx) => {
  try {
    return parseInstant(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 instant' });
    return z.NEVER;
  }
});

const UploadBody = z
  .object({
    unit: UnitCode,
    entity: EntityKind,
    fileName: z.string().min(1).max(200).regex(/^[^/\\\p{Cc}]+$/u, 'expected a file name without folders'),
    contentType: z.string().min(1),
    size: z.number().int().min(1).max(MAX_UPLOAD_BYTES),
    asOf: Instant.optional(),
  })
  .superRefine((body, ctx) => {
    const allowed = contentTypesFor(body.fileName);
    if (allowed.length === 0) ctx.addIssue({ code: 'custom', path: ['fileName'], message: 'expected .csv, .xlsx, .ndjson, .csv.gz or .ndjson.gz' });
    else if (!allowed.includes(body.contentType)) ctx.addIssue({ code: 'custom', path: ['contentType'], message: `expected one of ${allowed.join(', ')}` });
  });

export interface UploadResponse extends PresignedUpload {
  key: string;
  maxBytes: number;
}

/** A presigned POST for one snapshot file of a unit the caller may upload for. */
export async function createUpload(deps: ApiDeps, scope: Scope, body: unknown): Promise<UploadResponse> {
  const request = parseInput(UploadBody, body, 'body');
  const unit = await registeredUnit(deps.store, request.unit);
  requireAccess(canUpload(scope, unit, request.entity), request.unit);
  const grant = uploadGrant(request);
  return { ...(await deps.uploads.sign(grant)), key: grant.key, maxBytes: grant.maxBytes };
}
