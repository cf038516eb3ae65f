import { z } from 'zod';
import { SCOPE_KINDS, type Scope } from '../../core/access/scope.ts';
import { DondocError } from '../../core/errors.ts';
import { UnitCode } from './input-schemas.ts';

/*
 * Cognito puts custom attributes in ID tokens only: an access token reaches here without
 * them and is refused like any other token that does not say what its holder may read.
 */
const ScopeClaims = z.object({
  'custom:scope_kind': z.enum(SCOPE_KINDS),
  'custom:scope_code': UnitCode,
});

export function callerScope(claims: unknown): Scope {
  const parsed = ScopeClaims.safeParse(claims);
  if (!parsed.success) {
    throw new DondocError('UNAUTHENTICATED', 'Chưa đăng nhập hoặc tài khoản chưa được phân quyền / Not signed in, or the account has no valid scope');
  }
  return { kind: parsed.data['custom:scope_kind'], code: parsed.data['custom:scope_code'] };
}
