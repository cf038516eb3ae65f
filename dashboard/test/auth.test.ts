import { afterEach, describe, expect, it, vi } from 'vitest';
import { challengeOf, jwtClaims, randomToken } from '../src/auth/pkce.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

afterEach(() => vi.unstubAllGlobals());

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character base64url verifiers that differ each time', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });

  it('reads a token’s claims, UTF-8 included, and nothing from a malformed one', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_700_000_000, 'custom:scope_code': 'Sở' })).toString('base64url');
    expect(jwtClaims(`h.${payload}.s`)).toEqual({ exp: 1_700_000_000, 'custom:scope_code': 'Sở' });
    expect(jwtClaims('not-a-jwt')).toBeUndefined();
    expect(jwtClaims('h.%%%.s')).toBeUndefined();
  });
});

describe('the deployment config', () => {
  const serve = (body: unknown, status = 200) => vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status }));

  it('accepts the local and the Cognito shapes', async () => {
    serve({ auth: 'local' });
    await expect(loadConfig()).resolves.toEqual({ auth: 'local' });
    const cognito = { auth: 'cognito', apiUrl: 'https://api.example', cognitoDomain: 'https://x.auth.ap-southeast-1.amazoncognito.com', clientId: 'abc', redirectUri: 'https://dondoc.example/' };
    serve(cognito);
    await expect(loadConfig()).resolves.toEqual(cognito);
  });

  it('names the field that is wrong', async () => {
    serve({ auth: 'cognito', apiUrl: 'https://api.example', cognitoDomain: 'https://x', clientId: '', redirectUri: 'https://d/' });
    await expect(loadConfig()).rejects.toThrow(/clientId/);
    serve({ auth: 'cognito', apiUrl: 'javascript:alert(1)', cognitoDomain: 'https://x', clientId: 'a', redirectUri: 'https://d/' });
    await expect(loadConfig()).rejects.toThrow(/apiUrl/);
  });

  it('says when the file is missing', async () => {
    serve({}, 404);
    await expect(loadConfig()).rejects.toBeInstanceOf(ConfigError);
  });
});
