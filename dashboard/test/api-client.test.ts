import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ApiError, createApi } from '../src/api/client.ts';
import type { Auth } from '../src/auth/auth.ts';

function auth(): Auth & { signIn: Mock<() => void> } {
  return { apiBase: 'https://api.example', headers: () => ({ authorization: 'Bearer t' }), credentials: 'omit', signIn: vi.fn<() => void>() };
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('sends the credentials to the configured API and returns the answer', async () => {
    const fetch = vi.fn(async () => json(200, { kind: 'unit', code: 'THCS-A1', name: 'Trường THCS A1' }));
    vi.stubGlobal('fetch', fetch);
    await expect(createApi(auth()).get('/api/me')).resolves.toEqual({ kind: 'unit', code: 'THCS-A1', name: 'Trường THCS A1' });
    expect(fetch).toHaveBeenCalledWith('https://api.example/api/me', expect.objectContaining({ credentials: 'omit', headers: { authorization: 'Bearer t' } }));
  });

  it('turns an error answer into its Vietnamese message, code and field', async () => {
    vi.stubGlobal('fetch', async () => json(400, { error: { code: 'INVALID_ARGUMENT', message: 'Mã đơn vị không hợp lệ / Invalid unit code', field: 'unit' } }));
    const error = await createApi(auth()).post('/api/uploads', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT', message: 'Mã đơn vị không hợp lệ', field: 'unit' });
  });

  it('sends the user to sign in on 401', async () => {
    vi.stubGlobal('fetch', async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập / Not signed in' } }));
    const a = auth();
    await expect(createApi(a).get('/api/overview')).rejects.toMatchObject({ status: 401 });
    expect(a.signIn).toHaveBeenCalledOnce();
  });

  it('says the server is unreachable when the request never gets an answer', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createApi(auth()).get('/api/overview')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('says which HTTP status came back when the body is not the error envelope', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(createApi(auth()).get('/api/overview')).rejects.toMatchObject({ status: 502, message: expect.stringContaining('HTTP 502') });
  });
});
