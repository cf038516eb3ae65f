import { z } from 'zod';
import { SCOPE_KINDS, type Scope } from '../../core/access/scope.ts';
import { UnitCode } from '../../handlers/api/input-schemas.ts';

/*
 * The local stand-in for a Cognito ID token: the scope the demo user picked, in a cookie the
 * page's scripts cannot read. Loopback only and anyone may pick any user, so it is not signed.
 */
const COOKIE = 'dondoc_local_scope';

const CookieScope = z.object({ kind: z.enum(SCOPE_KINDS), code: UnitCode });

/** The scope of the request's session cookie; undefined when none or unreadable (the API then answers 401). */
export function sessionScope(cookieHeader: string | undefined): Scope | undefined {
  const raw = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
  if (raw === undefined) return undefined;
  const [kind, code] = safeDecode(raw).split(':');
  const parsed = CookieScope.safeParse({ kind, code });
  return parsed.success ? parsed.data : undefined;
}

export function sessionCookie(scope: Scope): string {
  return `${COOKIE}=${encodeURIComponent(`${scope.kind}:${scope.code}`)}; Path=/; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
