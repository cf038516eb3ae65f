import * as z from 'zod/mini';
import type { CognitoConfig } from '../config.ts';
import type { Auth } from './auth.ts';
import { challengeOf, jwtClaims, randomToken } from './pkce.ts';

const TOKEN_KEY = 'dondoc.idToken';
const PENDING_KEY = 'dondoc.signIn';
/* A token this close to expiry would fail mid-page; signing in again first is kinder. */
const EXPIRY_MARGIN_MS = 60_000;

const Pending = z.object({ state: z.string(), verifier: z.string(), returnTo: z.string() });
const TokenResponse = z.object({ id_token: z.string().check(z.minLength(1)) });

class SignInError extends Error {}

/**
 * The authorization-code flow with PKCE against Cognito's hosted UI: resolves to an Auth
 * once an ID token is in sessionStorage, or to undefined while the browser leaves for the
 * hosted UI.
 */
export async function cognitoAuth(config: CognitoConfig): Promise<Auth | undefined> {
  const url = new URL(window.location.href);
  // The hosted UI reports a refusal (a disabled user, a cancelled sign-in) here; signing in again would loop.
  const refused = url.searchParams.get('error');
  if (refused !== null) throw new SignInError(`Đăng nhập không thành công: ${url.searchParams.get('error_description') ?? refused}`);
  const code = url.searchParams.get('code');
  if (code !== null) await finishSignIn(config, code, url.searchParams.get('state'));
  const token = validToken();
  if (token === undefined) {
    await startSignIn(config);
    return undefined;
  }
  return {
    apiBase: config.apiUrl.replace(/\/$/, ''),
    headers: () => ({ authorization: `Bearer ${validToken() ?? token}` }),
    credentials: 'omit',
    signIn: () => {
      sessionStorage.removeItem(TOKEN_KEY);
      void startSignIn(config);
    },
    signOut: () => {
      sessionStorage.removeItem(TOKEN_KEY);
      const logout = new URL('/logout', config.cognitoDomain);
      logout.searchParams.set('client_id', config.clientId);
      logout.searchParams.set('logout_uri', config.redirectUri);
      window.location.assign(logout.href);
    },
  };
}

function validToken(): string | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const exp = token === null ? undefined : jwtClaims(token)?.exp;
  return token !== null && typeof exp === 'number' && exp * 1000 > Date.now() + EXPIRY_MARGIN_MS ? token : undefined;
}

async function startSignIn(config: CognitoConfig): Promise<void> {
  const verifier = randomToken();
  const state = randomToken();
  const returnTo = window.location.pathname + window.location.search;
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, returnTo }));
  const authorize = new URL('/oauth2/authorize', config.cognitoDomain);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(verifier),
  }).toString();
  window.location.assign(authorize.href);
}

async function finishSignIn(config: CognitoConfig, code: string, state: string | null): Promise<void> {
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = Pending.safeParse(parseJson(stored));
  // A state that is not the one this tab sent means the code was not asked for here: refuse it.
  if (!pending.success || pending.data.state !== state) throw new SignInError('Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang để đăng nhập lại.');
  const response = await fetch(new URL('/oauth2/token', config.cognitoDomain), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      code_verifier: pending.data.verifier,
    }),
  });
  const tokens = TokenResponse.safeParse(response.ok ? await response.json() : null);
  if (!tokens.success) throw new SignInError(`Không đổi được mã đăng nhập lấy phiên làm việc (HTTP ${response.status}). Vui lòng tải lại trang.`);
  sessionStorage.setItem(TOKEN_KEY, tokens.data.id_token);
  window.history.replaceState(null, '', pending.data.returnTo);
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
